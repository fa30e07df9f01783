"""Plan snapshots: the synthesized cdk.tf of each lab, byte for byte.

A difference is either a bug or an intended change. Intended changes are
recorded on purpose, in a commit that says why:

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/synth/test_snapshots.py
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest
from synthlabs import LABS

from openstack_ha.model.spec import LabSpec
from openstack_ha.stack import synth

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "synth"


@pytest.mark.parametrize("name", sorted(LABS))
def test_the_synthesized_plan_matches_its_snapshot(name: str, tmp_path: Path) -> None:
    folder = synth(LabSpec.model_validate(LABS[name]), str(tmp_path / "out"))
    text = (folder / "cdk.tf").read_text(encoding="utf-8")
    golden = GOLDEN / f"{name}.tf"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), f"no snapshot {golden}; record it with UPDATE_GOLDEN=1"
    expected = golden.read_text(encoding="utf-8")
    if text != expected:
        diff = "".join(
            list(
                difflib.unified_diff(
                    expected.splitlines(keepends=True),
                    text.splitlines(keepends=True),
                    f"golden/{name}.tf",
                    "synthesized",
                )
            )[:80]
        )
        pytest.fail(f"{name}: the plan changed (UPDATE_GOLDEN=1 records it on purpose):\n{diff}")
