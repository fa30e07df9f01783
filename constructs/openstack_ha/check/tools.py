"""Running the real checker programs: where they are, timeouts, results.

Every subprocess gets a timeout; a missing program is a result of its own
(``missing``) that names the Debian package to install, never a crash.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

__all__ = [
    "PACKAGES",
    "CheckResult",
    "Status",
    "Tool",
    "find_tool",
    "netns_prefix",
    "run",
]

Status = Literal["ok", "fail", "missing"]

# program -> Debian 12 package that ships it (for "not installed" messages).
PACKAGES: dict[str, str] = {
    "haproxy": "haproxy",
    "crm_verify": "pacemaker-cli-utils",
    "crm_simulate": "pacemaker-cli-utils",
    "crm_attribute": "pacemaker-cli-utils",
    "pacemakerd": "pacemaker",
    "crm": "crmsh",
    "corosync": "corosync",
    "cloud-init": "cloud-init",
    "mariadbd": "mariadb-server",
    "keepalived": "keepalived",
    "unshare": "util-linux",
    "ip": "iproute2",
    "openssl": "openssl",
}

# Where Debian puts the daemons (often not on a user's PATH).
_EXTRA_DIRS = ("/usr/sbin", "/sbin", "/usr/bin", "/bin")


@dataclass(frozen=True)
class CheckResult:
    """One row of the check table."""

    checker: str
    target: str
    status: Status
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.status == "ok"


@dataclass(frozen=True)
class Tool:
    name: str
    path: str | None

    @property
    def missing_detail(self) -> str:
        package = PACKAGES.get(self.name, self.name)
        return f"{self.name}: not installed (apt-get install {package})"


def find_tool(name: str) -> Tool:
    found = shutil.which(name)
    if found is None:
        path = os.pathsep.join(_EXTRA_DIRS)
        found = shutil.which(name, path=path)
    return Tool(name, found)


@dataclass(frozen=True)
class Completed:
    returncode: int
    stdout: str
    stderr: str
    timed_out: bool = False

    @property
    def output(self) -> str:
        return (self.stdout + self.stderr).strip()


def run(
    argv: Sequence[str],
    *,
    timeout_s: float = 60,
    env: Mapping[str, str] | None = None,
    cwd: str | None = None,
    input_text: str | None = None,
) -> Completed:
    """Run a checker; never raises for a non-zero exit or a timeout."""
    full_env = dict(os.environ)
    if env:
        full_env.update(env)
    try:
        proc = subprocess.run(
            list(argv),
            capture_output=True,
            text=True,
            timeout=timeout_s,
            env=full_env,
            cwd=cwd,
            input=input_text,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        out = exc.stdout.decode() if isinstance(exc.stdout, bytes) else (exc.stdout or "")
        err = exc.stderr.decode() if isinstance(exc.stderr, bytes) else (exc.stderr or "")
        return Completed(-1, out, err + f"\n(timed out after {timeout_s:.0f} s)", timed_out=True)
    return Completed(proc.returncode, proc.stdout, proc.stderr)


def netns_prefix() -> list[str] | None:
    """``unshare`` arguments for a private network namespace, or None if impossible.

    As root a plain ``unshare -n``; otherwise a user namespace that maps the
    caller to root (``-r``), which kernels with unprivileged user namespaces allow.
    """
    unshare = find_tool("unshare")
    if unshare.path is None:
        return None
    if os.geteuid() == 0:
        return [unshare.path, "-n"]
    return [unshare.path, "-r", "-n"]
