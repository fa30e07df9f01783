"""The string encoder, unit by unit (the fidelity test proves the whole against Terraform)."""

from __future__ import annotations

import pytest

from tfbindgen import hclencode

TOKEN = "${TfToken[TOKEN.7]}"


def test_template_sequences_tokens_and_escapes_are_told_apart_from_literal_text() -> None:
    text = f'a"${{x("}}")}}$${{lit}} %{{ if b }}{TOKEN}%%{{'
    assert hclencode.split(text) == [
        ("literal", 'a"'),
        ("sequence", '${x("}")}'),
        ("literal", "$${lit} "),
        ("sequence", "%{ if b }"),
        ("token", TOKEN),
        ("literal", "%%{"),
    ]


@pytest.mark.parametrize("text", ["${", "a ${b", '${ "}" ', "%{ if"])
def test_an_unterminated_sequence_is_an_error_with_the_escape_to_use(text: str) -> None:
    with pytest.raises(hclencode.TemplateError, match=r"unterminated template sequence"):
        hclencode.split(text)


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("", "reference", '""'),
        ("plain", "reference", '"plain"'),
        ('q"\\\t\x01', "reference", '"q\\"\\\\\\t\\u0001"'),
        ("one\n", "reference", '"one\\n"'),
        ("a\nb\n", "simple", "a\nb"),  # heredoc: the renderer adds the final newline back
        ("a\nb", "reference", '"a\\nb"'),
        ("a\r\nb\r\n", "reference", '"a\\r\\nb\\r\\n"'),
        ("x\nEOF\n", "reference", '"x\\nEOF\\n"'),
        ("x\n\x1b[0m\n", "reference", '"x\\n\\u001b[0m\\n"'),
        ('%{ if a == "b" }y%{ endif }', "reference", '"%{ if a == "b" }y%{ endif }"'),
        (f'x"{TOKEN}', "simple", f'x\\"{TOKEN}'),
        ("${a(\n)} b", "simple", '${a(\n)} b${""~}'),
    ],
)
def test_a_string_attribute_is_quoted_escaped_or_a_heredoc(
    text: str, kind: str, value: str
) -> None:
    assert hclencode.string_descriptor(text) == (kind, value)


def test_complex_values_are_expressions_wrapped_only_when_they_hold_a_sequence() -> None:
    assert hclencode.complex_descriptor({"a": ["x", 1, True, None], "b c": {}}) == (
        "reference",
        '{"a" = ["x", 1, true, null], "b c" = {}}',
    )
    assert hclencode.complex_descriptor([TOKEN, f"p-{TOKEN}", "${var.x}"]) == (
        "simple",
        f'${{ ["${{({TOKEN})}}", "p-${{({TOKEN})}}", "${{var.x}}"] }}',
    )


def test_a_line_break_inside_a_sequence_cannot_sit_in_a_list() -> None:
    with pytest.raises(hclencode.TemplateError, match="spans lines"):
        hclencode.complex_descriptor(["${a(\n)}"])


def test_numbers_without_a_terraform_spelling_are_refused() -> None:
    assert hclencode.number(1e21) == "1e+21"
    assert hclencode.number(-3) == "-3"
    with pytest.raises(hclencode.TemplateError, match="not a finite number"):
        hclencode.number(float("inf"))


def test_block_labels_are_escaped_literals_and_cannot_hold_templates() -> None:
    assert hclencode.block_label('a "b" \\') == '"a \\"b\\" \\\\"'
    with pytest.raises(hclencode.TemplateError, match="labels are literal strings"):
        hclencode.block_label("${x}")
