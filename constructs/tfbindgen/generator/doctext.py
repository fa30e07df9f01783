"""Docstring text of generated arguments: presence, type, flags and the extras' facts."""

from __future__ import annotations

import json
from collections.abc import Sequence

from tfbindgen.generator.facts import Kind, number, plain_path
from tfbindgen.generator.schema import Attribute, AttributeFacts


def flags(attr: Attribute, required: bool, env: Sequence[str], kind_text: str) -> str:
    if attr.required and not required:
        presence = f"Required unless the environment sets {' or '.join(env)}"
    elif required:
        presence = "Required"
    elif attr.optional and attr.computed:
        presence = "Optional (computed by the provider when unset)"
    elif attr.optional:
        presence = "Optional"
    else:
        presence = "Read-only (computed)"
    extra = [presence, f"type ``{kind_text}``"]
    if attr.sensitive:
        extra.append("sensitive")
    if attr.write_only:
        extra.append("write-only")
    if attr.deprecated:
        extra.append("deprecated")
    return "; ".join(extra) + "."


def fact_notes(facts: AttributeFacts | None, kind: Kind) -> str:
    if facts is None:
        return ""
    out: list[str] = []
    if facts.force_new or facts.requires_replace:
        out.append("Changing it replaces the resource.")
    if facts.has_default and facts.default is not None:
        # Terraform's spelling (true, "kvm"): the provider applies it, not Python.
        out.append(f"Default (applied by the provider): {json.dumps(facts.default)}.")
    if facts.default_func and facts.default_func.env and kind == "provider":
        out.append(f"Environment: {', '.join(facts.default_func.env)}.")
    if facts.conflicts_with:
        out.append(f"Conflicts with {', '.join(map(plain_path, facts.conflicts_with))}.")
    if facts.exactly_one_of:
        out.append(f"Exactly one of {', '.join(facts.exactly_one_of)}.")
    if facts.at_least_one_of:
        out.append(f"At least one of {', '.join(facts.at_least_one_of)}.")
    if facts.required_with:
        out.append(f"Requires {', '.join(facts.required_with)}.")
    v = facts.validate
    if v and (v.min is not None or v.max is not None):
        low = "" if v.min is None else f">= {number(v.min)}"
        high = "" if v.max is None else f"<= {number(v.max)}"
        out.append(f"Value {' and '.join(x for x in (low, high) if x)}.")
    if facts.deprecated:
        out.append(f"Deprecated: {facts.deprecated}.")
    return " ".join(out)


def join(*parts: str | None) -> str:
    return "\n\n".join(p.strip() for p in parts if p and p.strip())


def sentences(*parts: str | None) -> str:
    """One paragraph: a description, then facts; a description ending without
    punctuation gets a full stop so the facts read as their own sentences."""
    texts = [p.strip() for p in parts if p and p.strip()]
    if texts and texts[0][-1] not in ".!?:)`":
        texts[0] += "."
    return " ".join(texts)


def blocks_text(n: int) -> str:
    return f"{n} block" if n == 1 else f"{n} blocks"
