"""Plain helpers for the lab-model tests (imported by name: tests/model is on sys.path)."""

from __future__ import annotations

from openstack_ha.model import LabError


def triples(error: LabError) -> list[tuple[str, str, str]]:
    """(code, loc, message) of every problem, sorted."""
    return sorted((p.code, p.loc, p.message) for p in error.problems)
