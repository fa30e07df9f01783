"""The HCL native-syntax scanner behind :mod:`tfbindgen.hclfmt`: text to tokens.

Cuts text where ``hclsyntax``'s scanner cuts it (the token kinds below are
the ones ``terraform fmt``'s layout rules tell apart) and refuses what it
refuses: unterminated strings, heredocs and comments, invalid escapes and
stray characters raise :class:`HclFormatError`, saying where.
"""

from __future__ import annotations

import re
from typing import Final


class HclFormatError(ValueError):
    """The text is not HCL that ``terraform fmt`` would format; says where and why."""


# Token kinds (the hclsyntax token types the layout rules tell apart).
(NIL, NEWLINE, COMMENT, IDENT, NUMBER, OQUOTE, CQUOTE, QUOTEDLIT, OHEREDOC, CHEREDOC,
 STRINGLIT, INTERP, CONTROL, SEQEND, OBRACE, CBRACE, OBRACK, CBRACK, OPAREN, CPAREN,
 EQUAL, DOT, COMMA, ELLIPSIS, COLON, DCOLON, QUESTION, BANG, MINUS, PLUS, STAR, SLASH,
 PERCENT, EQOP, NEQ, LT, LE, GT, GE, AND, OR, FATARROW) = range(42)  # fmt: skip
KINDS: Final = 42

_OPERATORS: Final = {
    "...": ELLIPSIS, "==": EQOP, "!=": NEQ, "<=": LE, ">=": GE, "&&": AND, "||": OR,
    "=>": FATARROW, "::": DCOLON, "{": OBRACE, "}": CBRACE, "[": OBRACK, "]": CBRACK,
    "(": OPAREN, ")": CPAREN, "=": EQUAL, ".": DOT, ",": COMMA, ":": COLON, "?": QUESTION,
    "!": BANG, "-": MINUS, "+": PLUS, "*": STAR, "/": SLASH, "%": PERCENT, "<": LT, ">": GT,
}  # fmt: skip

# --------------------------------------------------------------------- scanner

_IDENT: Final = r"[^\W\d][\w-]*"
_EXPR_TOKEN: Final = re.compile(
    "|".join((
        r"(?P<ws>[ \t]+)",
        r"(?P<nl>\r?\n)",
        r"(?P<lcomment>(?:#|//)[^\n]*\n?)",
        r"(?P<bcomment>/\*)",
        rf"(?P<heredoc><<-?(?P<marker>{_IDENT})\r?\n)",
        rf"(?P<ident>{_IDENT})",
        r"(?P<number>[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)",
        r'(?P<quote>")',
        r"(?P<strip>~\})",
        r"(?P<op>\.\.\.|==|!=|<=|>=|&&|\|\||=>|::|[-+*/%<>=!?:.,{}\[\]()])",
    ))
)  # fmt: skip
# Literal text of a quoted template, cut where the HCL scanner cuts it: each
# `$` or `%` starts a token of its own, and `$${` / `%%{` are one token.
_QUOTED_TOKEN: Final = re.compile(
    r'(?P<lit>(?:[^"\\$%\r\n]|\\.)+|\$\$\{|%%\{|[$%](?!\{))|(?P<interp>\$\{~?)'
    r'|(?P<control>%\{~?)|(?P<close>")'
)
_HEREDOC_TEXT: Final = re.compile(r"(?:[^$%\n]|\$\$\{|%%\{|[$%](?!\{))*\n?")
# Escapes of a quoted string, left to right; group "bad" catches any other.
_ESCAPE: Final = re.compile(r'\\(?:[nrt"\\]|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|(?P<bad>.))')

_SEQUENCE_OPENER: Final = re.compile(r"\$\{~?|%\{~?")


class _Frame:
    """One scanner mode on the stack: top-level expression, ``${ }``, ``"..."`` or heredoc."""

    __slots__ = ("at_line_start", "depth", "marker", "mode")

    EXPR, INTERP, QUOTED, HEREDOC = range(4)

    def __init__(self, mode: int, marker: str = "") -> None:
        self.mode = mode
        self.depth = 0  # braces opened inside a template sequence
        self.marker = marker
        self.at_line_start = True


def _where(text: str, pos: int) -> str:
    line = text.count("\n", 0, pos) + 1
    column = pos - (text.rfind("\n", 0, pos) + 1) + 1
    return f"line {line}, column {column}"


def _check_escapes(text: str, pos: int, literal: str) -> None:
    for escape in _ESCAPE.finditer(literal):
        if escape.group("bad") is not None:
            raise HclFormatError(
                f"{_where(text, pos + escape.start())}: invalid escape sequence "
                f'{escape.group()!r} in a quoted string; HCL allows \\n \\r \\t \\" \\\\ '
                "\\uNNNN and \\UNNNNNNNN (write \\\\ for a backslash)"
            )


def _unclosed_heredoc(text: str, pos: int, marker: str) -> HclFormatError:
    return HclFormatError(
        f"{_where(text, pos)}: heredoc <<{marker} is not closed; "
        f"end it with a line '{marker}' followed by a newline"
    )


def tokenize(text: str) -> tuple[list[int], list[str], int]:
    """Token kinds and texts (whitespace dropped) and the spaces before the end.

    Mirrors the hclsyntax scanner where the layout can tell: a heredoc line
    (with its newline) is one ``STRINGLIT``; its closing marker line, without
    the newline, is ``CHEREDOC``; literal text of a quoted string is cut at
    ``$`` and ``%`` as the scanner cuts it.
    """
    kinds: list[int] = []
    texts: list[str] = []
    add_kind = kinds.append
    add_text = texts.append
    stack = [_Frame(_Frame.EXPR)]
    pos = 0
    end = len(text)
    trailing = 0
    expr_match = _EXPR_TOKEN.match
    quoted_match = _QUOTED_TOKEN.match
    while pos < end:
        frame = stack[-1]
        mode = frame.mode
        if mode == _Frame.QUOTED:
            m = quoted_match(text, pos)
            if m is None:
                raise HclFormatError(
                    f"{_where(text, pos)}: a quoted string must end on its own line, got "
                    f"{text[pos : pos + 20]!r}; close it with '\"' or use a heredoc"
                )
            group = m.lastgroup
            value = m.group()
            if group == "lit":
                if "\\" in value:
                    _check_escapes(text, pos, value)
                add_kind(QUOTEDLIT)
            elif group == "close":
                add_kind(CQUOTE)
                stack.pop()
            else:
                add_kind(INTERP if group == "interp" else CONTROL)
                stack.append(_Frame(_Frame.INTERP))
            add_text(value)
            pos = m.end()
            continue
        if mode == _Frame.HEREDOC:
            if frame.at_line_start:
                eol = text.find("\n", pos)
                if eol < 0:
                    raise _unclosed_heredoc(text, pos, frame.marker)
                line = text[pos:eol]
                if line.strip() == frame.marker:
                    crlf = line.endswith("\r")
                    add_kind(CHEREDOC)
                    add_text(line[:-1] if crlf else line)
                    add_kind(NEWLINE)
                    add_text("\r\n" if crlf else "\n")
                    stack.pop()
                    pos = eol + 1
                    continue
            m = _HEREDOC_TEXT.match(text, pos)
            assert m is not None  # the pattern also matches the empty string
            value = m.group()
            if value:
                add_kind(STRINGLIT)
                add_text(value)
                pos = m.end()
            frame.at_line_start = value.endswith("\n")
            if frame.at_line_start:
                continue
            m = _SEQUENCE_OPENER.match(text, pos)
            if m is None:
                raise _unclosed_heredoc(text, pos, frame.marker)
            value = m.group()
            add_kind(INTERP if value[0] == "$" else CONTROL)
            add_text(value)
            stack.append(_Frame(_Frame.INTERP))
            pos = m.end()
            continue
        # An expression: the top level, or the inside of ${ } / %{ }.
        m = expr_match(text, pos)
        if m is None:
            raise HclFormatError(
                f"{_where(text, pos)}: unexpected character {text[pos]!r}; "
                "HCL allows identifiers, numbers, operators, strings and comments here"
            )
        group = m.lastgroup
        value = m.group()
        pos = m.end()
        if group == "ws":
            if pos == end:
                trailing = len(value)
            continue
        if group == "op":
            kind = _OPERATORS[value]
            if mode == _Frame.INTERP:
                if kind == OBRACE:
                    frame.depth += 1
                elif kind == CBRACE:
                    if frame.depth == 0:
                        kind = SEQEND
                        stack.pop()
                    else:
                        frame.depth -= 1
        elif group == "ident":
            kind = IDENT
        elif group == "nl":
            kind = NEWLINE
        elif group == "quote":
            kind = OQUOTE
            stack.append(_Frame(_Frame.QUOTED))
        elif group == "number":
            kind = NUMBER
        elif group == "lcomment":
            kind = COMMENT
        elif group == "bcomment":
            close = text.find("*/", pos)
            if close < 0:
                raise HclFormatError(
                    f"{_where(text, m.start())}: comment '/*' is not closed; end it with '*/'"
                )
            value = text[m.start() : close + 2]
            pos = close + 2
            kind = COMMENT
        elif group == "heredoc":
            kind = OHEREDOC
            stack.append(_Frame(_Frame.HEREDOC, m.group("marker")))
        elif mode == _Frame.INTERP and frame.depth == 0:  # "~}"
            kind = SEQEND
            stack.pop()
        else:
            raise HclFormatError(
                f"{_where(text, m.start())}: unexpected '~}}'; it only closes a template "
                "sequence opened with '${~' or '%{~'"
            )
        add_kind(kind)
        add_text(value)
    if len(stack) > 1:
        raise HclFormatError(
            f"{_where(text, end)}: the text ends inside a string, heredoc or template "
            "sequence; close it"
        )
    return kinds, texts, trailing
