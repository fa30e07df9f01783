"""The model's public API and the properties every model class must have."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from ipaddress import IPv4Network

import pytest
from pydantic import BaseModel, ValidationError

import openstack_ha.model as model
from openstack_ha.model import DatabaseGroup, LabError, LabSpec, Network, derive_plan


def _model_classes() -> list[type[BaseModel]]:
    out: dict[str, type[BaseModel]] = {}
    for info in pkgutil.iter_modules(model.__path__):
        module = importlib.import_module(f"openstack_ha.model.{info.name}")
        for name, value in vars(module).items():
            if (
                inspect.isclass(value)
                and issubclass(value, BaseModel)
                and value.__module__.startswith("openstack_ha.model")
            ):
                out[f"{value.__module__}.{name}"] = value
    return [out[k] for k in sorted(out)]


def test_all_is_the_public_api() -> None:
    names = model.__all__
    assert len(names) == len(set(names))  # order: ruff's RUF022 (constants, classes, functions)
    assert all(not n.startswith("_") for n in names)
    for name in names:
        assert getattr(model, name) is not None
    assert {"LabSpec", "LabError", "Problem", "Plan", "derive_plan", "load_lab"} <= set(names)


@pytest.mark.parametrize("cls", _model_classes(), ids=lambda c: c.__name__)
def test_every_model_is_frozen_and_forbids_unknown_keys(cls: type[BaseModel]) -> None:
    assert cls.model_config.get("frozen") is True
    assert cls.model_config.get("extra") == "forbid"


def test_specs_and_plans_cannot_be_changed_in_place() -> None:
    spec = LabSpec()
    with pytest.raises(ValidationError):
        spec.name = "other"  # type: ignore[misc]
    plan = derive_plan(spec)
    with pytest.raises(ValidationError):
        plan.nodes[0].hostname = "x"  # type: ignore[misc]


def test_unknown_keyword_is_rejected_in_python() -> None:
    with pytest.raises(ValidationError) as caught:
        DatabaseGroup(cuont=3)  # type: ignore[call-arg]
    assert caught.value.errors()[0]["type"] == "extra_forbidden"


def test_model_copy_skips_validation_but_derive_plan_does_not() -> None:
    spec = LabSpec().model_copy(update={"database": DatabaseGroup.model_construct(count=2)})
    with pytest.raises(LabError) as caught:
        derive_plan(spec)
    assert [p.code for p in caught.value.problems] == ["galera_even"]


def test_networks_accept_strings_in_python_too() -> None:
    assert Network(cidr="10.30.0.0/24").cidr == IPv4Network("10.30.0.0/24")  # type: ignore[arg-type]
