"""MariaDB 10.11 Galera (galera-4 26.4) in lab nodes (mechanics in tests/live/README.md).

- Start: ``mariadbd --defaults-file=/etc/mysql/my.cnf --user=mysql`` (the
  option must come first); ``--wsrep-new-cluster`` on the one node that
  bootstraps; ``--wsrep-start-position=UUID:SEQNO`` after a crash (see
  below). Logs go to stderr (Debian sets no ``log_error``), i.e. the
  daemon log. ``/run/mysqld`` comes from tmpfiles (the node boot makes it).
- Local admin: ``mariadb`` as root over the socket (unix_socket auth).
- After SIGKILL, ``grastate.dat`` says ``seqno: -1`` and
  ``safe_to_bootstrap: 0`` on every node; ``mariadbd --wsrep-recover``
  prints ``WSREP: Recovered position: UUID:SEQNO``. Restarting a killed
  node WITHOUT passing that position makes it ask for a full SST; WITH
  ``--wsrep-start-position`` it joins by IST (what Debian's
  ``galera_recovery`` does in mariadb.service).
- A full outage: recover every node's seqno, set ``safe_to_bootstrap: 1``
  on the highest (mariadbd refuses ``--wsrep-new-cluster`` otherwise), start
  it with ``--wsrep-new-cluster``, then the others.
"""

from __future__ import annotations

import itertools
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from .lab import Lab

MARIADBD = ("mariadbd", "--defaults-file=/etc/mysql/my.cnf", "--user=mysql")
SYNCED = 4  # wsrep_local_state: 4 = Synced
_RECOVERED = re.compile(r"WSREP: Recovered position: ([0-9a-f-]{36}):(-?\d+)")


@dataclass(frozen=True)
class GraState:
    uuid: str
    seqno: int
    safe_to_bootstrap: bool


def parse_grastate(text: str) -> GraState:
    fields = dict(re.findall(r"^(uuid|seqno|safe_to_bootstrap):\s*(\S+)", text, re.M))
    return GraState(fields.get("uuid", ""), int(fields.get("seqno", "-1")),
                    fields.get("safe_to_bootstrap", "0") == "1")


def grastate(lab: Lab, node: str) -> GraState:
    return parse_grastate(lab.node(node).read_text("/var/lib/mysql/grastate.dat"))


def query(lab: Lab, node: str, sql: str) -> str:
    """Run SQL as root over the node's socket; tab-separated output, no headers."""
    return lab.exec(node, ["mariadb", "-N", "-B", "-e", sql], timeout=20).strip()


def status_var(lab: Lab, node: str, name: str) -> str | None:
    try:
        out = query(lab, node, f"SHOW GLOBAL STATUS LIKE '{name}'")
    except RuntimeError:
        return None  # not running (yet)
    return out.split("\t")[-1] if out else None


def local_state(lab: Lab, node: str) -> int | None:
    value = status_var(lab, node, "wsrep_local_state")
    return int(value) if value and value.isdigit() else None


def recover_position(lab: Lab, node: str) -> tuple[str, int]:
    """``mariadbd --wsrep-recover`` on a stopped node: (cluster uuid, seqno)."""
    proc = lab.node(node).exec(
        [*MARIADBD, "--wsrep-recover", "--log-error=/tmp/wsrep-recover.log"],
        timeout=120, check=False,
    )
    text = lab.node(node).read_text("/tmp/wsrep-recover.log", missing_ok=True) + proc.stderr
    match = _RECOVERED.search(text)
    if match is None:
        raise RuntimeError(f"node {node}: --wsrep-recover printed no position:\n{text[-2000:]}")
    return match.group(1), int(match.group(2))


def joined_by_ist(log_text: str) -> bool:
    """Did the last start in this log receive IST (not a full SST)?

    The rsync SST script runs either way; the joiner's own line tells:
    ``IST uuid:<cluster uuid> f: <first>`` with a real uuid and first > 0
    means IST; ``uuid:00000000-... f: 0`` means it asked for everything.
    """
    starts = [m.start() for m in re.finditer(r"WSREP: ####### IST uuid:", log_text)]
    if not starts:
        return False
    last = log_text[starts[-1]:].split("\n", 1)[0]
    match = re.search(r"IST uuid:([0-9a-f-]+) f: (\d+)", last)
    if match is None:
        return False
    return not match.group(1).startswith("00000000") and int(match.group(2)) > 0


@dataclass
class WriteLog:
    """Acknowledged and failed writes of a writer loop, with timestamps."""

    acked: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)  # may or may not have committed
    ack_times: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def longest_gap(self) -> float:
        times = self.ack_times
        return max((b - a for a, b in itertools.pairwise(times)), default=0.0)

    def lost(self, present: set[int]) -> list[int]:
        """Acknowledged writes missing from ``present`` (must be empty)."""
        return [i for i in self.acked if i not in present]


def writer_loop(
    connect: Callable[[], object], insert: Callable[[object, int], None],
    stop: threading.Event, log: WriteLog, *, pause: float = 0.01,
) -> None:
    """Insert ids 1, 2, ... until ``stop``; reconnect after any error.

    Run it in a :class:`~harness.client.NetnsClient` so it talks to the VIP
    from inside the lab. An id whose insert raised goes to ``failed``: the
    commit may still have happened (count it as "may exist", never "lost").
    """
    conn: object | None = None
    i = 0
    while not stop.is_set():
        i += 1
        try:
            if conn is None:
                conn = connect()
            insert(conn, i)
        except Exception as exc:
            log.failed.append(i)
            log.errors.append(f"{time.monotonic():.2f} {i}: {exc}")
            conn = None
            time.sleep(0.05)
        else:
            log.acked.append(i)
            log.ack_times.append(time.monotonic())
        time.sleep(pause)
