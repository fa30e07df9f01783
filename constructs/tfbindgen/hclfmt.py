"""Canonical layout of HCL native syntax: the exact bytes ``terraform fmt`` writes.

Pure Python, no engine import. The CDK engine writes ``cdk.tf`` unindented;
``format_hcl`` lays it out so that ``terraform fmt -check`` accepts it, with
the same bytes on a machine without Terraform.

Two layers, both reproduced from Terraform 1.11's ``terraform fmt`` (which is
``hclwrite`` plus a few Terraform rewrites) and checked against the real
binary by ``tests/hclfmt``:

1. Terraform's rewrites of the syntax tree (``internal/command/fmt.go``):

   * an attribute of a body (not an item of an object constructor) whose
     value is one interpolation and nothing else, ``"${x.y}"``, becomes the
     bare expression ``x.y`` (wrapped in parentheses when it spans lines);
   * in a top-level ``variable`` block, ``type = "string"`` / ``"list"`` /
     ``"map"`` become ``string`` / ``list(string)`` / ``map(string)``, and a
     bare ``list`` / ``map`` / ``set`` gains ``(any)``;
   * block labels are re-quoted from their decoded value (``resource aws_x
     y`` gets quotes, ``\\u00e9`` becomes ``é``, non-printable characters
     become ``\\uNNNN``). Quirk kept on purpose: a label whose literal the
     HCL scanner splits into several tokens (any ``$`` or ``%`` in it, other
     than a label that is exactly ``$${`` or ``%%{``) is *dropped*.

2. ``hclwrite``'s token layout (``hclwrite/format.go``), which only ever
   changes the spaces before tokens:

   * the input is cut into lines at newline tokens (a ``#``/``//`` comment
     carries its newline); a heredoc is one token per content line and no
     newline token, so a whole heredoc belongs to the line of its ``<<EOF``;
   * a line is split into cells: *lead*; *assign*, from its first ``=``
     (not the first token) when the brackets from there on balance; and a
     trailing single-line *comment*;
   * indent is 2 spaces per open level, from a stack of the net bracket
     count of each line (``{ [ ( ${ %{`` open, ``} ] )`` and the end of a
     template sequence close; counting in the lead stops at ``<<EOF``); a
     blank line gets no spaces;
   * spaces inside cells follow fixed token-pair rules (``_space_after``);
   * ``=`` of consecutive assign lines line up one column after the widest
     lead (any line without an assign cell - blank, comment, block or
     bracket line - ends the run; a heredoc does not); trailing comments of
     consecutive lines line up the same way. Width is counted in grapheme
     clusters, as ``hclwrite`` does;
   * blank lines are kept (none are collapsed), line endings (LF or CRLF)
     and the bytes of comments, string literals and heredoc lines are kept;
     spaces inside ``${ }`` / ``%{ }`` are normalised like any expression;
     no final newline is added (``terraform fmt -`` on stdin prints one more,
     which is its terminal writer, not the formatter).

The input must be valid HCL native syntax, as ``terraform fmt`` refuses
anything else: lexical errors (unterminated strings, heredocs or comments,
invalid escapes, stray characters) and a broken block structure raise
:class:`HclFormatError`; deeper syntax errors are not looked for.
"""

from __future__ import annotations

import unicodedata
from typing import Final

from tfbindgen.hclscan import (
    AND,
    BANG,
    CBRACE,
    CBRACK,
    CHEREDOC,
    COLON,
    COMMA,
    COMMENT,
    CONTROL,
    CPAREN,
    CQUOTE,
    DCOLON,
    DOT,
    ELLIPSIS,
    EQOP,
    EQUAL,
    GE,
    GT,
    IDENT,
    INTERP,
    KINDS,
    LE,
    LT,
    MINUS,
    NEQ,
    NEWLINE,
    NIL,
    NUMBER,
    OBRACE,
    OBRACK,
    OHEREDOC,
    OPAREN,
    OQUOTE,
    OR,
    PERCENT,
    PLUS,
    QUESTION,
    QUOTEDLIT,
    SEQEND,
    SLASH,
    STAR,
    STRINGLIT,
    HclFormatError,
    tokenize,
)

__all__ = ["HclFormatError", "format_hcl"]

# Net bracket change of a token (hclwrite's tokenBracketChange).
_CHANGE: Final = [0] * KINDS
for _kind in (OBRACE, OBRACK, OPAREN, INTERP, CONTROL):
    _CHANGE[_kind] = 1
for _kind in (CBRACE, CBRACK, CPAREN, SEQEND):
    _CHANGE[_kind] = -1

_TEMPLATE_SIDE: Final = frozenset({QUOTEDLIT, STRINGLIT, OQUOTE, OHEREDOC})
_TEMPLATE_AFTER: Final = frozenset({QUOTEDLIT, STRINGLIT, CQUOTE, CHEREDOC})
# A minus after one of these is a negation, written without a space.
_NEGATION_BEFORE: Final = frozenset({
    NIL, OPAREN, OBRACE, OBRACK, EQUAL, COLON, COMMA, QUESTION, PLUS, STAR, SLASH, PERCENT,
    MINUS, EQOP, NEQ, GT, GE, LT, LE, AND, OR, BANG,
})  # fmt: skip


# ------------------------------------------------------ Terraform's rewrites


def _decode_literal(text: str) -> str:
    """The value of the literal text of a quoted string (escapes resolved)."""
    if "\\" not in text and "$${" not in text and "%%{" not in text:
        return text
    out: list[str] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == "\\":
            sel = text[i + 1]
            if sel in "uU":
                width = 4 if sel == "u" else 8
                out.append(chr(int(text[i + 2 : i + 2 + width], 16)))
                i += 2 + width
                continue
            out.append({"n": "\n", "r": "\r", "t": "\t"}.get(sel, sel))
            i += 2
        elif text.startswith(("$${", "%%{"), i):
            out.append(text[i + 1 : i + 3])
            i += 3
        else:
            out.append(ch)
            i += 1
    return "".join(out)


_LABEL_ESCAPES: Final = {"\n": "\\n", "\r": "\\r", "\t": "\\t", '"': '\\"', "\\": "\\\\"}


def _quote_label(value: str) -> str:
    """The literal text hclwrite writes for a string value (escapeQuotedStringLit)."""
    out: list[str] = []
    for i, ch in enumerate(value):
        if ch in _LABEL_ESCAPES:
            out.append(_LABEL_ESCAPES[ch])
        elif ch in "$%":
            # A template introducer is escaped by doubling its first character.
            out.append(ch + ch if value.startswith("{", i + 1) else ch)
        elif not ch.isprintable():
            code = ord(ch)
            out.append(f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
        else:
            out.append(ch)
    return "".join(out)


def _is_line_end(kind: int, text: str) -> bool:
    return kind == NEWLINE or (kind == COMMENT and text.endswith("\n"))


class _Rewriter:
    """Walks bodies (blocks and attributes) and applies Terraform's rewrites."""

    def __init__(self, kinds: list[int], texts: list[str]) -> None:
        self.kinds = kinds
        self.texts = texts
        self.out_kinds: list[int] = []
        self.out_texts: list[str] = []

    def error(self, i: int, message: str) -> HclFormatError:
        line = 1 + sum(t.count("\n") for t in self.texts[:i])
        got = repr(self.texts[i]) if i < len(self.texts) else "the end of the text"
        return HclFormatError(f"line {line}: {message}, got {got}")

    def copy(self, start: int, stop: int) -> None:
        self.out_kinds.extend(self.kinds[start:stop])
        self.out_texts.extend(self.texts[start:stop])

    def body(self, i: int, blocks: tuple[str, ...]) -> int:
        """Rewrites a body from token ``i``; returns the index of its closing brace (or end)."""
        kinds = self.kinds
        n = len(kinds)
        while i < n:
            kind = kinds[i]
            if kind in (NEWLINE, COMMENT):
                self.copy(i, i + 1)
                i += 1
            elif kind == CBRACE and blocks:
                return i
            elif kind == IDENT and i + 1 < n and kinds[i + 1] == EQUAL:
                i = self.attribute(i, blocks)
            elif kind == IDENT:
                i = self.block(i, blocks)
            else:
                raise self.error(i, "expected an attribute (name = value) or a block")
        if blocks:
            raise self.error(i, f"block {blocks[-1]!r} is not closed; add '}}'")
        return i

    def attribute(self, i: int, blocks: tuple[str, ...]) -> int:
        kinds = self.kinds
        texts = self.texts
        name = texts[i]
        self.copy(i, i + 2)
        start = j = i + 2
        n = len(kinds)
        depth = 0
        while j < n:
            kind = kinds[j]
            if depth == 0 and (_is_line_end(kind, texts[j]) or _CHANGE[kind] < 0):
                break
            depth += _CHANGE[kind]
            j += 1
        # The expression proper: comments before or after it are not part of it.
        first, last = start, j
        while first < last and kinds[first] == COMMENT:
            first += 1
        while last > first and kinds[last - 1] == COMMENT:
            last -= 1
        if first == last:
            raise self.error(start, f"attribute {name!r} has no value")
        self.copy(start, first)
        expr_kinds = kinds[first:last]
        expr_texts = texts[first:last]
        if blocks == ("variable",) and name == "type":
            rewritten = _type_expression(expr_kinds, expr_texts)
        else:
            rewritten = _unwrap_interpolation(expr_kinds, expr_texts)
        self.out_kinds.extend(rewritten[0])
        self.out_texts.extend(rewritten[1])
        self.copy(last, j)
        return j

    def block(self, i: int, blocks: tuple[str, ...]) -> int:
        kinds = self.kinds
        texts = self.texts
        block_type = texts[i]
        self.copy(i, i + 1)
        i += 1
        n = len(kinds)
        labels: list[str] = []
        while i < n and kinds[i] != OBRACE:
            kind = kinds[i]
            if kind == IDENT:
                labels.append(texts[i])
                i += 1
            elif kind == OQUOTE:
                close = i + 1
                while close < n and kinds[close] == QUOTEDLIT:
                    close += 1
                if close >= n or kinds[close] != CQUOTE:
                    raise self.error(close, f"block {block_type!r}: a label must be a literal")
                # hclwrite's Block.Labels keeps "" and a one-token literal only.
                if close - i == 1:
                    labels.append("")
                elif close - i == 2:
                    labels.append(_decode_literal(texts[i + 1]))
                i = close + 1
            elif kind == COMMENT and not texts[i].endswith("\n"):
                i += 1  # SetLabels drops comments between the labels
            else:
                raise self.error(i, f"block {block_type!r}: expected a label or '{{'")
        if i >= n:
            raise self.error(i, f"block {block_type!r}: expected '{{'")
        for label in labels:
            self.out_kinds.extend((OQUOTE, QUOTEDLIT, CQUOTE))
            self.out_texts.extend(('"', _quote_label(label), '"'))
        self.copy(i, i + 1)
        i = self.body(i + 1, (*blocks, block_type))
        self.copy(i, i + 1)
        return i + 1


def _unwrap_interpolation(kinds: list[int], texts: list[str]) -> tuple[list[int], list[str]]:
    """``"${expr}"`` as ``expr`` (Terraform's formatValueExpr); anything else unchanged."""
    if (len(kinds) < 5 or kinds[0] != OQUOTE or kinds[1] != INTERP
            or kinds[-2] != SEQEND or kinds[-1] != CQUOTE):  # fmt: skip
        return kinds, texts
    quotes = 0
    for kind in kinds[2:-2]:
        if kind == OQUOTE:
            quotes += 1
        elif kind == CQUOTE:
            quotes -= 1
        elif quotes <= 0 and kind in (INTERP, SEQEND, QUOTEDLIT):
            # "${a}${b}" or "x${a}": more than one interpolation.
            return kinds, texts
    first, last = 2, len(kinds) - 2
    while first < last and kinds[first] == NEWLINE:
        first += 1
    while last > first and kinds[last - 1] == NEWLINE:
        last -= 1
    inner_kinds = kinds[first:last]
    inner_texts = texts[first:last]
    multiline = NEWLINE in inner_kinds
    parenthesised = bool(inner_kinds) and inner_kinds[0] == OPAREN and inner_kinds[-1] == CPAREN
    if multiline and not parenthesised:
        return [OPAREN, *inner_kinds, CPAREN], ["(", *inner_texts, ")"]
    return inner_kinds, inner_texts


def _type_expression(kinds: list[int], texts: list[str]) -> tuple[list[int], list[str]]:
    """A variable's legacy type spelling in today's syntax (Terraform's formatTypeExpr)."""
    if len(kinds) == 1 and kinds[0] == IDENT and texts[0] in ("list", "map", "set"):
        return [IDENT, OPAREN, IDENT, CPAREN], [texts[0], "(", "any", ")"]
    if len(kinds) == 3 and kinds == [OQUOTE, QUOTEDLIT, CQUOTE]:
        if texts[1] == "string":
            return [IDENT], ["string"]
        if texts[1] in ("list", "map"):
            return [IDENT, OPAREN, IDENT, CPAREN], [texts[1], "(", "string", ")"]
    return kinds, texts


# ------------------------------------------------------------ hclwrite layout


def _space_after(subject: int, before: int, after: int, subject_text: str) -> bool:
    """Whether one space separates ``subject`` from ``after`` (hclwrite's spaceAfterToken)."""
    if after == NEWLINE:
        return False
    if subject == IDENT and after == OPAREN:
        return False  # a function call
    if (subject == IDENT and after == DCOLON) or (subject == DCOLON and after == IDENT):
        return False  # a namespaced function name
    if DOT in (subject, after):
        return False
    if after in (COMMA, ELLIPSIS):
        return False
    if subject == COMMA:
        return True
    if subject in _TEMPLATE_SIDE or after in _TEMPLATE_AFTER:
        return False  # literal template text is never padded
    if subject == IDENT and subject_text == "in" and before == IDENT:
        return True  # the keyword of a for expression: "in [a]", not "in[a]"
    if after == OBRACK and (subject in (IDENT, NUMBER) or _CHANGE[subject] < 0):
        return False  # an index
    if subject == BANG:
        return False
    if subject == MINUS:
        return before not in _NEGATION_BEFORE  # negation "-1" or subtraction "a - 1"
    if subject == OBRACE or after == CBRACE:
        return not (subject == OBRACE and after == CBRACE)  # "{ a = 1 }" but "{}"
    if subject in (INTERP, CONTROL) and after == OBRACE:
        return True
    if subject == CBRACE and after == SEQEND:
        return True
    if subject == SEQEND and after in (INTERP, CONTROL):
        return False
    if _CHANGE[subject] > 0:
        return False
    return _CHANGE[after] >= 0


def _columns(text: str) -> int:
    """Width of ``text`` in extended grapheme clusters, as hclwrite counts columns."""
    if text.isascii():
        return len(text) - text.count("\r\n")
    return _grapheme_count(text)


# Grapheme cluster classes (UAX #29) for the non-ASCII path; an approximation
# of the full property tables that covers combining marks, joiners, emoji
# modifier and flag sequences and Hangul syllables.
_OTHER, _CONTROL, _EXTEND, _ZWJ, _REGIONAL, _PICTO, _L, _V, _T, _LV, _LVT, _CR, _LF, _PREPEND = (
    range(14)
)
# Grapheme_Cluster_Break=Prepend (Unicode 15): they join the character after them.
_PREPEND_CODES: Final = frozenset(
    [*range(0x600, 0x606), 0x6DD, 0x70F, 0x890, 0x891, 0x8E2, 0xD4E, 0x110BD, 0x110CD,
     0x111C2, 0x111C3, 0x1193F, 0x11941, 0x11A3A, *range(0x11A84, 0x11A8A), 0x11D46]
)  # fmt: skip


def _grapheme_class(ch: str) -> int:
    code = ord(ch)
    if code == 0x0D:
        return _CR
    if code == 0x0A:
        return _LF
    if code == 0x200D:
        return _ZWJ
    if code in _PREPEND_CODES:
        return _PREPEND
    if 0x1F1E6 <= code <= 0x1F1FF:
        return _REGIONAL
    if 0x1F3FB <= code <= 0x1F3FF or code == 0x200C or 0xE0020 <= code <= 0xE007F:
        return _EXTEND
    if 0x1100 <= code <= 0x115F or 0xA960 <= code <= 0xA97C:
        return _L
    if 0x1160 <= code <= 0x11A7 or 0xD7B0 <= code <= 0xD7C6:
        return _V
    if 0x11A8 <= code <= 0x11FF or 0xD7CB <= code <= 0xD7FB:
        return _T
    if 0xAC00 <= code <= 0xD7A3:
        return _LV if (code - 0xAC00) % 28 == 0 else _LVT
    category = unicodedata.category(ch)
    if category in ("Mn", "Me", "Mc"):
        return _EXTEND
    if category in ("Cc", "Cf", "Zl", "Zp"):
        return _CONTROL
    if (category == "So" and code >= 0x2000) or 0x1F000 <= code <= 0x1FAFF:
        return _PICTO
    return _OTHER


def _grapheme_count(text: str) -> int:
    count = 0
    previous = _CONTROL
    picto_run = False  # inside "pictograph Extend* ZWJ?", where a pictograph joins
    regional_odd = False
    for ch in text:
        cls = _grapheme_class(ch)
        joined = (
            (previous == _CR and cls == _LF)
            or (previous not in (_CONTROL, _CR, _LF) and cls in (_EXTEND, _ZWJ))
            or (previous == _PREPEND and cls not in (_CONTROL, _CR, _LF))
            or (previous == _L and cls in (_L, _V, _LV, _LVT))
            or (previous in (_LV, _V) and cls in (_V, _T))
            or (previous in (_LVT, _T) and cls == _T)
            or (previous == _ZWJ and cls == _PICTO and picto_run)
            or (previous == _REGIONAL and cls == _REGIONAL and regional_odd)
        )
        if not joined:
            count += 1
        if cls == _PICTO:
            picto_run = True
        elif cls not in (_EXTEND, _ZWJ):
            picto_run = False
        regional_odd = cls == _REGIONAL and not (joined and previous == _REGIONAL)
        previous = cls
    return count


def _layout(kinds: list[int], texts: list[str], trailing: int) -> str:
    n = len(kinds)
    spaces = [0] * n
    change = _CHANGE
    space_after = _space_after

    # Lines and their cells: (start, assign, comment, end), -1 for no cell.
    lines: list[tuple[int, int, int, int]] = []
    start = 0
    for i in range(n):
        kind = kinds[i]
        if kind == NEWLINE or (kind == COMMENT and texts[i][-1] == "\n"):
            lines.append((start, -1, -1, i + 1))
            start = i + 1
    if start < n:
        lines.append((start, -1, -1, n))
    for index, (start, _, _, end) in enumerate(lines):
        comment = end - 1 if end - start > 1 and kinds[end - 1] == COMMENT else -1
        lead_end = end if comment < 0 else comment
        assign = -1
        for i in range(start + 1, lead_end):
            if kinds[i] == EQUAL:
                if sum(change[k] for k in kinds[i:lead_end]) == 0:
                    assign = i
                break
        lines[index] = (start, assign, comment, end)

    # Indentation: a stack of the net bracket count each opening line added.
    indents: list[int] = []
    for start, assign, comment, end in lines:
        if kinds[start] == NEWLINE:
            continue  # a blank line carries no spaces
        lead_end = assign if assign >= 0 else comment if comment >= 0 else end
        net = 0
        for i in range(start, lead_end):
            net += change[kinds[i]]
            if kinds[i] == OHEREDOC:
                break
        if assign >= 0:
            for i in range(assign, comment if comment >= 0 else end):
                net += change[kinds[i]]
        if net < 0:
            closed = -net
            while closed > 0 and indents:
                if closed >= indents[-1]:
                    closed -= indents.pop()
                else:
                    indents[-1] -= closed
                    closed = 0
        spaces[start] = 2 * len(indents)
        if net > 0:
            indents.append(net)

    # Spaces between the tokens of each cell.
    for start, assign, comment, end in lines:
        lead_end = assign if assign >= 0 else comment if comment >= 0 else end
        cells = [(start, lead_end)]
        if assign >= 0:
            cells.append((assign, comment if comment >= 0 else end))
        for cell_start, cell_end in cells:
            before = NIL
            for i in range(cell_start, cell_end - 1):
                subject = kinds[i]
                spaces[i + 1] = 1 if space_after(subject, before, kinds[i + 1], texts[i]) else 0
                before = subject

    # Alignment of "=" and of trailing comments over runs of consecutive lines.
    def width(first: int, stop: int) -> int:
        return sum(spaces[i] + _columns(texts[i]) for i in range(first, stop))

    run: list[tuple[int, int]] = []  # (first token of the assign cell, lead width)
    for start, assign, _, _ in lines:
        if assign >= 0:
            run.append((assign, width(start, assign)))
            continue
        _align(run, spaces)
    _align(run, spaces)
    for start, _, comment, _ in lines:
        if comment >= 0:
            run.append((comment, width(start, comment)))
            continue
        _align(run, spaces)
    _align(run, spaces)

    out = [" " * spaces[i] + texts[i] if spaces[i] else texts[i] for i in range(n)]
    out.append(" " * trailing)
    return "".join(out)


def _align(run: list[tuple[int, int]], spaces: list[int]) -> None:
    """Pads the first token of each cell in ``run`` to one column past the widest lead."""
    if run:
        widest = max(lead for _, lead in run)
        for token, lead in run:
            spaces[token] = widest - lead + 1
        run.clear()


def format_hcl(text: str) -> str:
    """``text`` laid out exactly as ``terraform fmt`` (Terraform 1.11) writes a file.

    Same input, same output, on any machine; ``format_hcl(format_hcl(x)) ==
    format_hcl(x)``. Raises :class:`HclFormatError` (a ``ValueError``) when
    ``text`` is not HCL that ``terraform fmt`` would accept.
    """
    kinds, texts, trailing = tokenize(text)
    rewriter = _Rewriter(kinds, texts)
    rewriter.body(0, ())
    return _layout(rewriter.out_kinds, rewriter.out_texts, trailing)
