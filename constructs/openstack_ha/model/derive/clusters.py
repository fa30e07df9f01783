"""The Pacemaker clusters of the plan (fence devices from the fence agent's module)."""

from __future__ import annotations

from openstack_ha.model.derive.base import _PACEMAKER_VIPS, _BuilderBase, _kv
from openstack_ha.model.plan import (
    Clone,
    ClusterMember,
    Colocation,
    FenceDevice,
    KnetLink,
    LinkAddress,
    Location,
    Op,
    Order,
    PacemakerCluster,
    Primitive,
    Quorum,
)
from openstack_ha.model.services import (
    corosync_port,
)
from openstack_ha.model.topology import (
    ClusterSeed,
)
from openstack_ha.model.vips import VipName

__all__ = ["ClustersMixin"]


class ClustersMixin(_BuilderBase):
    """Pacemaker clusters: members, quorum, primitives, constraints and fence devices."""

    # ------------------------------------------------------------ Pacemaker clusters

    def _cluster(self, seed: ClusterSeed) -> PacemakerCluster:
        spec = self.spec
        links = tuple(
            KnetLink(linknumber=i, network=net, port=corosync_port(i))
            for i, net in enumerate(spec.corosync.links)
        )
        members: list[ClusterMember] = []
        for member in seed.members:
            _, kind, nodeid = self.membership[member.hostname]
            link_addresses = (
                tuple(
                    LinkAddress(
                        linknumber=link.linknumber,
                        network=link.network,
                        address=self._addr(member, link.network),
                    )
                    for link in links
                )
                if kind == "full"
                else ()
            )
            members.append(
                ClusterMember(
                    hostname=member.hostname,
                    kind="full" if kind == "full" else "remote",
                    nodeid=nodeid,
                    management_address=self._addr(member, "management"),
                    link_addresses=link_addresses,
                )
            )
        full = sum(1 for m in members if m.kind == "full")
        two_node = full == 2
        quorum = Quorum(
            expected_votes=full,
            quorum_votes=full // 2 + 1,
            two_node=two_node,
            wait_for_all=two_node,
        )
        fencing_on = self.agent != "none"
        properties = _kv(
            **{
                "cluster-name": seed.name,
                "stonith-enabled": "true" if fencing_on else "false",
                "no-quorum-policy": spec.pacemaker.no_quorum_policy,
            }
        )
        vips: list[VipName] = []
        if "vips" in seed.duties:
            vips += list(_PACEMAKER_VIPS)
        if "broker" in seed.duties:
            vips.append("broker")
        primitives: list[Primitive] = []
        clones: list[Clone] = []
        colocations: list[Colocation] = []
        orders: list[Order] = []
        for vip in vips:
            primitives.append(self._ipaddr2(vip))
        if "haproxy" in seed.duties:
            primitives.append(
                Primitive(
                    id="haproxy",
                    agent_class="service",
                    provider=None,
                    agent_type=self.os.services.haproxy,
                    params={},
                    meta={},
                    ops=(
                        Op(name="start", interval_s=0, timeout_s=60),
                        Op(name="stop", interval_s=0, timeout_s=60),
                        Op(name="monitor", interval_s=10, timeout_s=20),
                    ),
                )
            )
            clones.append(
                Clone(
                    id="haproxy-clone",
                    child="haproxy",
                    promotable=False,
                    meta={"interleave": "true"},
                )
            )
            # TripleO's pattern: the VIP goes only where HAProxy runs, and an
            # Optional order so moving a VIP never restarts HAProxy elsewhere.
            for vip in _PACEMAKER_VIPS:
                colocations.append(
                    Colocation(
                        id=f"colocation-vip-{vip}-with-haproxy",
                        rsc=f"vip-{vip}",
                        with_rsc="haproxy-clone",
                        score="INFINITY",
                    )
                )
                orders.append(
                    Order(
                        id=f"order-vip-{vip}-then-haproxy",
                        first=f"vip-{vip}",
                        then="haproxy-clone",
                        kind="Optional",
                    )
                )
        if "galera" in seed.duties:
            galera_members = self._members(self.db)
            paths = self.os.paths
            primitives.append(
                Primitive(
                    id="galera",
                    agent_class="ocf",
                    provider="heartbeat",
                    agent_type="galera",
                    params=_kv(
                        wsrep_cluster_address="gcomm://"
                        + ",".join(m.hostname for m in galera_members),
                        config=paths.mysql_config,
                        datadir=paths.mysql_datadir,
                        socket=paths.mysql_socket,
                        enable_creation="true",
                    ),
                    meta={},
                    # Timeouts from the agent's own metadata (resource-agents 4.12).
                    ops=(
                        Op(name="start", interval_s=0, timeout_s=120),
                        Op(name="stop", interval_s=0, timeout_s=120),
                        Op(name="promote", interval_s=0, timeout_s=300),
                        Op(name="demote", interval_s=0, timeout_s=120),
                        Op(name="monitor", interval_s=10, timeout_s=30, role="Promoted"),
                        Op(name="monitor", interval_s=30, timeout_s=30, role="Unpromoted"),
                    ),
                )
            )
            clones.append(
                Clone(
                    id="galera-clone",
                    child="galera",
                    promotable=True,
                    meta=_kv(
                        **{
                            "promotable": "true",
                            "promoted-max": str(len(galera_members)),
                            "interleave": "true",
                            "ordered": "true",
                        }
                    ),
                )
            )
        if "broker" in seed.duties:
            primitives.append(
                Primitive(
                    id="rabbitmq",
                    agent_class="service",
                    provider=None,
                    agent_type=self.os.services.rabbitmq,
                    params={},
                    meta={},
                    ops=(
                        Op(name="start", interval_s=0, timeout_s=120),
                        Op(name="stop", interval_s=0, timeout_s=120),
                        Op(name="monitor", interval_s=10, timeout_s=40),
                    ),
                )
            )
            colocations.append(
                Colocation(
                    id="colocation-rabbitmq-with-vip-broker",
                    rsc="rabbitmq",
                    with_rsc="vip-broker",
                    score="INFINITY",
                )
            )
            orders.append(
                Order(
                    id="order-vip-broker-then-rabbitmq",
                    first="vip-broker",
                    then="rabbitmq",
                    kind="Mandatory",
                )
            )
        devices = self._fence_devices(seed, members)
        locations = tuple(
            Location(
                id=f"location-{d.id}-avoids-{d.target}",
                rsc=d.id,
                node=d.target,
                score="-INFINITY",
            )
            for d in devices
        )
        return PacemakerCluster(
            name=seed.name,
            group=seed.group,
            duties=seed.duties,
            members=tuple(members),
            transport="knet",
            crypto_cipher=spec.corosync.crypto_cipher,
            crypto_hash=spec.corosync.crypto_hash,
            token_timeout_ms=spec.corosync.token_timeout_ms,
            links=links,
            quorum=quorum,
            properties=properties,
            resource_defaults={"resource-stickiness": str(spec.pacemaker.resource_stickiness)},
            fencing_agent=self.agent,
            fence_devices=devices,
            sbd=self.fence.shared_disk(spec, seed.name) if self.fence is not None else None,
            vips=tuple(vips),
            primitives=tuple(primitives),
            clones=tuple(clones),
            colocations=tuple(colocations),
            orders=tuple(orders),
            locations=locations,
        )

    def _ipaddr2(self, vip: VipName) -> Primitive:
        network, address = self.vip_addrs[vip]
        # No `nic`: IPaddr2 picks the interface whose subnet holds the VIP, so
        # guest interface names (ens3, eth0...) never matter.
        return Primitive(
            id=f"vip-{vip}",
            agent_class="ocf",
            provider="heartbeat",
            agent_type="IPaddr2",
            params=_kv(ip=str(address), cidr_netmask=str(self._net(network)[1])),
            meta={},
            ops=(Op(name="monitor", interval_s=10, timeout_s=20),),
        )

    def _fence_devices(
        self, seed: ClusterSeed, members: list[ClusterMember]
    ) -> tuple[FenceDevice, ...]:
        fence = self.fence
        if fence is None:
            return ()
        two_node = sum(1 for m in members if m.kind == "full") == 2
        agent_params = fence.params(self.spec, self.os, seed.name)
        out = []
        for position, member in enumerate(members, start=1):
            target = member.hostname
            # The delay goes on the device fencing the LAST member: the VIPs
            # start on the first, so its death is fenced at once (measured: a
            # delay on lb1 made VIP failover 7-17 s, tests/live); in a split
            # the undelayed side wins and the VIPs move once.
            delay = self.spec.fencing.delay_max_s if two_node and position == len(members) else None
            plug = fence.plug(self.spec, target)
            params: dict[str, str] = {"pcmk_host_list": target, **agent_params, "port": plug}
            if delay is not None:
                params["pcmk_delay_max"] = f"{delay}s"
            out.append(
                FenceDevice(
                    id=f"fence-{target}",
                    agent=self.agent,
                    target=target,
                    plug=plug,
                    delay_max_s=delay,
                    primitive=Primitive(
                        id=f"fence-{target}",
                        agent_class="stonith",
                        provider=None,
                        agent_type=fence.agent_type,
                        params=params,
                        meta={},
                        ops=(Op(name="monitor", interval_s=60, timeout_s=20),),
                    ),
                )
            )
        return tuple(out)
