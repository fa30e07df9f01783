"""Layer 1: models of the two input documents, read with clear errors.

* the provider schema, exactly as ``terraform providers schema -json`` (or
  ``tofu``) prints it, ``format_version`` 1.x;
* the optional *extras* (``providers/extras/*.extras.json``): facts the JSON
  format cannot carry (ForceNew, defaults, conflicts, enumerations...), keyed
  by ``<kind>:<type name>`` and then by dotted attribute path.

Frozen dataclasses and a small reader rather than pydantic: importing and
building pydantic models cost more than generating all three pinned
providers, and generation is meant to be instant. Every error names the JSON
path of the offending value.

Unknown keys are ignored: format 1.x only ever adds keys (functions,
resource identities, list resources...), and a generator that refused them
would break on every Terraform release. Ephemeral resources are read but
not generated (the lab needs none; the CDK engines model them differently).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

_T = TypeVar("_T")

NESTING_MODES = ("single", "list", "set", "map", "group")
NESTED_TYPE_MODES = ("single", "list", "set", "map")


class SchemaError(ValueError):
    """A document is not what tfbindgen reads; the message names the JSON path."""


def _object(value: object, where: str) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise SchemaError(f"{where}: expected an object, got {type(value).__name__}")
    return value


def _get(data: Mapping[str, Any], key: str, kind: type[_T], default: _T, where: str) -> _T:
    value = data.get(key, default)
    # JSON booleans are not numbers here, whatever Python's bool-is-int says.
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise SchemaError(f"{where}.{key}: expected {kind.__name__}, got {value!r}")
    return value


def _choice(data: Mapping[str, Any], key: str, allowed: tuple[str, ...], where: str) -> str:
    value = data.get(key)
    if value not in allowed:
        raise SchemaError(f"{where}.{key}: {value!r} is not one of {', '.join(allowed)}")
    return str(value)


def _each(
    data: Mapping[str, Any], key: str, read: Callable[[object, str], _T], where: str
) -> dict[str, _T]:
    items = _object(data.get(key, {}), f"{where}.{key}")
    return {name: read(value, f"{where}.{key}.{name}") for name, value in items.items()}


@dataclass(frozen=True)
class Attribute:
    type: Any = None  # cty type JSON; see tfbindgen.ctytype
    nested_type: NestedType | None = None
    description: str | None = None
    description_kind: str = "plain"
    deprecated: bool = False
    required: bool = False
    optional: bool = False
    computed: bool = False
    sensitive: bool = False
    write_only: bool = False

    @classmethod
    def read(cls, raw: object, where: str) -> Attribute:
        data = _object(raw, where)
        nested = data.get("nested_type")
        if nested is None and "type" not in data:
            raise SchemaError(f"{where}: an attribute needs a type or a nested_type")
        flags = {
            key: _get(data, key, bool, False, where)
            for key in ("deprecated", "required", "optional", "computed", "sensitive", "write_only")
        }
        return cls(
            type=data.get("type"),
            nested_type=NestedType.read(nested, f"{where}.nested_type") if nested else None,
            description=_get(data, "description", str, "", where) or None,
            description_kind=_get(data, "description_kind", str, "plain", where),
            **flags,
        )


@dataclass(frozen=True)
class NestedType:
    """``nested_type`` of a protocol-6 attribute: an object (or collection of objects)."""

    nesting_mode: str
    attributes: dict[str, Attribute] = field(default_factory=dict)
    min_items: int = 0
    max_items: int = 0

    @classmethod
    def read(cls, raw: object, where: str) -> NestedType:
        data = _object(raw, where)
        return cls(
            nesting_mode=_choice(data, "nesting_mode", NESTED_TYPE_MODES, where),
            attributes=_each(data, "attributes", Attribute.read, where),
            min_items=_get(data, "min_items", int, 0, where),
            max_items=_get(data, "max_items", int, 0, where),
        )


@dataclass(frozen=True)
class Block:
    attributes: dict[str, Attribute] = field(default_factory=dict)
    block_types: dict[str, BlockType] = field(default_factory=dict)
    description: str | None = None
    description_kind: str = "plain"
    deprecated: bool = False

    @classmethod
    def read(cls, raw: object, where: str) -> Block:
        data = _object(raw, where)
        return cls(
            attributes=_each(data, "attributes", Attribute.read, where),
            block_types=_each(data, "block_types", BlockType.read, where),
            description=_get(data, "description", str, "", where) or None,
            description_kind=_get(data, "description_kind", str, "plain", where),
            deprecated=_get(data, "deprecated", bool, False, where),
        )


@dataclass(frozen=True)
class BlockType:
    nesting_mode: str
    block: Block
    min_items: int = 0
    max_items: int = 0

    @classmethod
    def read(cls, raw: object, where: str) -> BlockType:
        data = _object(raw, where)
        return cls(
            nesting_mode=_choice(data, "nesting_mode", NESTING_MODES, where),
            block=Block.read(data.get("block"), f"{where}.block"),
            min_items=_get(data, "min_items", int, 0, where),
            max_items=_get(data, "max_items", int, 0, where),
        )


@dataclass(frozen=True)
class Schema:
    block: Block
    version: int = 0

    @classmethod
    def read(cls, raw: object, where: str) -> Schema:
        data = _object(raw, where)
        return cls(
            block=Block.read(data.get("block"), f"{where}.block"),
            version=_get(data, "version", int, 0, where),
        )


@dataclass(frozen=True)
class ProviderSchema:
    provider: Schema | None = None
    resource_schemas: dict[str, Schema] = field(default_factory=dict)
    data_source_schemas: dict[str, Schema] = field(default_factory=dict)
    ephemeral_resource_schemas: dict[str, Schema] = field(default_factory=dict)

    @classmethod
    def read(cls, raw: object, where: str) -> ProviderSchema:
        data = _object(raw, where)
        provider = data.get("provider")
        return cls(
            provider=Schema.read(provider, f"{where}.provider") if provider else None,
            resource_schemas=_each(data, "resource_schemas", Schema.read, where),
            data_source_schemas=_each(data, "data_source_schemas", Schema.read, where),
            ephemeral_resource_schemas=_each(
                data, "ephemeral_resource_schemas", Schema.read, where
            ),
        )


@dataclass(frozen=True)
class Document:
    format_version: str
    provider_schemas: dict[str, ProviderSchema]

    @classmethod
    def read(cls, raw: object) -> Document:
        data = _object(raw, "document")
        version = data.get("format_version")
        if not isinstance(version, str) or not version.startswith("1."):
            raise SchemaError(
                f"format_version {version!r} is not supported; tfbindgen reads 1.x "
                "(the format of `terraform providers schema -json` since Terraform 0.12)"
            )
        if "provider_schemas" not in data:
            raise SchemaError("document: no provider_schemas; is this `providers schema -json`?")
        return cls(version, _each(data, "provider_schemas", ProviderSchema.read, "document"))


# ---------------------------------------------------------------------------
# Extras


@dataclass(frozen=True)
class DefaultFunc:
    env: tuple[str, ...] = ()
    default: Any = None


@dataclass(frozen=True)
class Validate:
    one_of: tuple[Any, ...] | None = None
    ignore_case: bool = False
    min: float | None = None
    max: float | None = None
    validators: tuple[str, ...] = ()
    note: str | None = None
    also_accepted: str | None = None
    at_least_sum_of: tuple[str, ...] | None = None

    @classmethod
    def read(cls, raw: object, where: str) -> Validate:
        data = _object(raw, where)
        for bound in ("min", "max"):
            if data.get(bound) is not None and (
                isinstance(data[bound], bool) or not isinstance(data[bound], int | float)
            ):
                raise SchemaError(f"{where}.{bound}: expected a number, got {data[bound]!r}")
        one_of = _get(data, "one_of", list, [], where)
        summands = _get(data, "at_least_sum_of", list, [], where)
        return cls(
            one_of=tuple(one_of) if one_of else None,
            ignore_case=_get(data, "ignore_case", bool, False, where),
            min=data.get("min"),
            max=data.get("max"),
            validators=tuple(_get(data, "validators", list, [], where)),
            note=_get(data, "note", str, "", where) or None,
            also_accepted=_get(data, "also_accepted", str, "", where) or None,
            at_least_sum_of=tuple(summands) if summands else None,
        )


@dataclass(frozen=True)
class AttributeFacts:
    """What the extras know about one attribute or block."""

    force_new: bool = False
    requires_replace: bool = False
    has_default: bool = False
    default: Any = None
    default_func: DefaultFunc | None = None
    conflicts_with: tuple[str, ...] = ()
    exactly_one_of: tuple[str, ...] = ()
    at_least_one_of: tuple[str, ...] = ()
    required_with: tuple[str, ...] = ()
    validate: Validate | None = None
    deprecated: str | None = None
    max_items: int | None = None
    min_items: int | None = None
    go_type: str | None = None

    @classmethod
    def read(cls, raw: object, where: str) -> AttributeFacts:
        data = _object(raw, where)

        def names(key: str) -> tuple[str, ...]:
            value = _get(data, key, list, [], where)
            if not all(isinstance(v, str) for v in value):
                raise SchemaError(f"{where}.{key}: expected a list of attribute paths")
            return tuple(value)

        default_func = None
        if "DefaultFunc" in data:
            raw_func = _object(data["DefaultFunc"], f"{where}.DefaultFunc")
            env = _get(raw_func, "env", list, [], f"{where}.DefaultFunc")
            default_func = DefaultFunc(tuple(env), raw_func.get("default"))
        replace = data.get("RequiresReplace")
        return cls(
            force_new=_get(data, "ForceNew", bool, False, where),
            # RequiresReplace may be a bool or a sentence qualifying it.
            requires_replace=bool(replace),
            has_default="Default" in data,
            default=data.get("Default"),
            default_func=default_func,
            conflicts_with=names("ConflictsWith"),
            exactly_one_of=names("ExactlyOneOf"),
            at_least_one_of=names("AtLeastOneOf"),
            required_with=names("RequiredWith"),
            validate=Validate.read(data["Validate"], f"{where}.Validate")
            if "Validate" in data
            else None,
            deprecated=_get(data, "Deprecated", str, "", where) or None,
            max_items=data.get("MaxItems"),
            min_items=data.get("MinItems"),
            go_type=_get(data, "GoType", str, "", where) or None,
        )


@dataclass(frozen=True)
class Extras:
    """Facts per schema, keyed ``provider`` or ``<kind>:<type name>``."""

    provider: dict[str, AttributeFacts] = field(default_factory=dict)
    sections: dict[str, dict[str, AttributeFacts]] = field(default_factory=dict)

    @classmethod
    def read(cls, raw: object) -> Extras:
        data = _object(raw, "extras")
        # The provider section lists attributes directly; the others nest
        # them under "attributes" next to "_meta".
        provider = {
            path: AttributeFacts.read(value, f"extras.provider.{path}")
            for path, value in _object(data.get("provider", {}), "extras.provider").items()
        }
        sections = {
            key: _each(_object(value, f"extras.{key}"), "attributes", AttributeFacts.read,
                       f"extras.{key}")
            for key, value in data.items()
            if key != "provider"
        }  # fmt: skip
        return cls(provider, sections)

    def facts(self, kind: str, name: str) -> dict[str, AttributeFacts]:
        """Facts by dotted path for one resource (``kind`` as in the extras keys)."""
        if kind == "provider":
            return self.provider
        return dict(self.sections.get(f"{kind}:{name}", {}))
