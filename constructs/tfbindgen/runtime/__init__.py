"""What generated bindings import (as ``_rt``): specs, base classes, checks, getters.

The runtime half of tfbindgen; the generator (:mod:`tfbindgen.generator`) is
never imported by it, nor by generated code. Responsibilities, one module each:

* :mod:`~tfbindgen.runtime.specs`: what generated modules declare (a
  :class:`Spec` per class) and the :class:`Block` base;
* :mod:`~tfbindgen.runtime.errors`: :class:`BindingError`, and the
  ``@checked`` constructor wrapper (unknown and missing arguments);
* :mod:`~tfbindgen.runtime.tokens`: tokens and expressions;
* :mod:`~tfbindgen.runtime.checks` and :mod:`~tfbindgen.runtime.rules`: value
  types, enumerations, bounds, item counts, blocks and cross-field rules, all
  problems of one object in one error;
* :mod:`~tfbindgen.runtime.blocks`: the ``@block`` decorator;
* :mod:`~tfbindgen.runtime.synth`: JSON and HCL synthesis (HCL text made
  faithful by :mod:`tfbindgen.hclencode`);
* :mod:`~tfbindgen.runtime.getters`: getters returning tokens, setters,
  block references with stock indexing;
* :mod:`~tfbindgen.runtime.constructs`: the Resource, DataSource and Provider
  base classes.

Engine tokens are accepted wherever a value is.
"""

from __future__ import annotations

from tfbindgen.engine import Construct, IResolvable, ITerraformDependable, ITerraformIterator
from tfbindgen.engine import TerraformProvider as TerraformProvider
from tfbindgen.runtime.blocks import block
from tfbindgen.runtime.checks import check
from tfbindgen.runtime.constructs import DataSource, Provider, Resource
from tfbindgen.runtime.errors import BindingError, Problem, checked
from tfbindgen.runtime.getters import (
    AnyMapAttribute,
    BlockList,
    BlockListAttribute,
    BlockMap,
    BlockMapAttribute,
    BlockObject,
    BlockObjectAttribute,
    BooleanAttribute,
    BooleanMapAttribute,
    ComplexAttribute,
    NumberAttribute,
    NumberListAttribute,
    NumberMapAttribute,
    ProviderArgument,
    StringAttribute,
    StringListAttribute,
    StringMapAttribute,
)
from tfbindgen.runtime.specs import (
    Attr,
    Block,
    Blocks,
    Connection,
    Count,
    Lifecycle,
    ProviderInfo,
    Provisioner,
    Rule,
    Spec,
)
from tfbindgen.runtime.tokens import is_expression, is_token

__all__ = [
    "AnyMapAttribute",
    "Attr",
    "BindingError",
    "Block",
    "BlockList",
    "BlockListAttribute",
    "BlockMap",
    "BlockMapAttribute",
    "BlockObject",
    "BlockObjectAttribute",
    "Blocks",
    "BooleanAttribute",
    "BooleanMapAttribute",
    "ComplexAttribute",
    "Connection",
    "Construct",
    "Count",
    "DataSource",
    "IResolvable",
    "ITerraformDependable",
    "ITerraformIterator",
    "Lifecycle",
    "NumberAttribute",
    "NumberListAttribute",
    "NumberMapAttribute",
    "Problem",
    "Provider",
    "ProviderArgument",
    "ProviderInfo",
    "Provisioner",
    "Resource",
    "Rule",
    "Spec",
    "StringAttribute",
    "StringListAttribute",
    "StringMapAttribute",
    "TerraformProvider",
    "block",
    "check",
    "checked",
    "is_expression",
    "is_token",
]
