"""Figures of the live scenarios: printed, and collected for bench/bench_live.py."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator

import pytest

FIGURES_ENV = "OHA_LIVE_FIGURES"  # a JSON-lines file bench/bench_live.py reads


@pytest.fixture
def figures(request: pytest.FixtureRequest) -> Iterator[dict[str, float]]:
    """A dict the scenario fills with its measured figures (seconds, counts).

    They are printed after the test (``pytest -s`` shows them) and, when
    ``OHA_LIVE_FIGURES`` names a file, appended to it as one JSON line, even
    when the test fails part-way (a failed run's figures say how far it got).
    """
    found: dict[str, float] = {}
    yield found
    failed = any(
        getattr(getattr(request.node, f"oha_report_{when}", None), "failed", False)
        for when in ("setup", "call")
    )
    for name, value in found.items():
        print(f"figure {request.node.name}: {name} = {value:.3f}", file=sys.stderr)
    path = os.environ.get(FIGURES_ENV)
    if path:
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(json.dumps({"test": request.node.name, "passed": not failed,
                                 "figures": found}, sort_keys=True) + "\n")
