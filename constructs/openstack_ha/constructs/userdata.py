"""Putting rendered text into Terraform strings without changing its meaning.

Every Terraform string is a template: a literal ``${HOME}`` in a shell script
would be read as an interpolation (and fail: no such reference), ``%{`` as a
directive. The rendered files are full of both. So the literal text is escaped
(``$${`` and ``%%{`` mean a literal ``${`` and ``%{``, in HCL and JSON alike)
while the engine's tokens, which stand for the secrets, stay interpolations.
"""

from __future__ import annotations

import re

# How both engines print an unresolved string token; synthesized, it becomes
# ${random_password.x.result}. Nothing else in rendered text looks like it.
_TOKEN = re.compile(r"\$\{TfToken\[TOKEN\.\d+\]\}")
_TEMPLATE_START = re.compile(r"([$%])\{")


def terraform_template(text: str) -> str:
    """``text`` as a Terraform template that evaluates to ``text`` itself.

    Engine tokens inside ``text`` stay interpolations (they are replaced by
    the values they stand for at apply time); everything else is literal.
    """
    pieces: list[str] = []
    position = 0
    for match in _TOKEN.finditer(text):
        pieces.append(_escape(text[position : match.start()]))
        pieces.append(match.group(0))
        position = match.end()
    pieces.append(_escape(text[position:]))
    return "".join(pieces)


def _escape(literal: str) -> str:
    return _TEMPLATE_START.sub(lambda m: m.group(1) * 2 + "{", literal)
