"""Getters and setters: class attributes of generated constructs.

Reading an attribute gives a token (a reference Terraform resolves), as in
stock bindings; assigning a settable one checks the value and changes what
is synthesized (``vm.name = "x"``); ``None`` unsets it. Block getters give
the indexing stock code uses: ``vm.disk.get(0).volume_id``, and for blocks
of at most one item the object itself: ``vm.boot.dev``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Generic, Self, TypeAlias, TypeVar, overload

from tfbindgen import hclencode
from tfbindgen.engine import (
    ComplexList,
    ComplexMap,
    ComplexObject,
    IInterpolatingParent,
    IResolvable,
    TerraformDataSource,
    TerraformProvider,
    TerraformResource,
)
from tfbindgen.runtime.specs import Attr, Blocks, Spec

if TYPE_CHECKING:
    from tfbindgen.runtime.constructs import Settable

_T = TypeVar("_T")
_Readable: TypeAlias = TerraformResource | TerraformDataSource | ComplexObject


class _Getter(Generic[_T]):
    """Class attribute of a generated construct: reading it returns a token."""

    __slots__ = ("py", "tf")

    def __init__(self, tf: str) -> None:
        self.tf = tf
        self.py = tf

    def __set_name__(self, owner: type[Any], name: str) -> None:
        self.py = name

    @overload
    def __get__(self, obj: None, owner: type[Any]) -> Self: ...
    @overload
    def __get__(self, obj: _Readable, owner: type[Any]) -> _T: ...
    def __get__(self, obj: _Readable | None, owner: type[Any]) -> Self | _T:
        if obj is None:
            return self
        return self.read(obj)

    def __set__(self, obj: Settable, value: object) -> None:
        obj._tf_assign(self.tf, self.py, value)

    def read(self, obj: _Readable) -> _T:
        raise NotImplementedError


class StringAttribute(_Getter[str]):
    def read(self, obj: _Readable) -> str:
        return obj.get_string_attribute(self.tf)


class NumberAttribute(_Getter[float]):
    def read(self, obj: _Readable) -> float:
        return obj.get_number_attribute(self.tf)


class BooleanAttribute(_Getter[IResolvable]):
    def read(self, obj: _Readable) -> IResolvable:
        return obj.get_boolean_attribute(self.tf)


class StringListAttribute(_Getter[list[str]]):
    def read(self, obj: _Readable) -> list[str]:
        return list(obj.get_list_attribute(self.tf))


class NumberListAttribute(_Getter[list[float]]):
    def read(self, obj: _Readable) -> list[float]:
        return list(obj.get_number_list_attribute(self.tf))


class StringMapAttribute(_Getter[Mapping[str, str]]):
    def read(self, obj: _Readable) -> Mapping[str, str]:
        return obj.get_string_map_attribute(self.tf)


class NumberMapAttribute(_Getter[Mapping[str, float]]):
    def read(self, obj: _Readable) -> Mapping[str, float]:
        return obj.get_number_map_attribute(self.tf)


class BooleanMapAttribute(_Getter[Mapping[str, bool]]):
    def read(self, obj: _Readable) -> Mapping[str, bool]:
        return obj.get_boolean_map_attribute(self.tf)


class AnyMapAttribute(_Getter[Mapping[str, Any]]):
    def read(self, obj: _Readable) -> Mapping[str, Any]:
        return obj.get_any_map_attribute(self.tf)


class ComplexAttribute(_Getter[IResolvable]):
    """Lists of objects, objects: a reference to use whole or with Fn.*."""

    def read(self, obj: _Readable) -> IResolvable:
        return obj.interpolation_for_attribute(self.tf)


# ---------------------------------------------------------------------------
# Blocks (and nested_type attributes): references with stock indexing


class BlockObject(ComplexObject):
    """One block of a reference: its arguments and computed attributes by Python name."""

    def __init__(
        self,
        parent: IInterpolatingParent,
        attribute: str,
        from_set: bool,
        index: str | int | None,
        spec: Spec,
    ) -> None:
        super().__init__(parent, attribute, from_set, index)
        self._tf_block_spec = spec

    def __getattr__(self, name: str) -> Any:
        # Only reached for names the class does not have; engine internals
        # (dunder and private names) must keep failing as usual.
        spec = self.__dict__.get("_tf_block_spec")
        item = spec.by_py.get(name) if spec is not None and not name.startswith("_") else None
        if item is None:
            raise AttributeError(name)
        return reference(self, item)


class BlockList(ComplexList):
    """A list (or set) of blocks: ``.get(i)`` is the i-th block, as in stock bindings."""

    def __init__(
        self, parent: IInterpolatingParent, attribute: str, wraps_set: bool, spec: Spec
    ) -> None:
        super().__init__(parent, attribute, wraps_set)
        self._tf_ref = (parent, attribute, wraps_set, spec)

    def get(self, index: int) -> BlockObject:
        parent, attribute, wraps_set, spec = self._tf_ref
        return BlockObject(parent, attribute, wraps_set, index, spec)


class BlockMap(ComplexMap):
    """Blocks by label: ``.get(key)``."""

    def __init__(self, parent: IInterpolatingParent, attribute: str, spec: Spec) -> None:
        super().__init__(parent, attribute)
        self._tf_ref = (parent, attribute, spec)

    def get(self, key: str) -> BlockObject:
        parent, attribute, spec = self._tf_ref
        # The engine writes the index as is: `meta[k]` would read a variable k.
        return BlockObject(parent, attribute, False, hclencode.block_label(key), spec)


_SCALARS: dict[Any, type[_Getter[Any]]] = {
    "string": StringAttribute,
    "number": NumberAttribute,
    "bool": BooleanAttribute,
    ("list", "string"): StringListAttribute,
    ("set", "string"): StringListAttribute,
    ("list", "number"): NumberListAttribute,
    ("set", "number"): NumberListAttribute,
    ("map", "string"): StringMapAttribute,
    ("map", "number"): NumberMapAttribute,
    ("map", "bool"): BooleanMapAttribute,
}


def reference(parent: Any, item: Attr | Blocks) -> Any:
    """The reference to one argument (or computed attribute) of ``parent``."""
    if isinstance(item, Blocks):
        return _nested(parent, item.tf, item.cls._tf_spec, item.nesting, item.max_items)
    if item.nested is not None:
        return _nested(parent, item.tf, item.nested._tf_spec, item.nesting, item.max_items)
    try:
        getter = _SCALARS.get(item.type, ComplexAttribute)
    except TypeError:  # an unhashable type literal (objects hold lists)
        getter = ComplexAttribute
    return getter(item.tf).read(parent)


def _nested(parent: Any, tf: str, spec: Spec, nesting: str, max_items: int) -> Any:
    if nesting == "single":
        return BlockObject(parent, tf, False, None, spec)
    if nesting == "map":
        return BlockMap(parent, tf, spec)
    if max_items == 1:  # one block at most: stock bindings give the block itself
        return BlockObject(parent, tf, nesting == "set", 0, spec)
    return BlockList(parent, tf, nesting == "set", spec)


class _BlockGetter(_Getter[_T]):
    def read(self, obj: _Readable) -> _T:
        item = type(obj)._tf_spec.by_tf[self.tf]  # type: ignore[union-attr]
        result: _T = reference(obj, item)
        return result


class BlockListAttribute(_BlockGetter[BlockList]):
    """Blocks (list or set): ``.get(i)``; whole, a reference to the list."""


class BlockObjectAttribute(_BlockGetter[BlockObject]):
    """A single block, or a list of at most one (the block itself, as in stock bindings)."""


class BlockMapAttribute(_BlockGetter[BlockMap]):
    """Labelled blocks: ``.get(label)``."""


class ProviderArgument(Generic[_T]):
    """An argument of a provider: providers have no attributes to reference, so
    reading gives the value set (as in stock bindings); assigning checks it."""

    __slots__ = ("py", "tf")

    def __init__(self, tf: str) -> None:
        self.tf = tf
        self.py = tf

    def __set_name__(self, owner: type[Any], name: str) -> None:
        self.py = name

    @overload
    def __get__(self, obj: None, owner: type[Any]) -> Self: ...
    @overload
    def __get__(self, obj: TerraformProvider, owner: type[Any]) -> _T | None: ...
    def __get__(self, obj: TerraformProvider | None, owner: type[Any]) -> Self | _T | None:
        if obj is None:
            return self
        values: dict[str, _T] = obj._tf_values  # type: ignore[attr-defined]
        return values.get(self.py)

    def __set__(self, obj: Settable, value: _T | None) -> None:
        obj._tf_assign(self.tf, self.py, value)
