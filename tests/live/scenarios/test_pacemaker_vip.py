"""Scenario 1: the load-balancer cluster forms from the rendered files and moves its VIP.

Lab (rendered from a lab document, with fence_xvm fencing): the load
balancers boot by running their rendered bootstrap program (cloud-init's
runcmd), which installs the authkeys, starts Corosync+Pacemaker through
``systemctl`` and, on the lowest nodeid, loads the rendered CIB once every
member is online. The controllers ctl1-ctl3 each run
a tiny HTTP server on their keystone address (port 5000) standing in for
keystone, so a request to the public VIP goes VIP -> HAProxy (the rendered
haproxy.cfg, started by Pacemaker's ``service:haproxy`` clone) -> a
controller. A client node on the external network sends the requests.

Three labs (``LABS``): the default load-balancer pair (two_node quorum; a
random fence delay of up to 15 s when the victim is lb1, whose fence device
carries ``pcmk_delay_max``), three load balancers, and three with the totem
token at 800 ms instead of the default 3000 (set in the lab file). The failover figures of each
are printed (bench/bench_live.py collects them); the test asserts behaviour,
never times.

Stand-ins (see rendered_lab.py): the systemctl shim instead of systemd;
``fence_xvm`` replaced by the harness stand-in, which powers the target off
for real (links cut, every process killed, VIPs dropped) -- there is no
fence_virtd here; ``/etc/default/haproxy`` with ``-n 8192`` (the sandbox's
descriptor limit).
"""

from __future__ import annotations

import http.client
import time

import pytest
from harness import Attachment, NetnsClient, NodeSpec, pacemaker, wait_until
from rendered_lab import build, render, run_bootstrap, systemctl

pytestmark = pytest.mark.live

# Lab documents (what a YAML lab file would hold). fence_xvm everywhere: its
# stand-in powers nodes off for real (the default sbd needs a shared disk and
# a watchdog, which a namespace cannot have).
LABS = {
    # The default lab's load-balancer pair: two_node quorum, and a random
    # fence delay (pcmk_delay_max, 15 s) on the device that fences lb2, so
    # lb1, where the VIPs start, is fenced without delay.
    "pair": {"fencing": {"agent": "fence_xvm"}},
    # Three load balancers: quorum by majority, no fence delay.
    "three": {"load_balancers": {"count": 3}, "fencing": {"agent": "fence_xvm"}},
    # The same with the totem token at 800 ms (default 3000). Corosync
    # declares a silent member lost after token + 650 ms per member above two
    # (token_coefficient), plus consensus (1.2 times that); Pacemaker then
    # waits ~1 s before it schedules the fence. Measured: token 1000 gave
    # 4.5-5.6 s, 800 gave 4.5 s.
    "three-token800": {"load_balancers": {"count": 3}, "fencing": {"agent": "fence_xvm"},
                       "corosync": {"token_timeout_ms": 800}},
}
CLIENT = NodeSpec("client", (Attachment("external", "eth0", "10.20.3.250"),))
KEYSTONE_PORT = 5000
STANDIN_ROOT = "/var/lib/keystone-standin"


def fetch(address: str, port: int, timeout: float = 1.0) -> str:
    """GET / over plain http.client (urllib would honour proxy variables)."""
    conn = http.client.HTTPConnection(address, port, timeout=timeout)
    try:
        conn.request("GET", "/")
        resp = conn.getresponse()
        body = resp.read().decode(errors="replace")
        if resp.status != 200:
            raise RuntimeError(f"HTTP {resp.status}: {body[:200]}")
        return body
    finally:
        conn.close()


def first_answer(address: str, port: int, limit_s: float) -> float:
    """monotonic() of the first 200 through ``address``; polls every 50 ms.

    Each try gives up after 0.25 s (a request through HAProxy takes a few
    ms here): a SYN sent to the dead holder is retransmitted only after 1 s,
    so the try's own timeout bounds how late the figure can be.
    """
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        try:
            fetch(address, port, timeout=0.25)
        except Exception:
            time.sleep(0.05)
            continue
        return time.monotonic()
    raise AssertionError(f"{address}:{port} did not answer within {limit_s:g} s")


def move_vip(lab, via: str, rsc: str, target: str) -> None:  # type: ignore[no-untyped-def]
    """Put ``rsc`` on ``target`` as an operator would (move, then clear the constraint).

    Resource stickiness keeps it there once the move constraint is gone.
    """
    lab.exec(via, ["crm_resource", "--move", "--resource", rsc, "--node", target])
    wait_until(lambda: pacemaker.status(lab, via).where(rsc) == (target,), timeout=30,
               what=f"{rsc} moved to {target}")
    lab.exec(via, ["crm_resource", "--clear", "--resource", rsc])


def crash_holder(lab, client, cluster, rendered, members, victim, figures,  # type: ignore[no-untyped-def]
                 tag: str) -> list[str]:
    """Crash ``victim`` (it holds the public VIP); check fencing, the VIP and HAProxy after.

    Returns the survivors. Figures: ``vip_failover<tag>_s`` (crash until the
    VIP answers again), ``fenced_after<tag>_s``.
    """
    public = rendered.vip("public")
    assert lab.holders(public) == [victim]
    survivors = [n for n in members if n != victim]
    fenced_before = len(lab.fence.fenced(victim))
    crashed = time.monotonic()
    lab.crash(victim)  # links cut, every process SIGKILLed, its VIPs gone
    answered = client.call(first_answer, public, KEYSTONE_PORT, 60.0, timeout=70)
    figures[f"vip_failover{tag}_s"] = answered - crashed

    new_holders = lab.holders(public)
    assert len(new_holders) == 1, new_holders
    assert new_holders[0] in survivors, new_holders
    fenced = lab.fence.fenced(victim)[fenced_before:]
    assert fenced, f"{victim} was never fenced; fence history: {lab.fence.history}"
    assert fenced[0].requester in survivors
    figures[f"fenced_after{tag}_s"] = fenced[0].time - crashed
    # Pacemaker moved the VIP only once the fence had succeeded.
    assert fenced[0].time <= answered

    after = wait_until(
        lambda: (st := pacemaker.status(lab, survivors[0])).quorum
        and victim not in st.online and st,
        timeout=30, what=f"the survivors see {victim} gone, with quorum")
    assert after.online == tuple(survivors)
    # Every VIP of the cluster is on a survivor, next to a running HAProxy.
    for vip in cluster.vips:
        where = after.where(rendered.plan.vip(vip).resource_id)
        assert len(where) == 1, (vip, where)
        assert where[0] in survivors, (vip, where)
    assert after.where("haproxy") == tuple(survivors)
    # HAProxy keeps serving through the VIP on its new holder.
    for _ in range(20):
        assert "keystone stand-in on ctl" in client.call(fetch, public, KEYSTONE_PORT)
    return survivors


@pytest.mark.parametrize("lab_name", sorted(LABS))
def test_vip_holder_dies_is_fenced_and_haproxy_serves_on_a_survivor(
    lab_factory, tmp_path, figures, lab_name: str
) -> None:
    """Pair: one natural crash of the VIP holder. Three nodes: two crashes.

    With three load balancers the VIP holder is first made a non-DC node and
    crashed; the fenced node boots again (its enabled corosync and pacemaker
    units start, as at boot) and rejoins; then the VIP is put on the DC,
    which is crashed: losing the DC costs a DC election before fencing.
    """
    rendered = render(LABS[lab_name], tmp_path / "rendered")
    lbs = sorted(n.hostname for n in rendered.plan.nodes if n.group == "load_balancers")
    cluster = rendered.plan.cluster("load_balancers")
    assert cluster.quorum.two_node == (len(lbs) == 2)
    figures["token_ms"] = cluster.token_timeout_ms
    public = rendered.vip("public")
    rsc = rendered.plan.vip("public").resource_id
    controllers = sorted(n.hostname for n in rendered.plan.nodes if n.group == "controllers")
    lab = build(
        lab_factory, rendered, [*lbs, *controllers], extra=[CLIENT], fence_agents=["fence_xvm"],
        files={c: {f"{STANDIN_ROOT}/index.html": f"keystone stand-in on {c}\n"}
               for c in controllers},
    )
    for c in controllers:
        lab.start(c, "keystone-standin",
                  ["python3", "-m", "http.server", str(KEYSTONE_PORT), "--bind",
                   rendered.address(c), "--directory", STANDIN_ROOT])

    started = time.monotonic()
    took = run_bootstrap(lab, lbs, timeout=300)
    figures["bootstrap_s"] = max(took.values())
    with NetnsClient(lab.node("client").netns) as client:
        served_at = client.call(first_answer, public, KEYSTONE_PORT, 120.0, timeout=130)
        figures["bring_up_s"] = served_at - started
        assert "keystone stand-in on ctl" in client.call(fetch, public, KEYSTONE_PORT)

        status = pacemaker.status(lab, "lb1")
        assert status.quorum
        assert status.online == tuple(lbs)
        assert status.where("haproxy") == tuple(lbs)  # the clone runs everywhere
        holders = lab.holders(public)
        assert len(holders) == 1, holders
        assert status.where(rsc) == (holders[0],)

        if len(lbs) == 2:
            victim = holders[0]
            figures["victim_was_dc"] = float(status.dc == victim)
            # pcmk_delay_max on the device that fences the victim, if any:
            # the survivor waits a random 0..max seconds before shooting.
            figures["victim_fence_delay_max_s"] = next(
                (d.delay_max_s for d in cluster.fence_devices
                 if d.target == victim and d.delay_max_s), 0)
            crash_holder(lab, client, cluster, rendered, lbs, victim, figures, "")
            return

        # -- 1. the VIP holder is not the DC
        assert status.dc is not None
        victim = holders[0] if holders[0] != status.dc else next(
            n for n in lbs if n != status.dc)
        if victim != holders[0]:
            move_vip(lab, status.dc, rsc, victim)
        survivors = crash_holder(lab, client, cluster, rendered, lbs, victim, figures,
                                 "_not_dc")

        # -- the fenced node boots again and rejoins
        lab.restart_node(victim)
        rebooted = time.monotonic()
        systemctl(lab, victim, "start", "pacemaker")  # enabled by the bootstrap
        pacemaker.wait_formed(lab, lbs, via=survivors[0], timeout=120)
        figures["rejoin_s"] = time.monotonic() - rebooted
        wait_until(lambda: pacemaker.status(lab, survivors[0]).where("haproxy") == tuple(lbs),
                   timeout=60, what=f"HAProxy running on {victim} again")

        # -- 2. the VIP holder is the DC
        status = pacemaker.status(lab, survivors[0])
        assert status.dc is not None
        if status.where(rsc) != (status.dc,):
            move_vip(lab, status.dc, rsc, status.dc)
        crash_holder(lab, client, cluster, rendered, lbs, status.dc, figures, "_dc")
