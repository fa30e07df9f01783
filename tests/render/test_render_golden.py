"""Golden files of the rendered scenarios, compared byte for byte.

Per scenario (``tests/golden/render/<scenario>/``):

- ``MANIFEST``: every node's user-data and every rendered file with its
  mode, owner and sha256, so a change to any byte of any node shows up;
- ``<host>/user-data`` of the first node of each group, in full (it holds
  every file of that node), so the diff of a change is readable;
- ``cib-<cluster>.xml``: the CIB of every Pacemaker cluster.

The files change only on purpose: ``UPDATE_GOLDEN=1 .venv/bin/pytest
tests/render/test_render_golden.py`` rewrites them; commit them saying why.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest
from render_helpers import GOLDEN_SCENARIOS, plan_of, rendered

from openstack_ha.render.cib import to_xml

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "render"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def expected_files(name: str) -> dict[str, str]:
    plan = plan_of(name)
    lab = rendered(name)
    out: dict[str, str] = {}
    manifest = [f"# {name}: host path mode owner sha256 (regenerate: UPDATE_GOLDEN=1)"]
    for tree in lab.nodes:
        manifest.append(f"{tree.hostname} user-data - - {_sha(tree.user_data)}")
        manifest += [
            f"{tree.hostname} {f.path} {f.mode} {f.owner} {_sha(f.content)}" for f in tree.files
        ]
    out["MANIFEST"] = "\n".join(manifest) + "\n"
    for group in plan.groups:
        first = group.members[0]
        out[f"{first}/user-data"] = lab.node(first).user_data
    for cluster, cib in lab.cibs:
        out[f"cib-{cluster}.xml"] = to_xml(cib)
    return out


def _actual(directory: Path) -> dict[str, str]:
    return {
        str(p.relative_to(directory)): p.read_text(encoding="utf-8")
        for p in sorted(directory.rglob("*"))
        if p.is_file()
    }


@pytest.mark.parametrize("name", sorted(GOLDEN_SCENARIOS))
def test_rendered_scenario_matches_its_golden_files(name: str) -> None:
    expected = expected_files(name)
    directory = GOLDEN / name
    if UPDATE:
        shutil.rmtree(directory, ignore_errors=True)
        for rel, text in expected.items():
            target = directory / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    actual = _actual(directory)
    hint = "if the change is on purpose: UPDATE_GOLDEN=1 pytest tests/render/test_render_golden.py"
    assert sorted(actual) == sorted(expected), hint
    for rel, text in expected.items():
        assert actual[rel] == text, f"{name}/{rel} differs; {hint}"
