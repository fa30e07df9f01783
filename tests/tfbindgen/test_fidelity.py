"""HCL means exactly what JSON means, for every tricky value (the fidelity corpus).

The corpus (tfbindgen_programs.STRINGS and COMPLEX, plus blocks and
references) goes through a fixture provider's generated bindings and both
synthesis paths. Three independent checks:

1. python-hcl2 parses the HCL; every attribute, normalised, equals the JSON
   synthesis. python-hcl2 returns strings as written (quotes and escapes
   kept, heredocs as ``<<EOF...EOF``, our ``${ <expression> }`` wrapper as a
   string), so the normaliser below undoes exactly HCL's own syntax: it
   decodes backslash escapes outside ``${...}``/``%{...}`` sequences (inside
   them the text is an expression and stays raw), takes heredoc bodies
   verbatim (applying the strip marker of a trailing ``${""~}``), re-parses
   a wrapped expression, and reads our ``${(ref)}`` (a token in bare mode
   inside the wrapper) as ``${ref}``.
2. ``terraform fmt`` accepts the file (tests/tfbindgen/test_bindings_synth.py).
3. Terraform itself evaluates both: every string and complex value becomes a
   local in HCL and in ``.tf.json``, and ``terraform apply`` (no provider
   needed: only locals, a variable and outputs) must print equal outputs;
   strings without template sequences must also equal the Python original.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

import hcl2
import pytest
from tfbindgen_programs import COMPLEX, STRINGS
from tfbindgen_testing import terraform_env

_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", '"': '"', "\\": "\\"}


def _sequence_end(text: str, i: int) -> int:
    """Index after the brace closing a ${ or %{ whose body starts at i."""
    depth, in_string = 1, False
    while i < len(text):
        char = text[i]
        if in_string:
            if char == "\\":
                i += 1
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise AssertionError(f"unterminated sequence in {text!r}")


def decode_quoted(body: str) -> str:
    """The template text of an HCL quoted string body (escapes decoded, sequences raw)."""
    out: list[str] = []
    i = 0
    while i < len(body):
        if body[i] == "\\":
            kind = body[i + 1]
            if kind in "uU":
                width = 4 if kind == "u" else 8
                out.append(chr(int(body[i + 2 : i + 2 + width], 16)))
                i += 2 + width
            else:
                out.append(_ESCAPES[kind])
                i += 2
        elif body.startswith(("$${", "%%{"), i):
            out.append(body[i : i + 3])
            i += 3
        elif body.startswith(("${", "%{"), i):
            end = _sequence_end(body, i + 2)
            out.append(body[i:end])
            i = end
        else:
            out.append(body[i])
            i += 1
    return "".join(out)


def _bare_tokens(text: str) -> str:
    return re.sub(r"\$\{\(([^()]*)\)\}", r"${\1}", text)


def normalise(value: Any, expected: Any) -> Any:
    """python-hcl2's reading of a value, as the plain value JSON would hold."""
    if isinstance(value, str) and value.startswith('"') and value.endswith('"'):
        inner = value[1:-1]
        if inner.startswith("<<EOF\n") and inner.endswith("EOF"):
            text = inner[len("<<EOF\n") : -len("EOF")]
            # `${""~}` yields "" and its strip marker removes the whitespace
            # after it: the heredoc's own final newline.
            text = re.sub(r'\$\{""~\}\s*$', "", text)
        else:
            text = decode_quoted(inner)
        if not isinstance(expected, str) and text.startswith("${") and text.endswith("}"):
            # our wrapper: a template of one expression, the value itself
            return normalise(hcl2.loads("x = " + text[2:-1].strip())["x"], expected)
        return _bare_tokens(text)
    if isinstance(value, str) and isinstance(expected, float) and value.startswith("${"):
        return float(value[2:-1])  # python-hcl2 reads 1.5e+300 as an expression
    if isinstance(value, dict):
        items = {k: v for k, v in value.items() if k != "__is_block__"}
        return {
            normalise(k, "") if k.startswith('"') else k: normalise(
                v, expected.get(normalise(k, "") if k.startswith('"') else k)
                if isinstance(expected, dict) else None
            )
            for k, v in items.items()
        }  # fmt: skip
    if isinstance(value, list):
        hints = expected if isinstance(expected, list) else [None] * len(value)
        return [normalise(v, h) for v, h in zip(value, hints, strict=False)]
    return value


def _blocks_as_json(hcl_resource: dict[str, Any], json_resource: dict[str, Any]) -> dict[str, Any]:
    """python-hcl2 lists every block; JSON has an object for single and labelled ones."""
    out = dict(hcl_resource)
    for name, value in json_resource.items():
        if isinstance(value, dict) and isinstance(out.get(name), list):
            blocks = out[name]
            if len(blocks) == 1 and not any(k.startswith('"') for k in blocks[0]):
                out[name] = blocks[0]  # a single block
            else:  # labelled blocks: [{'"label"': {...}}, ...]
                out[name] = {k: v for block in blocks for k, v in block.items()}
    return out


@pytest.fixture(scope="module")
def fidelity(synthesized: dict[str, dict[str, Any]]) -> tuple[dict[str, Any], str]:
    document = json.loads(synthesized["cdktn"]["fidelity"]["json"])
    return document, synthesized["cdktn"]["fidelity"]["hcl"]


def test_every_value_parsed_from_the_hcl_equals_the_json_value(
    fidelity: tuple[dict[str, Any], str],
) -> None:
    document, hcl = fidelity
    expected_resources = document["resource"]["fidelity_value"]
    parsed = hcl2.loads(hcl)
    seen = 0
    for entry in parsed["resource"]:
        for name, body in entry['"fidelity_value"'].items():
            resource = name.strip('"')
            expected = expected_resources[resource]
            got = normalise(_blocks_as_json(body, expected), expected)
            got.pop("__is_block__", None)
            assert got == expected, resource
            seen += 1
    # strings, three token strings, complex values, `other` and `blocks`
    assert seen == len(expected_resources) == len(STRINGS) + 3 + len(COMPLEX) + 2
    provider = normalise(parsed["provider"][0]['"fidelity"'], None)
    assert provider == {"endpoint_overrides": {"computeV2": "c", "Net-Work": "n"}}
    assert document["provider"]["fidelity"] == [provider]


def test_nested_blocks_are_real_blocks_with_labels_escaped(
    fidelity: tuple[dict[str, Any], str],
) -> None:
    _, hcl = fidelity
    assert 'labelled "sec \\"ond" {\ns = "2\\n"\n}' in hcl
    assert "blk {\ns = <<EOF\nx\ny\nEOF\n" in hcl
    assert 'inner {\ns = "i\\\\j"\n}\ninner {\n' in hcl


def _resource_expressions(hcl: str) -> dict[str, str]:
    """Each one-attribute fidelity resource's expression, as the HCL has it."""
    out = {}
    for chunk in hcl.split('\nresource "fidelity_value" "')[1:]:
        name, _, rest = chunk.partition('" {\n')
        body = rest[: rest.index("\n}")]
        attribute, _, expression = body.partition(" = ")
        assert re.fullmatch(r"[a-z]+", attribute), body
        if name.startswith(("s_", "c_")):
            out[name] = expression
    return out


def _terraform_outputs(folder: Path, terraform: str) -> dict[str, Any]:
    for argv in (["init", "-input=false", "-no-color"],
                 ["apply", "-auto-approve", "-input=false", "-no-color"]):  # fmt: skip
        run = subprocess.run(
            [terraform, *argv], cwd=folder, capture_output=True, text=True, timeout=300,
            env=terraform_env(),
            check=False,
        )  # fmt: skip
        assert run.returncode == 0, run.stdout + run.stderr
    run = subprocess.run(
        [terraform, "output", "-json"], cwd=folder, capture_output=True, text=True, timeout=120,
        env=terraform_env(),
        check=True,
    )  # fmt: skip
    outputs: dict[str, Any] = {k: v["value"] for k, v in json.loads(run.stdout).items()}
    return outputs


def test_terraform_evaluates_the_hcl_and_the_json_to_the_same_values(
    fidelity: tuple[dict[str, Any], str], tmp_path: Path
) -> None:
    terraform = shutil.which("terraform")
    if terraform is None:
        pytest.skip("terraform is not installed; python-hcl2 still compared every value")
    document, hcl = fidelity
    expressions = _resource_expressions(hcl)
    resources = document["resource"]["fidelity_value"]
    assert len(expressions) == len(STRINGS) + 3 + len(COMPLEX)
    hcl_locals = "".join(f"  h_{name} = {expr}\n" for name, expr in sorted(expressions.items()))
    (tmp_path / "hcl.tf").write_text(
        'variable "ref" {\n  type    = string\n  default = "REF-1"\n}\n\n'
        f"locals {{\n{hcl_locals}}}\n\n"
        'output "hcl" {\n  value = {\n'
        + "".join(f"    {name} = local.h_{name}\n" for name in sorted(expressions))
        + "  }\n}\n"
    )
    json_locals = {}
    for name in expressions:
        ((_, value),) = resources[name].items()
        json_locals[f"j_{name}"] = value
    (tmp_path / "json.tf.json").write_text(
        json.dumps(
            {
                "locals": json_locals,
                "output": {"json": {"value": {n: f"${{local.j_{n}}}" for n in expressions}}},
            },
            indent=2,
        )
    )
    outputs = _terraform_outputs(tmp_path, terraform)
    for name in sorted(expressions):
        assert outputs["hcl"][name] == outputs["json"][name], name
    # and a string without template sequences is exactly what the program wrote
    for name, text in STRINGS:
        if "${" not in text and "%{" not in text:
            assert outputs["hcl"][f"s_{name}"] == unicodedata.normalize("NFC", text), name
    assert outputs["hcl"]["s_token_in_text"] == "x-REF-1-y"
    assert outputs["hcl"]["c_map_with_lists"] == {
        "a": ["1", "2"],
        "b": [],
        "c": ["REF-1", "x\\y", "t-REF-1"],
    }
