"""Schemas Terraform itself would refuse, or that bindings cannot write: refused, all at once.

Terraform validates each provider schema it loads (``configschema``) and
reads configuration through HCL, so some schemas cannot work whatever code
is generated. Rather than generate bindings that fail later (or silently
drop an argument), generation stops with every problem found, each naming
the type and the dotted path:

* a name used by an attribute and a block of one block: Terraform's schema
  validation refuses it, and no configuration could tell them apart;
* an attribute that is none of required, optional and computed: Terraform's
  schema validation refuses it; it would be neither an argument nor a
  readable attribute;
* a name that is not an HCL identifier (``2fa_code``): Terraform cannot read
  ``2fa_code = ...`` in a ``.tf`` file, so the HCL synthesis could never set it;
* a provider argument named ``alias`` or ``version``: Terraform takes those
  from a provider block as its own meta-arguments, the provider never sees them.

Resource and data source arguments named like meta-arguments (``count``,
``lifecycle``...) are fine: the runtime writes them in Terraform's escaping
block ``_ { ... }``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Final

from tfbindgen.generator.schema import Attribute, Block, ProviderSchema

# HCL's identifier (hclsyntax: ID_Start or "_", then ID_Continue or "-"),
# restricted to ASCII as Terraform's own schema names are.
_IDENTIFIER: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*\Z")
_PROVIDER_META: Final = ("alias", "version")


def problems(schema: ProviderSchema) -> list[str]:
    """Every reason ``schema`` cannot be generated, in a stable order."""
    found: list[str] = []
    if schema.provider is not None:
        block = schema.provider.block
        found += _block("provider", block, ())
        for name in _PROVIDER_META:
            if name in block.attributes or name in block.block_types:
                found.append(
                    f"provider: argument {name!r} has the name of a provider meta-argument; "
                    "Terraform reads it as its own, so the provider would never receive it"
                )
    for kind, items in (
        ("resource", schema.resource_schemas),
        ("data source", schema.data_source_schemas),
    ):
        for tf_type in sorted(items):
            found += _block(f"{kind} {tf_type}", items[tf_type].block, ())
    return found


def _block(where: str, block: Block, path: tuple[str, ...]) -> Iterator[str]:
    for name in sorted(set(block.attributes) & set(block.block_types)):
        yield (
            f"{where}: {_dotted(path, name)!r} is both an attribute and a block; Terraform "
            "refuses such a schema (a name is one or the other)"
        )
    yield from _attributes(where, block.attributes, path)
    for name in sorted(block.block_types):
        yield from _name(where, path, name)
        yield from _block(where, block.block_types[name].block, (*path, name))


def _attributes(
    where: str, attributes: Mapping[str, Attribute], path: tuple[str, ...]
) -> Iterator[str]:
    for name in sorted(attributes):
        attr = attributes[name]
        yield from _name(where, path, name)
        if not (attr.required or attr.optional or attr.computed):
            yield (
                f"{where}: attribute {_dotted(path, name)!r} is none of required, optional and "
                "computed; Terraform refuses such a schema (it must be one of them)"
            )
        if attr.nested_type is not None:
            yield from _attributes(where, attr.nested_type.attributes, (*path, name))


def _name(where: str, path: tuple[str, ...], name: str) -> Iterator[str]:
    if not _IDENTIFIER.match(name):
        yield (
            f"{where}: {_dotted(path, name)!r} is not a name HCL can write (letters, digits, "
            "'_' and '-', not starting with a digit); Terraform could not read it in a .tf file"
        )


def _dotted(path: tuple[str, ...], name: str) -> str:
    return ".".join((*path, name))
