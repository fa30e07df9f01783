"""Session fixtures: the fixture schemas, generated once and importable."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from tfbindgen_testing import generate_fixtures


@pytest.fixture(scope="session")
def fixture_bindings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Folder holding the generated fixture packages, importable while tests run."""
    out = tmp_path_factory.mktemp("bindings")
    generate_fixtures(out)
    sys.path.insert(0, str(out))
    try:
        yield out
    finally:
        sys.path.remove(str(out))
