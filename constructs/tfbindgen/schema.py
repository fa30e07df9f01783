"""Layer 1: pydantic models of the two input documents.

* the provider schema, exactly as ``terraform providers schema -json`` (or
  ``tofu``) prints it, ``format_version`` 1.x;
* the optional *extras* (``providers/extras/*.extras.json``): facts the JSON
  format cannot carry (ForceNew, defaults, conflicts, enumerations...), keyed
  by ``<kind>:<type name>`` and then by dotted attribute path.

Unknown keys are ignored: format 1.x only ever adds keys (functions,
resource identities, list resources...), and a generator that refused them
would break on every Terraform release. Ephemeral resources are read but
not generated (the lab needs none; the CDK engines model them differently).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator


class _Model(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class NestedType(_Model):
    """``nested_type`` of a protocol-6 attribute: an object (or collection of objects)."""

    attributes: dict[str, Attribute] = Field(default_factory=dict)
    nesting_mode: Literal["single", "list", "set", "map"]
    min_items: int = 0
    max_items: int = 0


class Attribute(_Model):
    type: Any = None
    nested_type: NestedType | None = None
    description: str | None = None
    description_kind: Literal["plain", "markdown"] = "plain"
    deprecated: bool = False
    required: bool = False
    optional: bool = False
    computed: bool = False
    sensitive: bool = False
    write_only: bool = False


class Block(_Model):
    attributes: dict[str, Attribute] = Field(default_factory=dict)
    block_types: dict[str, BlockType] = Field(default_factory=dict)
    description: str | None = None
    description_kind: Literal["plain", "markdown"] = "plain"
    deprecated: bool = False


class BlockType(_Model):
    nesting_mode: Literal["single", "list", "set", "map", "group"]
    block: Block
    min_items: int = 0
    max_items: int = 0


class Schema(_Model):
    version: int = 0
    block: Block


class ProviderSchema(_Model):
    provider: Schema | None = None
    resource_schemas: dict[str, Schema] = Field(default_factory=dict)
    data_source_schemas: dict[str, Schema] = Field(default_factory=dict)
    ephemeral_resource_schemas: dict[str, Schema] = Field(default_factory=dict)


class Document(_Model):
    format_version: str
    provider_schemas: dict[str, ProviderSchema]

    @field_validator("format_version")
    @classmethod
    def _major_version_one(cls, value: str) -> str:
        if not value.startswith("1."):
            raise ValueError(
                f"format_version {value!r} is not supported; tfbindgen reads 1.x "
                "(the format of `terraform providers schema -json` since Terraform 0.12)"
            )
        return value


class DefaultFunc(_Model):
    env: list[str] = Field(default_factory=list)
    default: Any = None


class Validate(_Model):
    one_of: list[Any] | None = None
    ignore_case: bool = False
    min: float | None = None
    max: float | None = None
    validators: list[str] = Field(default_factory=list)
    note: str | None = None
    also_accepted: str | None = None
    at_least_sum_of: list[str] | None = None


class AttributeFacts(_Model):
    """What the extras know about one attribute or block."""

    model_config = ConfigDict(extra="ignore", frozen=True, populate_by_name=True)

    force_new: bool = Field(False, alias="ForceNew")
    requires_replace: bool | str | None = Field(None, alias="RequiresReplace")
    default: Any = Field(None, alias="Default")
    default_func: DefaultFunc | None = Field(None, alias="DefaultFunc")
    conflicts_with: list[str] = Field(default_factory=list, alias="ConflictsWith")
    exactly_one_of: list[str] = Field(default_factory=list, alias="ExactlyOneOf")
    at_least_one_of: list[str] = Field(default_factory=list, alias="AtLeastOneOf")
    required_with: list[str] = Field(default_factory=list, alias="RequiredWith")
    validate_: Validate | None = Field(None, alias="Validate")
    deprecated: str | None = Field(None, alias="Deprecated")
    max_items: int | None = Field(None, alias="MaxItems")
    min_items: int | None = Field(None, alias="MinItems")
    go_type: str | None = Field(None, alias="GoType")
    note: str | None = None

    @property
    def has_default(self) -> bool:
        return "default" in self.model_fields_set


class SectionFacts(_Model):
    attributes: dict[str, AttributeFacts] = Field(default_factory=dict)


class Extras(_Model):
    """Facts per schema, keyed ``provider`` or ``<kind>:<type name>``."""

    provider: dict[str, AttributeFacts] = Field(default_factory=dict)
    sections: dict[str, SectionFacts] = Field(default_factory=dict)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Extras:
        # The provider section lists attributes directly; the others nest
        # them under "attributes" next to "_meta". Normalise to one shape.
        provider = data.get("provider", {})
        sections = {key: value for key, value in data.items() if key != "provider"}
        return cls.model_validate({"provider": provider, "sections": sections})

    def facts(self, kind: str, name: str) -> dict[str, AttributeFacts]:
        """Facts by dotted path for one resource (``kind`` as in the extras keys)."""
        if kind == "provider":
            return self.provider
        section = self.sections.get(f"{kind}:{name}")
        return dict(section.attributes) if section else {}


NestedType.model_rebuild()
Block.model_rebuild()
