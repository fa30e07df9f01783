"""HCL text for values, so that HCL means exactly what the JSON synthesis means.

Pure string functions (no engine import) used by :mod:`tfbindgen.runtime`.

Why this exists: the engine's HCL renderer (``lib/hcl/render.js``, the same
in cdktn 0.24 and cdktf 0.21) is lossy. A multi-line string becomes a
``<<EOF`` heredoc that gains a final newline, loses CR and ends early at a
line ``EOF``; a one-line string only gets its double quotes escaped
(backslashes, tabs and control characters pass raw); a list inside a map
becomes an object. So every value is encoded here first, and handed to the
renderer in a form it copies verbatim:

* a string attribute: the *body* of a one-line quoted HCL string (the
  renderer adds the quotes), or - for a readable multi-line string that ends
  with a newline and has no CR, no ``EOF`` line and no control characters -
  the text without its last newline, which the renderer's heredoc adds back
  (heredocs process no backslash escapes, so the text goes in unescaped);
* any other value (lists, maps, objects): a complete HCL expression.

In Terraform, JSON strings are templates too: ``${...}`` and ``%{...}``
sequences (and the ``$${``/``%%{`` escapes) mean the same in both syntaxes.
So template sequences, engine tokens among them, are copied raw and only the
literal text between them is escaped.

Engine tokens (``${TfToken[TOKEN.n]}``) resolve by context: after a ``${``
that is not a token, up to the next ``}``, the engine writes the bare
expression (``aws_x.y.id``), elsewhere ``${aws_x.y.id}``. Inside the
``${ <expression> }`` that wraps a complex value with tokens, each token in
literal text is therefore written as ``${(<token>)}``: our own ``${(`` puts the
token in bare mode whatever came before, giving ``"${(aws_x.y.id)}"``, a
template that yields the referenced value itself.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from typing import Final, Literal

TOKEN: Final = re.compile(r"\$\{TfToken\[[a-zA-Z0-9:._-]+\]\}")

# Escapes of an HCL quoted string. Other C0/C1 controls and the Unicode line
# separators become \uNNNN: raw, they are invisible or break the line.
_ESCAPES: Final = {ord("\\"): "\\\\", ord('"'): '\\"', ord("\n"): "\\n", ord("\r"): "\\r",
                   ord("\t"): "\\t"}  # fmt: skip
for _code in [*range(0x20), *range(0x7F, 0xA0), 0x2028, 0x2029]:
    _ESCAPES.setdefault(_code, f"\\u{_code:04x}")
_HEREDOC_UNSAFE: Final = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\r]")

Part = tuple[Literal["literal", "sequence", "token"], str]
_SPECIAL: Final = re.compile(r"[$%]")


class TemplateError(ValueError):
    """A string cannot be written faithfully; the message says why and what to do."""


def split(text: str) -> list[Part]:
    """Literal text, template sequences and engine tokens of ``text``, in order.

    Raises :class:`TemplateError` for a ``${``/``%{`` that is never closed:
    Terraform rejects it in JSON and HCL alike, and it is always a mistake
    (a literal ``${`` is written ``$${``).
    """
    parts: list[Part] = []
    literal: list[str] = []
    i, n = 0, len(text)
    while i < n:
        # Jump over plain text: only $ and % can start anything (user-data
        # is tens of KB a node, so a character loop dominated synth time).
        special = _SPECIAL.search(text, i)
        if special is None:
            literal.append(text[i:])
            break
        if special.start() > i:
            literal.append(text[i : special.start()])
            i = special.start()
        char = text[i]
        if char in "$%" and text.startswith(char * 2 + "{", i):
            literal.append(text[i : i + 3])  # $${ / %%{ escape: literal in both syntaxes
            i += 3
            continue
        if char in "$%" and text.startswith("{", i + 1):
            end = _sequence_end(text, i + 2)
            if end < 0:
                raise TemplateError(
                    f"unterminated template sequence {text[i : i + 2]!r} at offset {i}; "
                    f"close it with '}}' or write a literal {text[i : i + 2]!r} as "
                    f"{char * 2 + '{'!r}"
                )
            if literal:
                parts.append(("literal", "".join(literal)))
                literal = []
            kind: Literal["sequence", "token"] = (
                "token" if TOKEN.fullmatch(text, i, end) else "sequence"
            )
            parts.append((kind, text[i:end]))
            i = end
            continue
        literal.append(char)
        i += 1
    if literal:
        parts.append(("literal", "".join(literal)))
    return parts


def _sequence_end(text: str, i: int) -> int:
    """Index after the ``}`` closing a sequence whose body starts at ``i``, or -1."""
    depth = 1
    n = len(text)
    while i < n:
        char = text[i]
        if char == '"':
            i = _quoted_end(text, i + 1)
            if i < 0:
                return -1
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return -1


def _quoted_end(text: str, i: int) -> int:
    """Index after the ``"`` closing a quoted template starting at ``i``, or -1."""
    n = len(text)
    while i < n:
        char = text[i]
        if char == "\\":
            i += 2
            continue
        if char == '"':
            return i + 1
        if char in "$%" and text.startswith(char * 2 + "{", i):
            i += 3
            continue
        if char in "$%" and text.startswith("{", i + 1):
            i = _sequence_end(text, i + 2)
            if i < 0:
                return -1
            continue
        i += 1
    return -1


def escape_literal(text: str) -> str:
    """``text`` as literal characters inside an HCL quoted string."""
    return text.translate(_ESCAPES)


def quoted_body(text: str, *, in_expression: bool = False) -> str:
    """The body of a one-line HCL quoted template meaning what ``text`` means in JSON.

    ``in_expression``: the string sits inside our ``${ ... }`` wrapper, so
    tokens in literal text get their own ``${(...)}`` (see the module doc).
    """
    out: list[str] = []
    for kind, piece in split(text):
        if kind == "literal":
            out.append(escape_literal(piece))
        elif kind == "token" and in_expression:
            out.append("${(" + piece + ")}")
        else:
            if "\n" in piece or "\r" in piece:
                raise TemplateError(
                    f"the template sequence {_clip(piece)!r} spans lines; inside a list, map "
                    "or object value, or in a string with CR or an 'EOF' line, HCL can only "
                    "carry it on one line: put the expression on one line"
                )
            out.append(piece)
    return "".join(out)


def string_descriptor(text: str) -> tuple[Literal["simple", "reference"], str]:
    """(descriptor type, value) for a string attribute; see the module doc.

    ``simple`` values go through the renderer's ``renderString`` (quotes added,
    or a heredoc when the value has a newline); ``reference`` values are
    copied verbatim, used for a complete quoted literal without ``${`` (the
    renderer would otherwise "escape" quotes inside ``%{`` directives).
    """
    parts = split(text)
    if "\n" in text and not _HEREDOC_UNSAFE.search(text) and not _has_eof_line(text):
        if text.endswith("\n") and "\n" in text[:-1]:
            return "simple", text[:-1]
        if any(kind != "literal" and "\n" in piece for kind, piece in parts):
            # A line break inside ${...} cannot be escaped away; a heredoc
            # carries it, and the strip marker (~}) drops the final newline
            # the heredoc would add.
            body = text[:-1] if text.endswith("\n") else text + '${""~}'
            return "simple", body
    body = quoted_body(text)
    if "${" in body:
        return "simple", body
    return "reference", f'"{body}"'


def _has_eof_line(text: str) -> bool:
    return any(line.strip() == "EOF" for line in text.split("\n"))


def number(value: float) -> str:
    """A number literal; NaN and infinities have no Terraform spelling."""
    if isinstance(value, bool) or not math.isfinite(value):
        raise TemplateError(f"{value!r} is not a finite number")
    return str(value) if isinstance(value, int) else repr(value)


def expression(value: object) -> str:
    """An HCL expression for a plain value (tokens already turned into strings)."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (int, float)):
        return number(value)
    if isinstance(value, str):
        return '"' + quoted_body(value, in_expression=True) + '"'
    if isinstance(value, Mapping):
        items = (f"{expression(str(k))} = {expression(v)}" for k, v in value.items())
        return "{" + ", ".join(items) + "}"
    if isinstance(value, Sequence):
        return "[" + ", ".join(expression(v) for v in value) + "]"
    raise TemplateError(f"{type(value).__name__} values have no HCL spelling")


def complex_descriptor(value: object) -> tuple[Literal["simple", "reference"], str]:
    """(descriptor type, value) for a list, map or object attribute.

    Without any ``${`` the expression is copied verbatim (``reference``);
    with one, the renderer would quote it, so it becomes the template
    ``${ <expression> }``, which yields the value itself.
    """
    text = expression(value)
    if "${" in text:
        return "simple", "${ " + text + " }"
    return "reference", text


def block_label(label: str) -> str:
    """A quoted block label (map-nested blocks); labels are not templates."""
    if "${" in label or "%{" in label:
        raise TemplateError(
            f"block label {label!r} contains a template sequence; labels are literal "
            "strings in HCL and cannot hold one"
        )
    return '"' + escape_literal(label) + '"'


def _clip(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."
