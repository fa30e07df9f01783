"""Per-run naming, and clean-up of what dead runs left behind.

Every network namespace a run creates is named ``oha<pid>-<what>`` (``<pid>``
of the pytest process), and every process it starts carries
``OHA_LIVE_RUN=oha<pid>`` in its environment (inherited through forks,
``setsid()`` and double-forking daemons such as ``epmd``). That gives two
exact, name-free ways to find our leftovers: the namespace name and the
environment marker. A run whose pid is still alive is never touched, so
parallel runs (xdist workers, two engineers) cannot clean each other up.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import signal
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from .shell import run

MARKER_ENV = "OHA_LIVE_RUN"
_PREFIX_RE = re.compile(r"^oha(\d+)-")
NETNS_DIR = "/run/netns"


@dataclass(frozen=True)
class RunId:
    """The identity of one test run: namespace prefix and environment marker."""

    pid: int

    @classmethod
    def current(cls) -> RunId:
        return cls(os.getpid())

    @property
    def tag(self) -> str:
        return f"oha{self.pid}"

    def netns(self, what: str) -> str:
        """Namespace name for ``what`` (a node name or ``sw``) in this run."""
        return f"{self.tag}-{what}"

    def owns_netns(self, name: str) -> bool:
        return name.startswith(f"{self.tag}-")


def list_netns() -> list[str]:
    """Names in ``/run/netns`` (what ``ip netns list`` shows), sorted."""
    try:
        return sorted(os.listdir(NETNS_DIR))
    except FileNotFoundError:
        return []


def _alive(pid: int) -> bool:
    return os.path.exists(f"/proc/{pid}")


def read_environ(pid: int) -> dict[str, str]:
    """The environment of ``pid`` ({} if it is gone or unreadable)."""
    try:
        with open(f"/proc/{pid}/environ", "rb") as fh:
            raw = fh.read()
    except OSError:
        return {}
    env: dict[str, str] = {}
    for item in raw.split(b"\0"):
        key, sep, value = item.partition(b"=")
        if sep:
            env[key.decode(errors="replace")] = value.decode(errors="replace")
    return env


def all_pids() -> Iterator[int]:
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            yield int(entry)


def marked_pids(tag: str) -> list[int]:
    """Processes whose environment carries ``OHA_LIVE_RUN=<tag>`` (not us)."""
    me = os.getpid()
    return sorted(
        pid for pid in all_pids() if pid != me and read_environ(pid).get(MARKER_ENV) == tag
    )


def cmdline(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            return fh.read().replace(b"\0", b" ").decode(errors="replace").strip()
    except OSError:
        return "?"


def kill_pids_until_gone(
    list_pids: Callable[[], Iterable[int]], *, timeout: float = 15.0, what: str = "processes"
) -> None:
    """SIGKILL every pid ``list_pids()`` returns, again and again, until none.

    Repeating matters: a dying daemon's supervisor (pacemakerd, the Erlang
    VM's heart, a shell loop) may spawn a child between our listing and our
    kill. Bounded by ``timeout``; then the survivors are named in the error.
    """
    deadline = time.monotonic() + timeout
    while True:
        pids: list[int] = list(list_pids())
        if not pids:
            return
        if time.monotonic() > deadline:
            names = "; ".join(f"{pid} {cmdline(pid)}" for pid in pids)
            raise RuntimeError(f"{what}: still alive after {timeout:g} s of SIGKILL: {names}")
        for pid in pids:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        time.sleep(0.05)


def netns_pids(name: str) -> list[int]:
    """``ip netns pids NAME``: every process whose network namespace is NAME."""
    proc = run(["ip", "netns", "pids", name], check=False, timeout=15)
    return sorted(int(tok) for tok in proc.stdout.split() if tok.isdigit())


def stale_mounts(is_stale_tag: Callable[[str], bool]) -> list[str]:
    """Host mount points of namespace files (``.../oha<pid>-ns/...``) of dead runs."""
    found = []
    with open("/proc/self/mountinfo") as fh:
        for line in fh:
            mount_point = line.split()[4]
            match = re.search(r"/(oha\d+)-ns(/|$)", mount_point)
            if match and is_stale_tag(match.group(1)):
                found.append(mount_point)
    # Deepest first, so files are unmounted before their directory.
    return sorted(found, key=len, reverse=True)


def clean_stale_runs() -> list[str]:
    """Remove what runs that are no longer alive left behind; return a log.

    Only namespaces named ``oha<pid>-*`` and processes marked with
    ``OHA_LIVE_RUN=oha<pid>`` where ``<pid>`` is dead are touched: never
    another live run's, never anything else on the machine.
    """
    log: list[str] = []

    def stale(tag: str) -> bool:
        return tag != RunId.current().tag and not _alive(int(tag[3:]))

    stale_tags = set()
    for pid in all_pids():
        tag = read_environ(pid).get(MARKER_ENV)
        if tag and tag.startswith("oha") and tag[3:].isdigit() and stale(tag):
            stale_tags.add(tag)
    for name in list_netns():
        match = _PREFIX_RE.match(name)
        if match and stale(f"oha{match.group(1)}"):
            stale_tags.add(f"oha{match.group(1)}")
    for tag in sorted(stale_tags):
        for name in [n for n in list_netns() if n.startswith(f"{tag}-")]:
            kill_pids_until_gone(functools.partial(netns_pids, name), what=f"stale netns {name}")
        kill_pids_until_gone(functools.partial(marked_pids, tag), what=f"stale run {tag}")
    for mount_point in stale_mounts(stale):
        run(["umount", "-l", mount_point], check=False)
        log.append(f"unmounted {mount_point}")
    for name in list_netns():
        match = _PREFIX_RE.match(name)
        if match and stale(f"oha{match.group(1)}"):
            run(["ip", "netns", "delete", name], check=False)
            log.append(f"deleted netns {name}")
    log.extend(f"killed processes of {tag}" for tag in sorted(stale_tags))
    return log
