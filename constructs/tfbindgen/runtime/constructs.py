"""Base classes of generated resources, data sources and providers.

Arguments are checked at construction (every problem in one
:class:`BindingError`) and may be changed afterwards, as in stock bindings:
``vm.name = "x"``, ``vm.reset_name()``, ``vm.put_disk([...])``; each change
is checked the same way before it takes effect.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar, Protocol

import jsii  # isort: skip - the engine module (imported first) has chosen the Node binary
from tfbindgen.engine import (
    Construct,
    ITerraformDependable,
    ITerraformIterator,
    TerraformDataSource,
    TerraformProvider,
    TerraformResource,
)
from tfbindgen.runtime.checks import check
from tfbindgen.runtime.errors import BindingError, Problem, show, where
from tfbindgen.runtime.specs import Connection, Count, Lifecycle, ProviderInfo, Provisioner, Spec
from tfbindgen.runtime.synth import META_ARGUMENTS, hcl_attributes, json_attributes


class Settable(Protocol):
    """What a setter needs of the construct it belongs to."""

    def _tf_assign(self, tf: str, py: str, value: object) -> None: ...


class _Arguments:
    """The checked arguments of one construct, and changing them after construction."""

    TF_RESOURCE_TYPE: ClassVar[str]
    _tf_spec: ClassVar[Spec]
    _tf_provider: ClassVar[ProviderInfo]
    _tf_values: dict[str, object]

    def _tf_where(self) -> str:
        path = self.node.path if isinstance(self, Construct) else "?"
        return f"{path} ({self.TF_RESOURCE_TYPE})"

    def _tf_assign(self, tf: str, py: str, value: object) -> None:
        """Set (``None``: unset) the argument ``tf``; refuses what construction refuses."""
        item = self._tf_spec.by_tf.get(tf)
        if item is None:
            raise AttributeError(
                f"{self._tf_where()}: {py!r} is read-only (computed by the provider); "
                "it cannot be set"
            )
        values = {k: v for k, v in self._tf_values.items() if k != item.py}
        if value is not None:
            values[item.py] = value
        checked_values, problems = check(self._tf_spec, values.get)
        if problems:
            raise BindingError(self._tf_where(), problems)
        self._tf_values = checked_values


def _values(cls: type[_Arguments], scope: object, id_: str, values: Mapping[str, object]) -> Any:
    checked_values, problems = check(cls._tf_spec, values.get)
    if problems:
        raise BindingError(where(cls, scope, id_), problems)
    return checked_values


class Resource(_Arguments, TerraformResource):
    """Base of generated resources."""

    def __init__(
        self,
        scope: Construct,
        id_: str,
        values: Mapping[str, object],
        *,
        connection: Connection | None = None,
        count: Count | None = None,
        depends_on: Sequence[ITerraformDependable] | None = None,
        for_each: ITerraformIterator | None = None,
        lifecycle: Lifecycle | None = None,
        provider: TerraformProvider | None = None,
        provisioners: Sequence[Provisioner] | None = None,
    ) -> None:
        checked_values = _values(type(self), scope, id_, values)
        super().__init__(
            scope,
            id_,
            terraform_resource_type=self.TF_RESOURCE_TYPE,
            terraform_generator_metadata=self._tf_provider.metadata(),
            connection=connection,  # type: ignore[arg-type] # engine stubs want a Dict
            count=count,
            depends_on=depends_on,
            for_each=for_each,
            lifecycle=lifecycle,  # type: ignore[arg-type]
            provider=provider,
            provisioners=provisioners,  # type: ignore[arg-type]
        )
        self._tf_values = checked_values

    def _synthesize_attributes(self) -> Mapping[str, Any]:
        return json_attributes(
            self._tf_spec, self._tf_values.get, reserved=META_ARGUMENTS["resource"]
        )

    def _synthesize_hcl_attributes(self) -> Mapping[str, Any]:
        return hcl_attributes(
            self._tf_spec, self._tf_values.get, reserved=META_ARGUMENTS["resource"]
        )


class DataSource(_Arguments, TerraformDataSource):
    """Base of generated data sources."""

    def __init__(
        self,
        scope: Construct,
        id_: str,
        values: Mapping[str, object],
        *,
        count: Count | None = None,
        depends_on: Sequence[ITerraformDependable] | None = None,
        for_each: ITerraformIterator | None = None,
        lifecycle: Lifecycle | None = None,
        provider: TerraformProvider | None = None,
    ) -> None:
        checked_values = _values(type(self), scope, id_, values)
        super().__init__(
            scope,
            id_,
            terraform_resource_type=self.TF_RESOURCE_TYPE,
            terraform_generator_metadata=self._tf_provider.metadata(),
            count=count,
            depends_on=depends_on,
            for_each=for_each,
            lifecycle=lifecycle,  # type: ignore[arg-type]
            provider=provider,
        )
        self._tf_values = checked_values

    def _synthesize_attributes(self) -> Mapping[str, Any]:
        return json_attributes(self._tf_spec, self._tf_values.get, reserved=META_ARGUMENTS["data"])

    def _synthesize_hcl_attributes(self) -> Mapping[str, Any]:
        return hcl_attributes(self._tf_spec, self._tf_values.get, reserved=META_ARGUMENTS["data"])


class Provider(_Arguments, TerraformProvider):
    """Base of generated provider classes; ``alias`` selects a second configuration."""

    def __init__(
        self, scope: Construct, id_: str, values: Mapping[str, object], *, alias: str | None = None
    ) -> None:
        checked_values, problems = check(self._tf_spec, values.get)
        if alias is not None and not isinstance(alias, str):
            problems.append(Problem("alias", f"must be a string (got {show(alias)})"))
        if problems:
            raise BindingError(where(type(self), scope, id_), problems)
        super().__init__(
            scope,
            id_,
            terraform_resource_type=self.TF_RESOURCE_TYPE,
            terraform_generator_metadata=self._tf_provider.metadata(),
            terraform_provider_source=self._tf_provider.source,
        )
        self._tf_values = checked_values
        self._tf_alias = alias

    # The engine reads `alias` through jsii (fqn, meta attributes); the base
    # class getter always answers undefined, generated providers override it.
    @property
    @jsii.member(jsii_name="alias")
    def alias(self) -> str | None:
        return self._tf_alias

    @alias.setter
    def alias(self, value: str | None) -> None:
        self._tf_alias = value

    def _synthesize_attributes(self) -> Mapping[str, Any]:
        return json_attributes(self._tf_spec, self._tf_values.get, wrap=True)

    def _synthesize_hcl_attributes(self) -> Mapping[str, Any]:
        return hcl_attributes(self._tf_spec, self._tf_values.get, wrap=True)
