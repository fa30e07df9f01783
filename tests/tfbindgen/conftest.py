"""Session fixtures: the fixture schemas, generated once and importable."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tfbindgen_testing import ENGINES, generate_fixtures


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


@pytest.fixture(scope="session")
def synthesized(fixture_bindings: Path) -> dict[str, dict[str, Any]]:
    """Every program of tfbindgen_programs.py synthesized on each engine: {engine: {name: ...}}."""
    script = Path(__file__).with_name("tfbindgen_programs.py")
    results: dict[str, dict[str, Any]] = {}
    for engine in ENGINES:
        env = {**os.environ, "OPENSTACK_HA_ENGINE": engine}
        run = subprocess.run(
            [sys.executable, str(script), str(fixture_bindings)],
            capture_output=True, text=True, env=env, timeout=300, check=False,
        )  # fmt: skip
        assert run.returncode == 0, f"{engine}: {run.stderr}"
        output = json.loads(run.stdout)
        assert output.pop("engine") == engine
        results[engine] = output
    return results
