"""The JSON Schema of `openstack-ha schema` refuses what `openstack-ha validate` refuses.

Ranges and name patterns are declared once on the model's fields; the rules
and the schema both read them. These tests run a real JSON Schema validator
(jsonschema, the library check-jsonschema uses) on lab files that the
lab-file loader rejects, and on the valid example labs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from pydantic import BaseModel

from openstack_ha.model import LabError, LabSpec, lab_json_schema
from openstack_ha.model.limits import Pattern, Range, field_limits
from openstack_ha.model.loader import default_document, load_lab, parse_lab

HERE = Path(__file__).parent
EXAMPLES = HERE.parents[1] / "examples" / "labs"
VALIDATOR = jsonschema.Draft202012Validator(lab_json_schema())


def schema_locs(doc: dict[str, Any]) -> set[str]:
    """The dotted path of every value the schema refuses (``if``/``then`` errors included)."""
    out = set()
    for error in VALIDATOR.iter_errors(doc):
        for leaf in [error, *error.context] if error.context else [error]:
            out.add(".".join(str(p) for p in leaf.absolute_path))
    return out


def validate_locs(doc: dict[str, Any]) -> set[str]:
    with pytest.raises(LabError) as caught:
        parse_lab(doc, source="lab.yaml")
    return {p.loc for p in caught.value.problems}


def test_a_lab_out_of_range_everywhere_is_refused_by_both_at_the_same_places() -> None:
    path = HERE / "labs" / "out-of-range.yaml"
    with pytest.raises(LabError) as caught:
        load_lab(path)
    problems = caught.value.problems
    assert {p.code for p in problems} <= {
        "invalid_name",
        "group_size",
        "galera_too_few",
        "galera_settings",
        "haproxy_sizing",
        "cluster_size",
        "corosync_token",
        "fencing_settings",
        "network_vlan",
    }
    assert all(p.source.startswith(f"{path}:") for p in problems)
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert len(problems) == 16  # one per key of the file
    assert schema_locs(doc) == {p.loc for p in problems}


# ---------------------------------------------------------------- one case per declared limit


def _declared(model: type[BaseModel], loc: str) -> Iterator[tuple[str, type[BaseModel], str]]:
    for name, field in model.model_fields.items():
        here = f"{loc}.{name}" if loc else name
        if field_limits(model, name):
            yield here, model, name
        for candidate in (field.annotation, *getattr(field.annotation, "__args__", ())):
            if isinstance(candidate, type) and issubclass(candidate, BaseModel):
                yield from _declared(candidate, here)


def _doc(loc: str, value: object, extra: dict[str, object]) -> dict[str, Any]:
    """A lab file setting ``loc`` to ``value``, plus sibling settings ``extra``."""
    parts = loc.split(".")
    doc: dict[str, Any] = {}
    node = doc
    for part in parts[:-1]:
        node = node.setdefault(part, {})
    node.update(extra)
    node[parts[-1]] = value
    if parts[0] == "converged":
        doc["layout"] = "collapsed"  # the converged group is used in the collapsed layout only
    if loc.startswith("networks.storage_management."):
        node.setdefault("cidr", "10.20.4.0/24")
    return doc


def _bad_values() -> Iterator[Any]:
    for loc, owner, name in _declared(LabSpec, ""):
        for limit in field_limits(owner, name):
            extra: dict[str, object] = {}
            if isinstance(limit, Range):
                if limit.when is not None:
                    extra = {limit.when[0]: limit.when[1]}
                values: list[object] = []
                if limit.minimum is not None:
                    values.append(limit.minimum - 1)
                if limit.maximum is not None:
                    values.append(limit.maximum + 1)
            else:
                assert isinstance(limit, Pattern)
                values = ["Bad name!"]
                if limit.max_length is not None:
                    values.append("a" * (limit.max_length + 1))
            for value in values:
                yield pytest.param(loc, _doc(loc, value, extra), id=f"{loc}={value!r}"[:60])


@pytest.mark.parametrize(("loc", "doc"), list(_bad_values()))
def test_every_declared_limit_is_refused_by_validate_and_by_the_schema(
    loc: str, doc: dict[str, Any]
) -> None:
    assert loc in validate_locs(doc)
    assert loc in schema_locs(doc)


def test_every_count_range_is_in_the_schema() -> None:
    defs = lab_json_schema()["$defs"]
    for group in ("ControllerGroup", "DatabaseGroup", "LoadBalancerGroup", "ConvergedGroup"):
        count = defs[group]["properties"]["count"]
        assert {"minimum", "maximum"} <= set(count), group
    # The brokers' range depends on the mode: clustered 3-15 (the default), active-passive 2.
    assert schema_locs({"brokers": {"count": 2}}) == {"brokers.count"}
    assert schema_locs({"brokers": {"mode": "active-passive", "count": 2}}) == set()
    assert schema_locs({"brokers": {"mode": "active-passive", "count": 3}}) == {"brokers.count"}
    assert schema_locs({"brokers": {"mode": "clustered", "count": 17}}) == {"brokers.count"}


# ---------------------------------------------------------------- valid labs still pass


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.name)
def test_example_labs_pass_the_schema_and_validate(path: Path) -> None:
    doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    assert schema_locs(doc) == set()
    load_lab(path)


def test_the_whole_default_document_passes_the_schema() -> None:
    assert schema_locs(default_document()) == set()


def test_a_range_a_description_states_is_the_declared_one() -> None:
    """Descriptions are prose for people; where one states a range, it must be the field's."""
    checked = 0
    for _, owner, name in _declared(LabSpec, ""):
        description = owner.model_fields[name].description or ""
        stated = set(re.findall(r"(\d+)–(\d+)", description))
        for limit in field_limits(owner, name):
            if not isinstance(limit, Range) or limit.minimum is None or limit.maximum is None:
                continue
            if stated and limit.minimum != limit.maximum:  # "exactly 3" is no range
                bounds = (str(limit.minimum), str(limit.maximum))
                assert bounds in stated, f"{owner.__name__}.{name}"
                checked += 1
    assert checked >= 9
