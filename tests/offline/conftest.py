"""Fixtures of the offline Terraform tests: each lab synthesized, validated and planned once."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from offline_helpers import LABS, Planned, plan_lab, require_terraform, spec_of
from tfstandin.wiring import Workspace

_PLANNED: dict[str, Planned] = {}
_APPLIED: dict[str, Workspace] = {}


@pytest.fixture(scope="session")
def planned_lab(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Planned]:
    """``planned_lab(name)``: the lab synthesized, validated and planned (cached per session)."""

    def get(name: str) -> Planned:
        require_terraform()
        if name not in _PLANNED:
            root = tmp_path_factory.mktemp(f"offline-{name}")
            _PLANNED[name] = plan_lab(name, spec_of(name), root)
        return _PLANNED[name]

    return get


@pytest.fixture(scope="session")
def applied_lab(
    planned_lab: Callable[[str], Planned], tmp_path_factory: pytest.TempPathFactory
) -> Callable[[str], Workspace]:
    """``applied_lab(name)``: a fresh workspace with the lab applied (cached; do not change it)."""

    def get(name: str) -> Workspace:
        lab = planned_lab(name)
        if name not in _APPLIED:
            ws = Workspace(tmp_path_factory.mktemp(f"applied-{name}"), timeout_s=lab.ws.timeout_s)
            ws.load(lab.stack_dir)
            ws.run("plan", "-no-color", "-input=false", "-out=first.tfplan")
            applied = ws.run("apply", "-no-color", "-input=false", "first.tfplan")
            assert "Apply complete!" in applied.stdout, applied.output
            _APPLIED[name] = ws
        return _APPLIED[name]

    return get


@pytest.fixture(params=sorted(LABS))
def lab_name(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def terraform() -> None:
    require_terraform()
