"""What generated modules declare: a :class:`Spec` per class, and the block base.

Generated modules hold data (specs) and thin constructors; everything that
acts on the data lives in the other runtime modules, once.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any, ClassVar, TypeAlias

from tfbindgen.engine import (
    FileProvisioner,
    LocalExecProvisioner,
    RemoteExecProvisioner,
    SSHProvisionerConnection,
    TerraformCount,
    TerraformProviderGeneratorMetadata,
    TerraformResourceLifecycle,
    WinrmProvisionerConnection,
)

Connection: TypeAlias = SSHProvisionerConnection | WinrmProvisionerConnection | Mapping[str, Any]
Count: TypeAlias = float | TerraformCount
Lifecycle: TypeAlias = TerraformResourceLifecycle | Mapping[str, Any]
Provisioner: TypeAlias = (
    FileProvisioner | LocalExecProvisioner | RemoteExecProvisioner | Mapping[str, Any]
)


@dataclasses.dataclass(frozen=True, slots=True)
class Attr:
    """An argument of a resource, data source, provider or block."""

    tf: str
    py: str
    type: Any  # a tfbindgen.ctytype.Spec literal; None for nested_type objects
    required: bool = False
    one_of: tuple[Any, ...] | None = None
    ignore_case: bool = False
    minimum: float | None = None
    maximum: float | None = None
    integer: bool = False
    min_items: int = 0
    max_items: int = 0
    nested: type[Block] | None = None
    nesting: str = ""


@dataclasses.dataclass(frozen=True, slots=True)
class Blocks:
    """A nested block type: its class, nesting mode and item counts."""

    tf: str
    py: str
    cls: type[Block]
    nesting: str  # single | list | set | map
    min_items: int = 0
    max_items: int = 0


@dataclasses.dataclass(frozen=True, slots=True)
class Rule:
    """A cross-field rule from the extras (ConflictsWith, ExactlyOneOf...)."""

    kind: str  # conflicts | requires | exactly_one_of | at_least_one_of | at_least_sum_of
    subject: str | None
    others: tuple[str, ...]


class Spec:
    """Everything the runtime knows about one generated class.

    ``computed`` lists the read-only attributes of a block, which only its
    references (``vm.disk.get(0).wwn``) need.
    """

    __slots__ = ("attrs", "blocks", "by_py", "by_tf", "computed", "rules", "tf_type")

    def __init__(
        self,
        tf_type: str,
        *,
        attrs: tuple[Attr, ...] = (),
        blocks: tuple[Blocks, ...] = (),
        rules: tuple[Rule, ...] = (),
        computed: tuple[Attr, ...] = (),
    ) -> None:
        self.tf_type = tf_type
        self.attrs = attrs
        self.blocks = blocks
        self.rules = rules
        self.computed = computed
        items: list[Attr | Blocks] = [*attrs, *blocks]
        self.by_tf = {item.tf: item for item in items}
        self.by_py = {item.py: item for item in (*items, *computed)}


@dataclasses.dataclass(frozen=True, slots=True)
class ProviderInfo:
    """The provider a binding was generated for (pinned in required_providers)."""

    name: str
    source: str
    version: str | None

    def metadata(self) -> TerraformProviderGeneratorMetadata:
        return TerraformProviderGeneratorMetadata(
            provider_name=self.name, provider_version=self.version
        )


class Block:
    """Base of generated nested-block (and nested_type object) dataclasses."""

    __slots__ = ()
    _tf_spec: ClassVar[Spec]

    def __post_init__(self) -> None:
        # checks imports this module (specs, Block); importing it here, once
        # per process, keeps that one-way at import time.
        from tfbindgen.runtime import checks  # noqa: PLC0415 - see above

        checks.check_block(self)
