"""Fixtures for the live tests: prerequisites, stale clean-up, labs that always go away."""

from __future__ import annotations

import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
from harness import Lab, Network, NodeSpec, clean_stale_runs, tail
from harness.prereq import require

LabFactory = Callable[..., Lab]


def _sigterm_to_interrupt(signum: int, frame: FrameType | None) -> None:
    # CI or a developer stopping the run with SIGTERM: unwind like Ctrl-C so
    # every fixture finalizer (lab teardown) still runs.
    raise KeyboardInterrupt(f"signal {signum}")


@pytest.fixture(scope="session")
def live_session() -> Iterator[None]:
    """Once per session: check prerequisites, remove dead runs' leftovers."""
    require()
    for line in clean_stale_runs():
        print(f"live: stale clean-up: {line}", file=sys.stderr)
    previous = signal.getsignal(signal.SIGTERM)
    if previous in (signal.SIG_DFL, None):
        signal.signal(signal.SIGTERM, _sigterm_to_interrupt)
    yield
    if previous in (signal.SIG_DFL, None):
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    # Remember each phase's outcome on the item so the lab fixture knows, at
    # teardown, whether to print the daemons' log tails.
    report = yield
    setattr(item, f"oha_report_{report.when}", report)
    return report


@pytest.fixture
def lab_factory(
    live_session: None, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[LabFactory]:
    """Build labs for a test; every lab is torn down (and checked clean) afterwards.

    ``lab_factory(networks=[...], nodes=[...], build=True, **Lab kwargs)``.
    Pass ``build=False`` to stage rendered files first, then call ``lab.build()``.
    """
    labs: list[Lab] = []

    def make(
        *, networks: Sequence[Network], nodes: Sequence[NodeSpec], build: bool = True,
        **kwargs: Any,
    ) -> Lab:
        lab = Lab(tmp_path / f"lab{len(labs)}", networks, nodes, **kwargs)
        labs.append(lab)
        if build:
            lab.build()
        return lab

    try:
        yield make
    finally:
        failed = any(
            getattr(getattr(request.node, f"oha_report_{when}", None), "failed", False)
            for when in ("setup", "call")
        )
        errors = []
        for lab in labs:
            if failed:
                for path in lab.log_files():
                    print(f"--- {path} (last 30 lines)\n{tail(path, 30)}", file=sys.stderr)
            try:
                lab.teardown()
            except Exception as exc:
                errors.append(str(exc))
        if errors:
            pytest.fail("\n".join(errors), pytrace=False)
