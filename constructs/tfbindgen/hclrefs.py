"""Bare references for ``provider`` and ``depends_on`` in formatted HCL.

Both engines write these meta-arguments as quoted strings
(``provider = "libvirt.host2"``, ``depends_on = ["x.y"]``), the Terraform
0.11 form. Terraform 1.x still accepts it but warns "Quoted references are
deprecated" on every resource. In HCL they are references, so we drop the
quotes; the JSON form keeps them, where strings are the only syntax.

Works on the output of ``format_hcl`` (two-space indentation, one argument
per line), outside heredocs only. Can go once the engines render meta
references bare.
"""

from __future__ import annotations

import re

_REFERENCE = r"[A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z_][A-Za-z0-9_-]*)+"
# A provider reference may be just the local name (no alias).
_PROVIDER = re.compile(
    r'^(  provider\s*= )"([A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z_][A-Za-z0-9_-]*)?)"$'
)
_DEPENDS_INLINE = re.compile(r"^(  depends_on\s*= )\[(.*)\]$")
_DEPENDS_ITEM = re.compile(r'^(    )"(' + _REFERENCE + r')"(,?)$')
_QUOTED = re.compile(r'"(' + _REFERENCE + r')"')
_HEREDOC = re.compile(r"<<-?([A-Za-z_][A-Za-z0-9_]*)$")


def unquote_meta_references(text: str) -> str:
    """``text`` with the quoted ``provider``/``depends_on`` references made bare."""
    out: list[str] = []
    heredoc: str | None = None
    in_depends = False
    for raw in text.split("\n"):
        line = raw
        if heredoc is not None:
            if line.strip() == heredoc:
                heredoc = None
            out.append(line)
            continue
        if in_depends:
            if line.startswith("  ]"):
                in_depends = False
            else:
                line = _DEPENDS_ITEM.sub(r"\1\2\3", line)
        elif match := _PROVIDER.match(line):
            line = f"{match.group(1)}{match.group(2)}"
        elif match := _DEPENDS_INLINE.match(line):
            line = match.group(1) + "[" + _QUOTED.sub(r"\1", match.group(2)) + "]"
        elif re.match(r"^  depends_on\s*= \[$", line):
            in_depends = True
        if heredoc_start := _HEREDOC.search(line):
            heredoc = heredoc_start.group(1)
        out.append(line)
    return "\n".join(out)
