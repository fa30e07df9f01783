"""Seeded random HCL documents for comparing ``format_hcl`` with ``terraform fmt``.

Imported by name from the tests (tests/ has no packages) and by
``bench/bench_hclfmt.py``. Each document is valid HCL native syntax in the
CDK engine's shape (blocks with labels, attributes, nested and empty blocks,
lists, maps, heredocs, references, the blank lines of ``terraform {}``) with
the shapes people write by hand mixed in (comments, one-line blocks, for
expressions, operators, ``<<-`` heredocs, CRLF), laid out with random
indentation and random spaces wherever HCL allows them - so the formatter
has something to do on every line.
"""

from __future__ import annotations

import random

# Text pieces of quoted strings: escapes, template sequences (with nested
# quotes), their escapes, unicode (combining marks, emoji, flags, CJK).
STRING_PIECES = (
    "plain", "with space", "x", "", '\\"quoted\\"', "back\\\\slash", "\\n", "\\t", "\\r",
    "\\u00e9", "\\U0001F600", "é", "日本語", "🎉", "e\u0301", "👍🏽", "🇫🇷", "ก่", "한국어",
    "$${not}", "%%{not}", "$ ", "% ", "50% ", "${var.ref}", "${ upper(\"a\") }",
    "${local.m[\"k\"]}", "%{ if var.on }yes%{ else }no%{ endif }",
    "%{~ for x in var.l ~}${x},%{ endfor ~}",
    "${ {a = 1}.a }", "}", "{ ", "#", "//", "/*", "=", "a\\\\b",
)  # fmt: skip
HEREDOC_LINES = (
    "plain line", "  indented two", "\tindented tab", "", "    key: value   ", "EOF2",
    " EOFX", "E0F", "- item with ${var.ref}", "%{ if true }x%{ endif }", "$${escaped}",
    'quote " and \\ backslash', "unicode é ✓ 🎉", "trailing spaces   ", "x = 1",
    "{", "}", "[", "# not a comment", "    ]",
)  # fmt: skip
IDENTS = ("a", "b", "name", "length", "source", "network_id", "x-y", "_u", "count", "k2", "é")
# Attribute names of one body must differ (HCL rejects a redefined attribute).
ATTRIBUTE_NAMES = (*IDENTS, "autostart", "mac", "wait_for_lease", "xslt", "user_data", "size")
BLOCK_TYPES = (
    "resource", "provider", "dynamic", "network_interface", "xml", "disk", "content", "lifecycle",
)  # fmt: skip
LABELS = ('"libvirt_domain"', '"ctl1_FB5E1BB0"', '"a b"', '"é"', "bare", '"\\u00e9"', '"x-y"')
REFERENCES = (
    "var.ref", "local.x", "libvirt_volume.base-image.id", "aws_instance.web[0].id",
    "module.m.out", "data.x.y.z", "each.value", "a.b[\"k\"]", "a[*].b", "a.*.b", "a.0.b",
)  # fmt: skip


class Writer:
    """Random but valid spacing between the pieces of a document."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def loose(self) -> str:
        """Where HCL needs a space (between words): one to three."""
        return " " * self.rng.choice((1, 1, 1, 2, 3))

    def tight(self) -> str:
        """Where HCL needs none (inside brackets, around '=' and ','): zero to two."""
        return " " * self.rng.choice((0, 0, 0, 1, 1, 2))

    def indent(self) -> str:
        return self.rng.choice(("", "", "", "", " ", "  ", "    ", "\t", " \t"))

    def eol(self) -> str:
        return self.rng.choice(("", "", "", "", "", " ", "  ", "\t"))


class Generator:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.w = Writer(self.rng)

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    # ---------------------------------------------------------------- values

    def string(self) -> str:
        pieces = self.rng.choices(STRING_PIECES, k=self.rng.randint(0, 4))
        return '"' + "".join(pieces) + '"'

    def number(self) -> str:
        return self.rng.choice(("0", "1", "42", "8192", "1.5", "1e3", "2.5E-3", "42949672960"))

    def scalar(self, depth: int) -> str:
        w = self.w
        roll = self.rng.random()
        if roll < 0.35:
            return self.string()
        if roll < 0.5:
            return self.number()
        if roll < 0.58:
            return self.rng.choice(("true", "false", "null"))
        if roll < 0.68:
            return self.rng.choice(REFERENCES)
        if roll < 0.74:
            return f'"${{{w.tight()}{self.rng.choice(REFERENCES)}{w.tight()}}}"'
        if roll < 0.78:
            return '"${' + self.rng.choice(REFERENCES) + "}-${" + self.rng.choice(REFERENCES) + '}"'
        if roll < 0.84 and depth < 3:
            args = [self.scalar(depth + 1) for _ in range(self.rng.randint(0, 3))]
            function = self.rng.choice(("upper", "jsonencode", "lookup", "provider::p::f"))
            return f"{function}(" + f",{w.tight()}".join(args) + ")"
        if roll < 0.88:
            return f"-{self.number()}"
        if roll < 0.91:
            a, b = self.rng.choice(REFERENCES), self.number()
            op = self.rng.choice(("+", "-", "*", "/", "%", "==", "!=", "<", ">=", "&&", "||"))
            return f"{a}{w.loose()}{op}{w.loose()}{b}"
        if roll < 0.93:
            condition = self.rng.choice(REFERENCES)
            return f"{condition}{w.loose()}?{w.loose()}{self.string()}{w.loose()}:{w.loose()}1"
        if roll < 0.95:
            return f"!{self.rng.choice(REFERENCES)}"
        if roll < 0.97:
            return (
                f"[for{w.loose()}x{w.loose()}in{w.loose()}var.l{w.tight()}:{w.tight()}upper(x)"
                f'{w.loose()}if{w.loose()}x{w.loose()}!={w.loose()}""]'
            )
        if roll < 0.99:
            return (
                f"{{{w.tight()}for{w.loose()}k,{w.tight()}v{w.loose()}in{w.loose()}var.m"
                f"{w.tight()}:{w.tight()}k{w.tight()}=>{w.tight()}v{w.tight()}}}"
            )
        return f"({self.rng.choice(REFERENCES)}{w.tight()})"

    def key(self) -> str:
        if self.chance(0.5):
            return self.rng.choice(IDENTS)
        if self.chance(0.5):
            return self.string()
        return '"' + self.rng.choice(("k", "ключ", "🎉", "e\u0301", "with space", "1a", "")) + '"'

    def value_one_line(self, depth: int) -> str:
        """A value that fits on one line."""
        w = self.w
        roll = self.rng.random()
        if depth < 3 and roll < 0.12:
            items = [self.value_one_line(depth + 1) for _ in range(self.rng.randint(0, 4))]
            trailing = f",{w.tight()}" if items and self.chance(0.2) else ""
            return f"[{w.tight()}" + f",{w.tight()}".join(items) + f"{trailing}{w.tight()}]"
        if depth < 3 and roll < 0.22:
            items = []
            for _ in range(self.rng.randint(0, 3)):
                separator = self.rng.choice(("=", "=", ":"))
                value = self.value_one_line(depth + 1)
                items.append(f"{self.key()}{w.tight()}{separator}{w.tight()}{value}")
            return f"{{{w.tight()}" + f",{w.tight()}".join(items) + f"{w.tight()}}}"
        return self.scalar(depth)

    def heredoc(self, indent: str) -> list[str]:
        """The lines of a heredoc value, the first one to be appended to '= '."""
        marker = self.rng.choice(("EOF", "EOT", "END_OF_TEXT"))
        dash = "-" if self.chance(0.3) else ""
        lines = [f"<<{dash}{marker}"]
        for _ in range(self.rng.randint(0, 5)):
            lines.append(self.rng.choice(HEREDOC_LINES))
        closing = marker if not dash else self.rng.choice(("", "  ", "    ")) + marker
        lines.append(closing)
        del indent
        return lines

    def value_lines(self, depth: int, indent: str) -> list[str]:
        """A value, possibly over several lines (its first line follows '= ')."""
        w = self.w
        roll = self.rng.random()
        if roll < 0.08:
            return self.heredoc(indent)
        if depth < 3 and roll < 0.2:  # a list, one element per line as the engine writes
            lines = ["["]
            count = self.rng.randint(0, 4)
            for index in range(count):
                comma = "," if index < count - 1 or self.chance(0.5) else ""
                element = self.value_one_line(depth + 1)
                lines.append(f"{w.indent()}{element}{w.tight()}{comma}{w.eol()}")
            lines.append(f"{w.indent()}]")
            return lines
        if depth < 3 and roll < 0.3:  # an object constructor, one item per line
            lines = ["{"]
            for _ in range(self.rng.randint(0, 4)):
                sub = self.value_lines(depth + 1, indent)
                sep = self.rng.choice(("=", "=", "=", ":"))
                lines.append(f"{w.indent()}{self.key()}{w.tight()}{sep}{w.tight()}{sub[0]}")
                lines.extend(sub[1:])
                if self.chance(0.15):
                    lines.append("")
            lines.append(f"{w.indent()}}}")
            return lines
        if depth < 3 and roll < 0.34:  # brackets that do not match line by line
            first, second = self.value_one_line(depth + 1), self.value_one_line(depth + 1)
            return [f"[{first},", f"{w.indent()}{second}]"]
        return [self.value_one_line(depth)]

    # ----------------------------------------------------------------- bodies

    def comment(self) -> str:
        return self.rng.choice(("# a comment", "// another", "#", "/* block */", "# é 🎉  "))

    def body(self, depth: int) -> list[str]:
        w = self.w
        lines: list[str] = []
        names = self.rng.sample(ATTRIBUTE_NAMES, len(ATTRIBUTE_NAMES))
        for _ in range(self.rng.randint(0, 7)):
            roll = self.rng.random()
            if roll < 0.6 and names:
                value = self.value_lines(depth, "")
                # Nothing may follow "<<EOF" on its line.
                end = "" if value[0].startswith("<<") else w.eol()
                if len(value) == 1 and end and self.chance(0.1):
                    end = w.loose() + self.rng.choice(("# why", "// note", "/* c */")) + end
                lines.append(f"{w.indent()}{names.pop()}{w.tight()}={w.tight()}{value[0]}{end}")
                lines.extend(value[1:])
            elif roll < 0.75 and depth < 4:
                lines.extend(self.block(depth + 1))
            elif roll < 0.85:
                lines.append("")
            elif roll < 0.92:
                lines.append(w.indent() + self.comment())
            else:
                # A one-line block: one attribute between the braces.
                name, attribute = self.rng.choice(IDENTS), self.rng.choice(IDENTS)
                inline = self.value_one_line(depth)
                lines.append(
                    f"{w.indent()}{name}{w.loose()}{{{w.tight()}{attribute}{w.tight()}="
                    f"{w.tight()}{inline}{w.tight()}}}"
                )
        return lines

    def block(self, depth: int) -> list[str]:
        w = self.w
        block_type = self.rng.choice(BLOCK_TYPES)
        labels = ""
        for _ in range(self.rng.randint(0, 2)):
            labels += w.loose() + self.rng.choice(LABELS)
        head = f"{w.indent()}{block_type}{labels}{w.loose()}{{"
        roll = self.rng.random()
        if roll < 0.1:
            return [f"{head}{w.tight()}}}{w.eol()}"]
        body = self.body(depth)
        return [head + w.eol(), *body, f"{w.indent()}}}{w.eol()}"]

    def document(self) -> str:
        lines: list[str] = []
        if self.chance(0.3):  # the engine's terraform block, blank lines inside
            lines += [
                "terraform {",
                "required_providers {",
                "  random = {",
                'version = "3.9.0"',
                'source = "hashicorp/random"',
                "}",
                "}",
                'backend "local" {',
                'path = "terraform.tfstate"',
                "}",
                "",
                "",
                "}",
                "",
            ]
        if self.chance(0.2):
            kind = self.rng.choice(('"string"', "list", '"map"', "map(string)"))
            lines += ['variable "v" {', f"type = {kind}", "}"]
        for _ in range(self.rng.randint(1, 6)):
            lines.extend(self.block(1))
            if self.chance(0.2):
                lines.append("")
        if self.chance(0.15):  # top-level attributes, as in a .tfvars
            lines.extend(self.body(0))
        newline = "\r\n" if self.chance(0.1) else "\n"
        text = newline.join(lines)
        # Sometimes no final newline - but a heredoc's closing marker needs one.
        if lines[-1].rstrip().endswith("}") and self.chance(0.1):
            return text
        return text + newline


def documents(seed: int, count: int) -> list[str]:
    """``count`` documents from ``seed``; the same seed always gives the same list."""
    generator = Generator(seed)
    return [generator.document() for _ in range(count)]
