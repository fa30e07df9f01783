"""Can live tests run here? Skip with the reason, or fail in CI.

``.ci/run`` installs every prerequisite (``scripts/apt-deps`` as root), so in
CI (``CI=true``) a missing one is a broken set-up and must fail loudly; on a
developer's machine without root or the Debian packages the live tests are
skipped with the reason.
"""

from __future__ import annotations

import os
import shutil

import pytest

from .shell import run

HARNESS_COMMANDS = ("ip", "nsenter", "unshare", "mount", "umount", "systemd-tmpfiles", "ping")


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def problems(commands: tuple[str, ...] = ()) -> list[str]:
    """Why live tests cannot run here (empty when they can)."""
    found = []
    if os.geteuid() != 0:
        found.append("not root (network and mount namespaces need CAP_SYS_ADMIN)")
    missing = [c for c in (*HARNESS_COMMANDS, *commands) if shutil.which(c) is None
               and not os.path.exists(f"/usr/sbin/{c}")]
    if missing:
        found.append(f"missing programs {missing}; run scripts/apt-deps as root")
    if not found:
        probe = run(["ip", "netns", "list"], check=False)
        if probe.returncode != 0:
            found.append(f"'ip netns' does not work here: {probe.stderr.strip()}")
        with open("/proc/filesystems") as fh:
            has_overlay = "overlay" in fh.read()
        if not has_overlay:
            found.append("the kernel has no overlayfs (node trees need it)")
    return found


def require(*commands: str) -> None:
    """Skip (or, in CI, fail) the calling test unless it can run live here."""
    found = problems(tuple(commands))
    if found:
        reason = "live tests cannot run: " + "; ".join(found)
        if in_ci():
            pytest.fail(f"{reason} (CI=true: .ci/run installs these, so this is an error)")
        pytest.skip(reason)
