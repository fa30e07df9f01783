"""Fixtures shared by the lab-model tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest


@pytest.fixture
def lab_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., str]:
    """Write a lab file in a temporary working directory and return its (relative) name."""
    monkeypatch.chdir(tmp_path)

    def write(text: str, name: str = "lab.yaml") -> str:
        (tmp_path / name).write_text(text, encoding="utf-8")
        return name

    return write
