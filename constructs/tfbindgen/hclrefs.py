"""Bare references for meta-arguments in formatted HCL.

Both engines write the references of ``provider``, ``depends_on`` and
``lifecycle { ignore_changes }`` as quoted strings (``provider =
"libvirt.host2"``, ``depends_on = ["x.y"]``, ``ignore_changes =
["user_data"]``), the Terraform 0.11 form. Terraform 1.x still accepts it but
warns "Quoted references are deprecated" on every such resource. In HCL they
are references, so we drop the quotes; the JSON form keeps them, where
strings are the only syntax.

Works on the output of ``format_hcl`` (two-space indentation, one argument
per line), outside heredocs only. Can go once the engines render meta
references bare.
"""

from __future__ import annotations

import re

_NAME = r"[A-Za-z_][A-Za-z0-9_-]*"
# resource.name(.attr...) for depends_on / replace_triggered_by
_REFERENCE = _NAME + r"(?:\." + _NAME + r")+"
# an attribute path relative to the resource, for ignore_changes
_ATTRIBUTE = _NAME + r"(?:\." + _NAME + r"|\[\d+\])*"
# A provider reference may be just the local name (no alias).
_PROVIDER = re.compile(r'^(  provider\s*= )"(' + _NAME + r"(?:\." + _NAME + r')?)"$')
# (argument, indentation, what its items are): lists of references.
_LISTS = (
    ("depends_on", "  ", _REFERENCE),
    ("ignore_changes", "    ", _ATTRIBUTE),
    ("replace_triggered_by", "    ", _REFERENCE),
)
_HEREDOC = re.compile(r"<<-?(" + _NAME + r")$")


def _unquote_items(text: str, item: str) -> str:
    return re.sub(r'"(' + item + r')"', r"\1", text)


def unquote_meta_references(text: str) -> str:
    """``text`` with the quoted meta-argument references made bare."""
    out: list[str] = []
    heredoc: str | None = None
    open_list: tuple[str, str] | None = None  # (closing line prefix, item pattern)
    for raw in text.split("\n"):
        line = raw
        if heredoc is not None:
            if line.strip() == heredoc:
                heredoc = None
            out.append(line)
            continue
        if open_list is not None:
            closing, item = open_list
            if line.startswith(closing):
                open_list = None
            else:
                line = re.sub(r'^(\s*)"(' + item + r')"(,?)$', r"\1\2\3", line)
        elif match := _PROVIDER.match(line):
            line = f"{match.group(1)}{match.group(2)}"
        else:
            for name, indent, item in _LISTS:
                head = re.match(r"^(" + indent + name + r"\s*= )\[(.*)$", line)
                if head is None:
                    continue
                if head.group(2) == "":
                    open_list = (indent + "]", item)
                elif head.group(2).endswith("]"):
                    line = head.group(1) + "[" + _unquote_items(head.group(2), item)
                break
        if heredoc_start := _HEREDOC.search(line):
            heredoc = heredoc_start.group(1)
        out.append(line)
    return "\n".join(out)
