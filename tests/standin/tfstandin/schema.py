"""The pinned schema snapshot of one provider, its extras, and their wire form.

The snapshot (``terraform providers schema -json`` format) is served as it is:
every attribute with its cty type, flags and description, every nested block
with its nesting mode and item limits. ``extras`` adds what that format cannot
carry and what planning needs: ForceNew / RequiresReplace paths and static
defaults.
"""

from __future__ import annotations

import json
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[3]


@dataclass(frozen=True)
class Attribute:
    name: str
    type: Any
    required: bool
    optional: bool
    computed: bool
    sensitive: bool


@dataclass(frozen=True)
class NestedBlock:
    name: str
    nesting: str  # single | list | set | map | group
    block: Block
    min_items: int
    max_items: int


@dataclass(frozen=True)
class Block:
    attributes: dict[str, Attribute]
    blocks: dict[str, NestedBlock]


@dataclass(frozen=True)
class ReplaceRule:
    """A ForceNew / RequiresReplace path, with the framework's two qualifiers."""

    path: tuple[str, ...]
    # "only when a non-null value changes": removing the value keeps the object.
    ignore_to_null: bool = False
    # "unless changing from empty string to null".
    ignore_empty_to_null: bool = False


@dataclass(frozen=True)
class TypeSchema:
    """One resource, data source, ephemeral resource, or the provider block."""

    kind: str  # provider | resource | data_source | ephemeral_resource
    name: str
    version: int
    raw: dict[str, Any]  # the snapshot's block, unchanged, for the wire
    block: Block
    defaults: dict[tuple[str, ...], Any] = field(default_factory=dict)
    replace_rules: tuple[ReplaceRule, ...] = ()


@dataclass(frozen=True)
class ProviderSchema:
    name: str
    source: str  # e.g. dmacvicar/libvirt
    address: str  # e.g. registry.terraform.io/dmacvicar/libvirt
    provider: TypeSchema
    resources: dict[str, TypeSchema]
    data_sources: dict[str, TypeSchema]
    ephemeral_resources: dict[str, TypeSchema]
    # SDKv2 providers (extras say ForceNew) set the legacy type system flag on
    # their plans; plugin-framework providers (RequiresReplace) do not.
    legacy_type_system: bool


@dataclass(frozen=True)
class PinnedProvider:
    """One ``[[tool.tfbindgen.providers]]`` entry of pyproject.toml."""

    name: str
    source: str
    version: str
    schema: Path
    extras: Path
    launcher: Path | None = None  # folder of its launcher; default tests/standin/bin/<name>


# Tests of generated fixture bindings serve their fixture schemas too: this
# variable names a JSON list of {name, source, version, schema, extras,
# launcher} (absolute paths), served besides the pinned providers.
EXTRA_PROVIDERS_ENV = "TFSTANDIN_EXTRA_PROVIDERS"


def pinned_providers(root: Path = ROOT) -> dict[str, PinnedProvider]:
    """The providers the project pins (the single list lives in pyproject.toml)."""
    with (root / "pyproject.toml").open("rb") as f:
        entries = tomllib.load(f)["tool"]["tfbindgen"]["providers"]
    found = {
        e["name"]: PinnedProvider(
            e["name"], e["source"], e["version"], root / e["schema"], root / e["extras"]
        )
        for e in entries
    }
    extra = os.environ.get(EXTRA_PROVIDERS_ENV)
    if extra:
        for e in json.loads(Path(extra).read_text()):
            found[e["name"]] = PinnedProvider(
                e["name"], e["source"], e["version"], Path(e["schema"]), Path(e["extras"]),
                Path(e["launcher"]),
            )  # fmt: skip
    return found


def _block(raw: dict[str, Any]) -> Block:
    attributes = {
        name: Attribute(
            name,
            a["type"],
            bool(a.get("required")),
            bool(a.get("optional")),
            bool(a.get("computed")),
            bool(a.get("sensitive")),
        )
        for name, a in raw.get("attributes", {}).items()
    }
    for name, a in raw.get("attributes", {}).items():
        if "nested_type" in a or "type" not in a:
            # Protocol 5 has no nested attribute types; none of our pinned
            # (protocol 5) providers uses them.
            raise ValueError(f"attribute {name!r}: nested_type cannot be served over protocol 5")
    blocks = {
        name: NestedBlock(
            name,
            b["nesting_mode"],
            _block(b["block"]),
            int(b.get("min_items", 0)),
            int(b.get("max_items", 0)),
        )
        for name, b in raw.get("block_types", {}).items()
    }
    return Block(attributes, blocks)


def _extras_for(
    extras: dict[str, Any], key: str
) -> tuple[dict[tuple[str, ...], Any], list[ReplaceRule]]:
    section = extras.get(key, {})
    attrs = section if key == "provider" else section.get("attributes", {})
    defaults: dict[tuple[str, ...], Any] = {}
    rules: list[ReplaceRule] = []
    for dotted, facts in attrs.items():
        if not isinstance(facts, dict):
            continue
        path = tuple(dotted.split("."))
        if "Default" in facts and facts["Default"] is not None:
            defaults[path] = facts["Default"]
        flag = facts.get("ForceNew", facts.get("RequiresReplace"))
        if flag is True:
            rules.append(ReplaceRule(path))
        elif flag == "only when a non-null value changes":
            rules.append(ReplaceRule(path, ignore_to_null=True))
        elif flag == "unless changing from empty string to null":
            rules.append(ReplaceRule(path, ignore_empty_to_null=True))
        elif flag not in (None, False):
            raise ValueError(f"extras {key}.{dotted}: unknown replace qualifier {flag!r}")
    return defaults, rules


def load(pinned: PinnedProvider) -> ProviderSchema:
    snapshot = json.loads(pinned.schema.read_text())
    extras = json.loads(pinned.extras.read_text())
    (address, raw), *more = snapshot["provider_schemas"].items()
    if more:
        raise ValueError(f"{pinned.schema}: expected one provider, found {len(more) + 1}")

    def type_schema(kind: str, name: str, entry: dict[str, Any], key: str) -> TypeSchema:
        defaults, rules = _extras_for(extras, key)
        return TypeSchema(
            kind,
            name,
            int(entry.get("version", 0)),
            entry["block"],
            _block(entry["block"]),
            defaults,
            tuple(rules),
        )

    sections = {
        "resource_schemas": ("resource", "resources"),
        "data_source_schemas": ("data_source", "data_sources"),
        "ephemeral_resource_schemas": ("ephemeral_resource", "ephemeral_resources"),
    }
    tables: dict[str, dict[str, TypeSchema]] = {}
    for section, (kind, prefix) in sections.items():
        tables[kind] = {
            name: type_schema(kind, name, entry, f"{prefix}:{name}")
            for name, entry in raw.get(section, {}).items()
        }
    legacy = "ForceNew" in pinned.extras.read_text()
    return ProviderSchema(
        pinned.name,
        pinned.source,
        address,
        type_schema("provider", pinned.name, raw["provider"], "provider"),
        tables["resource"],
        tables["data_source"],
        tables["ephemeral_resource"],
        legacy,
    )


# --- wire form ----------------------------------------------------------------

_NESTING = {"single": 1, "list": 2, "set": 3, "map": 4, "group": 5}
_KIND = {"plain": 0, "markdown": 1}


def wire_block(pb: Any, raw: dict[str, Any]) -> Any:
    """The snapshot's block as a ``tfplugin5.Schema.Block`` message."""
    block = pb.Schema.Block(
        description=raw.get("description", ""),
        description_kind=_KIND[raw.get("description_kind", "plain")],
        deprecated=bool(raw.get("deprecated")),
    )
    for name, a in raw.get("attributes", {}).items():
        block.attributes.append(
            pb.Schema.Attribute(
                name=name,
                # cty's JSON type syntax, exactly as the snapshot spells it.
                type=json.dumps(a["type"], separators=(",", ":")).encode(),
                description=a.get("description", ""),
                description_kind=_KIND[a.get("description_kind", "plain")],
                required=bool(a.get("required")),
                optional=bool(a.get("optional")),
                computed=bool(a.get("computed")),
                sensitive=bool(a.get("sensitive")),
                deprecated=bool(a.get("deprecated")),
                write_only=bool(a.get("write_only")),
            )
        )
    for name, b in raw.get("block_types", {}).items():
        block.block_types.append(
            pb.Schema.NestedBlock(
                type_name=name,
                block=wire_block(pb, b["block"]),
                nesting=_NESTING[b["nesting_mode"]],
                min_items=int(b.get("min_items", 0)),
                max_items=int(b.get("max_items", 0)),
            )
        )
    return block


def wire_schema(pb: Any, ts: TypeSchema) -> Any:
    return pb.Schema(version=ts.version, block=wire_block(pb, ts.raw))
