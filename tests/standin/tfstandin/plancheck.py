"""Offline validation of a synthesized Terraform JSON configuration against provider schemas.

No provider binary can be downloaded on our machines, so Terraform itself cannot
read the plans in CI. This check is the next best thing: every resource, data
source and provider block in the configuration must exist in the pinned schema;
every attribute must exist, be settable and hold a value of the schema's type;
required attributes must be set; nested blocks must respect their nesting mode
and item counts. A value containing a Terraform expression (``${...}``) is
accepted for any type, since its type is only known when Terraform evaluates it.

Problems are collected, not raised at the first, each naming its path in the
configuration (``resource.libvirt_domain.ctl-1.disk[0].volume_id``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Arguments Terraform itself understands on every resource / data source.
RESOURCE_META = frozenset(
    {"count", "for_each", "depends_on", "provider", "lifecycle", "provisioner", "connection", "//"}
)
DATA_META = frozenset({"count", "for_each", "depends_on", "provider", "lifecycle", "//"})
PROVIDER_META = frozenset({"alias", "version", "//"})


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in a configuration, at ``path``."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass(frozen=True)
class Schemas:
    """The blocks of one or more provider schema documents, indexed by type name."""

    providers: Mapping[str, Mapping[str, Any]]
    resources: Mapping[str, Mapping[str, Any]]
    data_sources: Mapping[str, Mapping[str, Any]]

    @classmethod
    def load(cls, paths: Iterable[Path]) -> Schemas:
        providers: dict[str, Mapping[str, Any]] = {}
        resources: dict[str, Mapping[str, Any]] = {}
        data_sources: dict[str, Mapping[str, Any]] = {}
        for path in paths:
            document = json.loads(Path(path).read_text())
            for address, schema in document.get("provider_schemas", {}).items():
                # registry.terraform.io/dmacvicar/libvirt -> libvirt
                local_name = address.rsplit("/", 1)[-1]
                providers[local_name] = schema["provider"]["block"]
                for name, entry in schema.get("resource_schemas", {}).items():
                    resources[name] = entry["block"]
                for name, entry in schema.get("data_source_schemas", {}).items():
                    data_sources[name] = entry["block"]
        return cls(providers, resources, data_sources)


def is_expression(value: object) -> bool:
    """A string Terraform evaluates as a template with an interpolation or directive."""
    return isinstance(value, str) and ("${" in value or "%{" in value)


def type_name(cty: Any) -> str:
    return cty if isinstance(cty, str) else json.dumps(cty, separators=(",", ":"))


def check_value(value: Any, cty: Any, path: str) -> list[Problem]:
    """Problems with ``value`` as a value of the cty type ``cty`` (schema JSON form)."""
    if value is None or is_expression(value):
        return []
    wrong = [Problem(path, f"expected {type_name(cty)}, got {value!r}")]
    if cty == "dynamic":
        return []
    if cty == "string":
        # Terraform converts numbers and booleans to strings on its own.
        ok = isinstance(value, str | int | float)
        return [] if ok else wrong
    if cty == "number":
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        return [] if ok else wrong
    if cty == "bool":
        return [] if isinstance(value, bool) else wrong
    kind, inner = cty
    if kind in ("list", "set"):
        if not isinstance(value, list):
            return wrong
        problems: list[Problem] = []
        for index, item in enumerate(value):
            problems += check_value(item, inner, f"{path}[{index}]")
        if kind == "set" and _has_duplicates(value):
            problems.append(
                Problem(path, f"a set holds each value once, got duplicates in {value!r}")
            )
        return problems
    if kind == "map":
        if not isinstance(value, dict):
            return wrong
        problems = []
        for key in sorted(value):
            problems += check_value(value[key], inner, f"{path}[{key!r}]")
        return problems
    if kind == "object":
        if not isinstance(value, dict):
            return wrong
        problems = []
        for key in sorted(value):
            if key not in inner:
                problems.append(
                    Problem(
                        f"{path}.{key}",
                        f"unknown object attribute; allowed: {', '.join(sorted(inner))}",
                    )
                )
            else:
                problems += check_value(value[key], inner[key], f"{path}.{key}")
        return problems
    if kind == "tuple":
        if not isinstance(value, list) or len(value) != len(inner):
            return wrong
        problems = []
        for index, (item, item_type) in enumerate(zip(value, inner, strict=True)):
            problems += check_value(item, item_type, f"{path}[{index}]")
        return problems
    return [Problem(path, f"unsupported schema type {type_name(cty)}")]


def _has_duplicates(values: list[Any]) -> bool:
    seen = [json.dumps(v, sort_keys=True) for v in values if not is_expression(v)]
    return len(seen) != len(set(seen))


def check_block(
    body: Mapping[str, Any], block: Mapping[str, Any], path: str, meta: frozenset[str]
) -> list[Problem]:
    """Problems with one block body (a resource, a provider, a nested block)."""
    attributes: Mapping[str, Any] = block.get("attributes", {})
    block_types: Mapping[str, Any] = block.get("block_types", {})
    problems: list[Problem] = []
    for name in sorted(body):
        value = body[name]
        where = f"{path}.{name}"
        if name in meta:
            continue
        if name in attributes:
            problems += _check_attribute(value, attributes[name], where)
        elif name in block_types:
            problems += _check_nested_block(value, block_types[name], where)
        else:
            allowed = sorted({*attributes, *block_types} - _computed_only(attributes))
            problems.append(Problem(where, f"unknown argument; allowed: {', '.join(allowed)}"))
    for name in sorted(attributes):
        if attributes[name].get("required") and name not in body:
            problems.append(Problem(f"{path}.{name}", "required argument is not set"))
    for name in sorted(block_types):
        minimum = block_types[name].get("min_items", 0)
        if minimum and name not in body:
            problems.append(
                Problem(f"{path}.{name}", f"at least {minimum} block(s) required, got none")
            )
    return problems


def _computed_only(attributes: Mapping[str, Any]) -> set[str]:
    return {
        n
        for n, a in attributes.items()
        if a.get("computed") and not (a.get("optional") or a.get("required"))
    }


def _check_attribute(value: Any, attribute: Mapping[str, Any], path: str) -> list[Problem]:
    if attribute.get("computed") and not (attribute.get("optional") or attribute.get("required")):
        return [Problem(path, "is computed by the provider and cannot be set")]
    if "nested_type" in attribute:
        return _check_nested_attribute(value, attribute["nested_type"], path)
    return check_value(value, attribute["type"], path)


def _check_nested_attribute(value: Any, nested: Mapping[str, Any], path: str) -> list[Problem]:
    if value is None or is_expression(value):
        return []
    block = {"attributes": nested["attributes"]}
    mode = nested["nesting_mode"]
    if mode == "single":
        if not isinstance(value, dict):
            return [Problem(path, f"expected an object, got {value!r}")]
        return check_block(value, block, path, frozenset())
    if mode in ("list", "set"):
        if not isinstance(value, list):
            return [Problem(path, f"expected a list of objects, got {value!r}")]
        problems = []
        for index, item in enumerate(value):
            problems += _check_nested_attribute(
                item, {**nested, "nesting_mode": "single"}, f"{path}[{index}]"
            )
        return problems
    if mode == "map":
        if not isinstance(value, dict):
            return [Problem(path, f"expected a map of objects, got {value!r}")]
        problems = []
        for key in sorted(value):
            problems += _check_nested_attribute(
                value[key], {**nested, "nesting_mode": "single"}, f"{path}[{key!r}]"
            )
        return problems
    return [Problem(path, f"unsupported nesting mode {mode!r}")]


def _check_nested_block(value: Any, block_type: Mapping[str, Any], path: str) -> list[Problem]:
    mode = block_type["nesting_mode"]
    inner = block_type["block"]
    if is_expression(value):
        return [
            Problem(path, "is a block; it cannot be set from an expression (use a dynamic block)")
        ]
    if mode in ("single", "group"):
        items = value if isinstance(value, list) else [value]
        if len(items) > 1:
            return [Problem(path, f"at most 1 block allowed, got {len(items)}")]
    elif mode in ("list", "set"):
        items = value if isinstance(value, list) else [value]
        minimum = block_type.get("min_items", 0)
        maximum = block_type.get("max_items", 0)
        if len(items) < minimum:
            return [Problem(path, f"at least {minimum} block(s) required, got {len(items)}")]
        if maximum and len(items) > maximum:
            return [Problem(path, f"at most {maximum} block(s) allowed, got {len(items)}")]
    elif mode == "map":
        if not isinstance(value, dict):
            return [Problem(path, f"expected blocks keyed by label, got {value!r}")]
        problems = []
        for key in sorted(value):
            problems += check_block(value[key], inner, f"{path}[{key!r}]", frozenset())
        return problems
    else:
        return [Problem(path, f"unsupported nesting mode {mode!r}")]
    problems = []
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            problems.append(Problem(f"{path}[{index}]", f"expected a block body, got {item!r}"))
            continue
        problems += check_block(item, inner, f"{path}[{index}]", frozenset())
    return problems


def check_config(config: Mapping[str, Any], schemas: Schemas) -> list[Problem]:
    """Every problem in a Terraform JSON configuration (``cdk.tf.json`` form), sorted."""
    problems: list[Problem] = []
    for name, bodies in sorted(config.get("provider", {}).items()):
        block = schemas.providers.get(name)
        for index, body in enumerate(bodies if isinstance(bodies, list) else [bodies]):
            where = f"provider.{name}[{index}]"
            if block is None:
                problems.append(Problem(where, f"no pinned schema for provider {name!r}"))
            else:
                problems += check_block(body, block, where, PROVIDER_META)
    for section, types, meta in (
        ("resource", schemas.resources, RESOURCE_META),
        ("data", schemas.data_sources, DATA_META),
    ):
        for type_, instances in sorted(config.get(section, {}).items()):
            block = types.get(type_)
            for name, body in sorted(instances.items()):
                where = f"{section}.{type_}.{name}"
                if block is None:
                    problems.append(Problem(where, f"type {type_!r} is not in the pinned schemas"))
                else:
                    problems += check_block(body, block, where, meta)
    return sorted(problems)
