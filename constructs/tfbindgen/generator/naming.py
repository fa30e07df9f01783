"""The one place where Terraform names become Python names.

Rules, applied in this order (each rename is reported, never silent):

1. ``snake``: camelCase and characters that cannot appear in an identifier
   become ``_``; a leading digit or underscore gets an ``x`` prefix (a name
   starting with ``_`` would look private and could meet the generated
   code's own ``_rt``/``_t`` aliases).
2. Reserved words get a trailing ``_`` (PEP 8's convention):
   * Python keywords (``class`` -> ``class_``, ``in`` -> ``in_``);
   * the builtins the generated code itself names in class bodies (``str``,
     ``float``...): a field called ``str`` would shadow the type used by the
     annotations after it;
   * in blocks: ``self``, the first parameter of the dataclass constructor;
   * in construct classes (resources, data sources, providers): the
     constructor's own parameters (``scope``, ``id_``), Terraform's
     meta-arguments (``count``, ``depends_on``, ``for_each``, ``provider``,
     ``lifecycle``, ``connection``, ``provisioners``, ``alias``) and every
     public member of the engine's base classes (``node``, ``fqn``...),
     which an attribute getter of the same name would hide.
3. Names that collide once converted (``fooBar`` next to ``foo_bar``, or
   ``class`` next to a real ``class_``) get further trailing ``_``. Names
   needing no change are placed first, then the others in sorted order, so
   an exact name is never displaced and the result is stable.

``id`` and ``type`` stay as they are: the construct id parameter is ``id_``
(the CDK convention in Python, as in cdktf's own bindings), and shadowing
the builtins ``id``/``type`` inside a constructor is harmless.
"""

from __future__ import annotations

import keyword
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final, Literal

Context = Literal["resource", "data", "provider", "block"]

KEYWORDS: Final = frozenset(keyword.kwlist)

# Builtins the generated modules name inside class bodies (annotations,
# decorators, calls). tests/tfbindgen/test_naming.py proves the list is
# complete by scanning every generated module.
GENERATED_CODE_BUILTINS: Final = frozenset({"bool", "float", "int", "object", "str"})

CONSTRUCTOR_PARAMETERS: Final = frozenset({"self", "scope", "id_"})

META_ARGUMENTS: Final = {
    "resource": frozenset(
        {"count", "depends_on", "for_each", "provider", "lifecycle", "connection", "provisioners"}
    ),
    "data": frozenset({"count", "depends_on", "for_each", "provider", "lifecycle"}),
    "provider": frozenset({"alias"}),
    "block": frozenset(),
}

# Public members of TerraformResource, TerraformDataSource, TerraformProvider
# and Construct (identical in cdktn 0.24 and cdktf 0.21; a test compares this
# list with both engines). Generation must not import the engine, so it is data.
ENGINE_MEMBERS: Final = frozenset(
    {
        "add_move_target", "add_override", "alias", "cdktf_stack", "connection", "count",
        "depends_on", "for_each", "fqn", "friendly_unique_id", "get_any_map_attribute",
        "get_boolean_attribute", "get_boolean_map_attribute", "get_list_attribute",
        "get_number_attribute", "get_number_list_attribute", "get_number_map_attribute",
        "get_string_attribute", "get_string_map_attribute", "has_resource_move",
        "import_from", "interpolation_for_attribute", "is_construct",
        "is_terraform_data_source", "is_terraform_element", "is_terraform_provider",
        "is_terraform_resource", "lifecycle", "meta_attributes", "move_from_id", "move_to",
        "move_to_id", "node", "override_logical_id", "provider", "provisioners",
        "reset_override_logical_id", "terraform_generator_metadata",
        "terraform_meta_arguments", "terraform_provider_source", "terraform_resource_type",
        "to_hcl_terraform", "to_metadata", "to_string", "to_terraform", "with_",
    }
)  # fmt: skip

# Module names taken by the package layout itself.
RESERVED_MODULES: Final = frozenset({"provider"})


@dataclass(frozen=True)
class Rename:
    """A Terraform name that did not survive as-is, and why."""

    tf_name: str
    py_name: str
    reason: str

    def __str__(self) -> str:
        return f"{self.tf_name} -> {self.py_name} ({self.reason})"


def snake(name: str) -> str:
    """A valid lower-case identifier for ``name`` (rule 1)."""
    text = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name)
    text = re.sub(r"[^0-9A-Za-z_]", "_", text).lower()
    if not text or text[0].isdigit() or text[0] == "_":
        text = "x" + (text if text.startswith("_") else "_" + text)
    return text


def camel(name: str) -> str:
    """``networking_port_v2`` -> ``NetworkingPortV2``."""
    parts = [part for part in re.split(r"[^0-9A-Za-z]+", snake(name)) if part]
    text = "".join(part[:1].upper() + part[1:] for part in parts)
    return text if text[:1].isalpha() else "X" + text


def reserved(context: Context) -> dict[str, str]:
    """Every reserved name in ``context`` with the reason it is reserved (rule 2)."""
    table: dict[str, str] = {}
    if context != "block":
        table.update(dict.fromkeys(ENGINE_MEMBERS, "engine member"))
        table.update(dict.fromkeys(CONSTRUCTOR_PARAMETERS, "constructor parameter"))
        table.update(dict.fromkeys(META_ARGUMENTS[context], "Terraform meta-argument"))
    else:
        # A dataclass field named `self` would clash with its __init__'s own.
        table["self"] = "parameter of the block's constructor"
    table.update(dict.fromkeys(GENERATED_CODE_BUILTINS, "builtin used by generated code"))
    table.update(dict.fromkeys(KEYWORDS, "Python keyword"))
    return table


def python_names(tf_names: Iterable[str], context: Context) -> tuple[dict[str, str], list[Rename]]:
    """Python names for the attributes and blocks of one class, and what was renamed."""
    taken: dict[str, str] = {}
    renames: list[Rename] = []
    result: dict[str, str] = {}
    table = reserved(context)
    # Names that are already what they should be go first, so a converted
    # name (fooBar) never takes the place of an exact one (foo_bar).
    for tf_name in sorted(tf_names, key=lambda n: (snake(n) != n or n in table, n)):
        name = snake(tf_name)
        reasons = [] if name == tf_name else ["made a snake_case identifier"]
        if name in table:
            reasons.append(table[name])
            name += "_"
        while name in taken or name in table:
            reasons.append(f"collides with {taken.get(name, name)!r}")
            name += "_"
        taken[name] = tf_name
        result[tf_name] = name
        if reasons:
            renames.append(Rename(tf_name, name, "; ".join(reasons)))
    return result, renames


def unique(name: str, taken: set[str], *, suffix: str = "_") -> str:
    """``name``, or ``name`` with ``suffix`` repeated until it is not in ``taken``."""
    while name in taken:
        name += suffix
    taken.add(name)
    return name


def module_name(type_name: str, provider: str, kind: Literal["resource", "data"]) -> str:
    """``libvirt_domain`` -> ``domain``; data sources get a ``data_`` prefix."""
    prefix = f"{provider}_"
    base = type_name[len(prefix) :] if type_name.startswith(prefix) else type_name
    base = snake(base or type_name)
    if kind == "data":
        base = f"data_{base}"
    if base in KEYWORDS or base in RESERVED_MODULES:
        base += "_"
    return base


def class_name(type_name: str, provider: str, kind: Literal["resource", "data"]) -> str:
    """``libvirt_domain`` -> ``Domain``; data sources ``DataXxx``."""
    prefix = f"{provider}_"
    base = type_name[len(prefix) :] if type_name.startswith(prefix) else type_name
    text = camel(base or type_name)
    return f"Data{text}" if kind == "data" else text
