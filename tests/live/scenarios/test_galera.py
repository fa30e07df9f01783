"""Scenario 2: Galera from the rendered files, behind the rendered HAProxy; writer loss; outage.

Lab (the default lab, rendered): db1-db3, lb1 (HAProxy), ctl1 (the client
that writes, as an OpenStack service on a controller would).

- Each database node runs the Galera section of its rendered bootstrap
  (``openstack-ha-galera-bootstrap prepare`` creates the SST and
  clustercheck users; the rendered clustercheck responder starts on
  port 9200), then ``openstack-ha-galera-bootstrap start`` -- the project's
  own bootstrap-selection logic -- runs on all three at once: they publish
  their positions through clustercheck, agree on one node that bootstraps
  (``galera_new_cluster``), and the others join (``systemctl start
  mariadb``) by SST (mariabackup, the rendered default).
- lb1 runs the kernel settings and HAProxy section of its rendered bootstrap,
  then the rendered haproxy.cfg through haproxy.service; writes to the
  database VIP go to one writer, chosen by the rendered clustercheck health
  check (``option httpchk`` on 9200).
- The writer node is crashed while a client inserts through the VIP: no
  acknowledged insert may be lost (a failed insert may or may not exist).
  It comes back like a rebooted VM: the clustercheck unit starts, then
  ``openstack-ha-galera-bootstrap start`` recovers its position
  (``--wsrep-recover``) and joins; mariadb.service passes the recovered
  position, so it must join by IST, not a full SST.
- All three crash: db1 first while db2+db3 keep committing, then the two
  others. Restarted together with the same program, they must bootstrap
  from the highest recovered seqno (db2 or db3, never db1, which a name
  tie-break alone would pick); every acknowledged row must be back.

Stand-ins (see rendered_lab.py): the systemctl shim instead of systemd;
``/etc/default/haproxy`` with ``-n 8192``. On the VMs the database group is
also a Pacemaker cluster whose ``galera`` resource agent runs mariadbd; here
the Pacemaker section of the database nodes' bootstrap is not run, and the
project's own ``openstack-ha-galera-bootstrap start`` forms the cluster
instead (the bootstrap's other sections run as rendered). The database VIP
is added to lb1 by the test (``ip addr add``, what Pacemaker's IPaddr2
does); VIP movement is scenario 1's subject.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable

import pymysql
import pytest
from harness import NetnsClient, galera, wait_until
from harness.galera import WriteLog, joined_by_ist, writer_loop
from rendered_lab import (
    Rendered,
    bootstrap_sections,
    build,
    render,
    run_together,
    systemctl,
    unit_log,
)

from openstack_ha.render.tree import BOOTSTRAP_PATH, GALERA_BOOTSTRAP_BIN, GALERA_BOOTSTRAP_JSON

pytestmark = pytest.mark.live

LAB: dict[str, object] = {}  # the default lab
DBS = ["db1", "db2", "db3"]
GALERA_ONLY = "/usr/local/sbin/openstack-ha-bootstrap-galera-only"
HAPROXY_ONLY = "/usr/local/sbin/openstack-ha-bootstrap-haproxy-only"
START = [GALERA_BOOTSTRAP_BIN, "--config", GALERA_BOOTSTRAP_JSON, "start"]
APP_USER, APP_PASSWORD = "ohatest", "ohatest-pw"
_POSITION = re.compile(r"local position ([0-9a-f-]{36}):(-?\d+)")


def synced(lab, nodes) -> bool:  # type: ignore[no-untyped-def]
    return all(galera.local_state(lab, n) == galera.SYNCED for n in nodes)


def cluster_size(lab, node) -> int:  # type: ignore[no-untyped-def]
    return int(galera.status_var(lab, node, "wsrep_cluster_size") or 0)


def wait_synced(lab, nodes, timeout: float, what: str) -> float:  # type: ignore[no-untyped-def]
    start = time.monotonic()
    wait_until(lambda: synced(lab, nodes) and cluster_size(lab, nodes[0]) == len(DBS),
               timeout=timeout, interval=0.25, what=what,
               logs=lambda: [p for n in nodes for p in lab.log_files(n)])
    return time.monotonic() - start


def haproxy_servers(lab, lb: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """HAProxy's view of the galera backend: server -> status (UP, DOWN...)."""
    out = lab.exec(lb, ["sh", "-c", "echo 'show stat' | socat stdio /run/haproxy/admin.sock"])
    header = out.splitlines()[0].lstrip("# ").split(",")
    rows = [dict(zip(header, line.split(","), strict=False)) for line in out.splitlines()[1:]]
    return {r["svname"]: r["status"] for r in rows
            if r.get("pxname") == "galera" and r.get("svname") not in ("FRONTEND", "BACKEND")}


def app_connect(vip: str) -> Callable[[], object]:
    def connect() -> object:
        return pymysql.connect(host=vip, port=3306, user=APP_USER, password=APP_PASSWORD,
                               database="ohatest", autocommit=True, connect_timeout=1,
                               read_timeout=2, write_timeout=2)
    return connect


def inserter(phase: int) -> Callable[[object, int], None]:
    def insert(conn: object, i: int) -> None:
        with conn.cursor() as cur:  # type: ignore[attr-defined]
            cur.execute("INSERT INTO t (phase, id) VALUES (%s, %s)", (phase, i))
    return insert


def node_behind_vip(vip: str) -> str:
    conn = app_connect(vip)()
    try:
        with conn.cursor() as cur:  # type: ignore[attr-defined]
            cur.execute("SELECT @@wsrep_node_name")
            return str(cur.fetchone()[0])
    finally:
        conn.close()  # type: ignore[attr-defined]


class Writer:
    """A writer loop in the client node, inserting ``(phase, 1..)`` through the VIP."""

    def __init__(self, netns: str, vip: str, phase: int) -> None:
        self.client = NetnsClient(netns)
        self.stop = threading.Event()
        self.log = WriteLog()
        self.future = self.client.submit(writer_loop, app_connect(vip), inserter(phase),
                                         self.stop, self.log)

    def acked_since(self, t: float) -> int:
        return sum(1 for at in self.log.ack_times if at > t)

    def finish(self) -> WriteLog:
        self.stop.set()
        self.future.result(timeout=30)
        self.client.close()
        return self.log


def present(lab, node: str, phase: int) -> set[int]:  # type: ignore[no-untyped-def]
    out = galera.query(lab, node, f"SELECT id FROM ohatest.t WHERE phase = {phase}")
    return {int(x) for x in out.split()}


def last_run(log_text: str, marker: str) -> str:
    """The part of an appended log after the last line containing ``marker``."""
    at = log_text.rfind(marker)
    return log_text[at:] if at >= 0 else ""


def test_galera_forms_survives_writer_loss_rejoins_by_ist_and_recovers_from_outage(
    lab_factory, tmp_path, figures
) -> None:
    rendered: Rendered = render(LAB, tmp_path / "rendered")
    dbvip = rendered.vip("database")
    def only(node: str, section: str) -> str:
        return bootstrap_sections(rendered.render.node(node).file(BOOTSTRAP_PATH).content,
                                  [section])

    files = {db: {GALERA_ONLY: only(db, "Galera:")} for db in DBS}
    files["lb1"] = {HAPROXY_ONLY: only("lb1", "HAProxy")}
    lab = build(lab_factory, rendered, [*DBS, "lb1", "ctl1"], files=files)

    # -- first boot: users, clustercheck, then the project's bootstrap selection
    started = time.monotonic()
    run_together(lab, {db: ["bash", GALERA_ONLY] for db in DBS}, name="bootstrap",
                 timeout=300)
    took = run_together(lab, dict.fromkeys(DBS, START), name="galera-start", timeout=300)
    wait_synced(lab, DBS, 120, "all three Galera members synced")
    figures["galera_bring_up_s"] = time.monotonic() - started
    figures["galera_start_s"] = max(took.values())
    starts = {db: (lab.node(db).logs / "galera-start.log").read_text() for db in DBS}
    bootstrapped = [db for db in DBS if "decision: bootstrap" in starts[db]]
    assert bootstrapped == ["db1"], starts  # first boot: the lowest name
    for db in ("db2", "db3"):
        assert "decision: join" in starts[db]

    # -- the application's database and user (what an OpenStack deployment adds)
    galera.query(lab, "db1", (
        "CREATE DATABASE ohatest; "
        f"CREATE USER '{APP_USER}'@'10.20.0.%' IDENTIFIED BY '{APP_PASSWORD}'; "
        f"GRANT ALL ON ohatest.* TO '{APP_USER}'@'10.20.0.%'; "
        "CREATE TABLE ohatest.t (phase INT, id INT, PRIMARY KEY (phase, id))"))

    # -- HAProxy on lb1 with the database VIP: the bootstrap's kernel settings
    # (ip_nonlocal_bind) and HAProxy section (haproxy -c), then what
    # Pacemaker would do: the VIP (IPaddr2) and the haproxy clone.
    run_together(lab, {"lb1": ["bash", HAPROXY_ONLY]}, name="bootstrap", timeout=60)
    lab.exec("lb1", ["ip", "addr", "add", f"{dbvip}/24", "dev", lab.ifname("lb1", "management")])
    systemctl(lab, "lb1", "start", "haproxy")
    wait_until(lambda: haproxy_servers(lab, "lb1") == {"db1": "UP", "db2": "UP", "db3": "UP"},
               timeout=30, what="HAProxy sees every member UP through clustercheck",
               logs=lambda: lab.log_files("lb1"))
    with NetnsClient(lab.node("ctl1").netns) as probe:
        assert wait_until(lambda: probe.call(node_behind_vip, dbvip), timeout=30,
                          what="a query through the database VIP") == "db1"

        # -- the active writer dies while the client writes
        writer = Writer(lab.node("ctl1").netns, dbvip, phase=1)
        wait_until(lambda: len(writer.log.acked) >= 100, timeout=30, what="100 acked inserts")
        crashed = time.monotonic()
        lab.crash("db1")
        down = time.monotonic()  # links cut and every process gone
        wait_until(lambda: writer.acked_since(down) >= 100, timeout=60,
                   what="inserts acknowledged again after db1 crashed")
        time.sleep(1)
        log1 = writer.finish()
        figures["write_gap_s"] = log1.longest_gap()
        # The gap across the crash: last ack before db1 was down, first after.
        before = max(at for at in log1.ack_times if at <= down)
        after = min(at for at in log1.ack_times if at > down)
        figures["crash_gap_s"] = after - before
        figures["writes_resumed_after_s"] = after - crashed
        figures["failed_writes"] = len(log1.failed)
        rows = present(lab, "db2", 1)
        lost = log1.lost(rows)
        figures["acked_lost_writer_loss"] = len(lost)
        assert lost == [], f"acknowledged inserts missing after the writer crashed: {lost[:20]}"
        assert probe.call(node_behind_vip, dbvip) == "db2"  # the first backup took over

        # -- db1 comes back like a rebooted VM and rejoins by IST
        lab.restart_node("db1")
        rebooted = time.monotonic()
        systemctl(lab, "db1", "start", "openstack-ha-clustercheck")  # enabled: starts at boot
        run_together(lab, {"db1": START}, name="galera-rejoin", timeout=300)
        wait_synced(lab, DBS, 120, "db1 synced again")
        figures["rejoin_s"] = time.monotonic() - rebooted
        rejoin = (lab.node("db1").logs / "galera-rejoin.log").read_text()
        assert "decision: join" in rejoin, rejoin
        mariadb_log = last_run(unit_log(lab, "db1", "mariadb.service"), "starting mariadb")
        # mariadb.service's galera_recovery found the position it starts from.
        assert "WSREP: Recovered position" in mariadb_log, mariadb_log[-3000:]
        assert joined_by_ist(mariadb_log), "db1 rejoined by full SST, not IST:\n" + \
            "\n".join(line for line in mariadb_log.splitlines() if "IST" in line or "SST" in line)
        assert present(lab, "db1", 1) >= set(log1.acked)
        # stick on dst: the writer stays on db2 although db1 is back.
        wait_until(lambda: haproxy_servers(lab, "lb1").get("db1") == "UP", timeout=30,
                   what="HAProxy sees db1 UP again")
        assert probe.call(node_behind_vip, dbvip) == "db2"

        # -- full outage while the client writes. db1 (the lowest name) goes
        # first and the others keep committing, so the highest seqno is NOT on
        # the node a name tie-break would pick: the restart must choose by seqno.
        writer = Writer(lab.node("ctl1").netns, dbvip, phase=2)
        wait_until(lambda: len(writer.log.acked) >= 100, timeout=30, what="100 acked inserts")
        first_down = time.monotonic()
        lab.crash("db1")
        wait_until(lambda: writer.acked_since(first_down) >= 100, timeout=60,
                   what="inserts acknowledged by db2+db3 after db1 crashed")
        lab.crash("db2")
        lab.crash("db3")
        outage = time.monotonic()
        log2 = writer.finish()
        for db in DBS:
            lab.restart_node(db)
        powered = time.monotonic()
        for db in DBS:
            systemctl(lab, db, "start", "openstack-ha-clustercheck")
        run_together(lab, dict.fromkeys(DBS, START), name="galera-restart", timeout=300)
        wait_synced(lab, DBS, 180, "all three synced after the full outage")
        figures["outage_recovery_s"] = time.monotonic() - powered
        figures["outage_recovery_from_crash_s"] = time.monotonic() - outage
        runs = {db: (lab.node(db).logs / "galera-restart.log").read_text() for db in DBS}
        positions = {db: int(_POSITION.findall(runs[db])[-1][1]) for db in DBS}
        leaders = [db for db in DBS if "decision: bootstrap" in runs[db]]
        assert len(leaders) == 1, runs
        top = max(positions.values())
        assert positions["db1"] < top, positions  # db1 left first
        # The highest seqno bootstraps; a tie (db2 and db3 usually are) goes
        # to the lowest name.
        assert leaders == [min(db for db in DBS if positions[db] == top)], (leaders, positions)
        for db in DBS:
            assert present(lab, db, 1) >= set(log1.acked)
            assert present(lab, db, 2) >= set(log2.acked)
        lost2 = log2.lost(present(lab, "db1", 2))
        figures["acked_lost_outage"] = len(lost2)
        assert lost2 == []
        # And the service is back through HAProxy.
        wait_until(lambda: probe.call(node_behind_vip, dbvip), timeout=60,
                   what="a query through the VIP after the outage")
