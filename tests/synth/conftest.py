"""Fixtures of the synth tests; the labs themselves are built in synthlabs.py."""

from __future__ import annotations

import pytest
from synthlabs import LABS, Synthesized, lab


@pytest.fixture(params=sorted(LABS))
def any_lab(request: pytest.FixtureRequest) -> Synthesized:
    return lab(request.param)
