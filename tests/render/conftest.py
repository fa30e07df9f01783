"""Fixtures of the render tests: checker programs required (skip here, fail in CI)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from render_helpers import need

from openstack_ha.check.tools import find_tool


@pytest.fixture
def require_programs() -> Callable[..., None]:
    """``require_programs("haproxy", ...)``: skip (or fail in CI) when one is missing."""

    def check(*names: str) -> None:
        for name in names:
            tool = find_tool(name)
            need(tool.path is not None, tool.missing_detail)

    return check
