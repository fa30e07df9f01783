"""A deliberately broken stack makes ``terraform validate`` fail with Terraform's own message.

This proves the offline validation can fail: the stand-ins serve the real
attribute names and types, and Terraform core checks the configuration
against them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from offline_helpers import Planned
from tfstandin.wiring import Workspace

PlannedLab = Callable[[str], Planned]


def _broken_copy(lab: Planned, root: Path, edit: Callable[[str], str]) -> Workspace:
    ws = Workspace(root, timeout_s=lab.ws.timeout_s)
    ws.load(lab.stack_dir)
    cdk = ws.dir / "cdk.tf"
    before = cdk.read_text()
    after = edit(before)
    assert after != before, "the edit did not apply"
    cdk.write_text(after)
    return ws


def _missing_attribute(text: str) -> str:
    # The first reference to a volume id now names an attribute volumes lack.
    return re.sub(r"(libvirt_volume\.[\w-]+)\.id\b", r"\1.no_such_attribute", text, count=1)


def _wrong_type(text: str) -> str:
    # memory is a number in libvirt_domain's schema.
    return re.sub(r"(\n\s*memory\s*=\s*)\d+", r'\1"lots"', text, count=1)


@pytest.mark.parametrize(
    ("edit", "messages"),
    [
        pytest.param(
            _missing_attribute,
            [
                "Error: Unsupported attribute",
                "This object has no argument, nested block, or exported attribute named\n"
                '"no_such_attribute".',
            ],
            id="reference-to-a-missing-attribute",
        ),
        pytest.param(
            _wrong_type,
            [
                "Error: Incorrect attribute value type",
                'Inappropriate value for attribute "memory": a number is required.',
            ],
            id="wrong-type",
        ),
    ],
)
def test_terraform_validate_rejects_a_broken_stack(
    planned_lab: PlannedLab,
    tmp_path: Path,
    edit: Callable[[str], str],
    messages: list[str],
) -> None:
    lab = planned_lab("libvirt-dedicated")
    ws = _broken_copy(lab, tmp_path, edit)
    result = ws.run("validate", "-no-color", check=False)
    assert result.returncode == 1, result.output
    for message in messages:
        assert message in result.stderr, result.output
    assert "on cdk.tf line" in result.stderr
