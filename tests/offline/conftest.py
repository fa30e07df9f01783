"""Fixtures of the offline Terraform tests: each lab synthesized, validated and planned once."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from offline_helpers import LABS, Planned, plan_lab, require_terraform, spec_of

_PLANNED: dict[str, Planned] = {}


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


@pytest.fixture(params=sorted(LABS))
def lab_name(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def terraform() -> None:
    require_terraform()
