"""Pacemaker and Corosync: no-quorum-policy, knet transport, crypto and links.

The cluster size and token timeout ranges are declared on their fields
(model/ha.py) and checked by the limits rule.
"""

from __future__ import annotations

from collections.abc import Iterator

from openstack_ha.model.errors import Problem, did_you_mean, format_choices
from openstack_ha.model.ha import CRYPTO_CIPHERS, CRYPTO_HASHES, MAX_KNET_LINKS
from openstack_ha.model.rules.base import problem
from openstack_ha.model.spec import LabSpec
from openstack_ha.model.topology import cluster_seeds

__all__ = [
    "check_corosync_crypto",
    "check_corosync_links",
    "check_corosync_transport",
    "check_no_quorum_policy",
]


def check_no_quorum_policy(spec: LabSpec) -> Iterator[Problem]:
    if spec.pacemaker.no_quorum_policy != "ignore":
        return
    full = min(spec.pacemaker.max_full_members, 32)
    big = [c for c in cluster_seeds(spec) if min(len(c.members), full) >= 3]
    if big:
        cluster = big[0]
        yield problem(
            "no_quorum_policy",
            "pacemaker.no_quorum_policy",
            f"a partition without quorum must stop its resources in a cluster of 3 or more "
            f"full members (cluster {cluster.name} has {min(len(cluster.members), full)})",
            "ignore",
            "use stop",
        )


def check_corosync_transport(spec: LabSpec) -> Iterator[Problem]:
    if spec.corosync.transport != "knet":
        yield problem(
            "corosync_transport",
            "corosync.transport",
            "only knet can encrypt cluster traffic (udp and udpu are refused by upcoming "
            "corosync builds)",
            spec.corosync.transport,
            "use knet",
        )


def check_corosync_crypto(spec: LabSpec) -> Iterator[Problem]:
    for name, allowed in (("crypto_cipher", CRYPTO_CIPHERS), ("crypto_hash", CRYPTO_HASHES)):
        value = getattr(spec.corosync, name)
        if value == "none":
            yield problem(
                "corosync_crypto",
                f"corosync.{name}",
                "cluster traffic must be encrypted and authenticated",
                value,
                f"use {format_choices(allowed)}",
            )
        elif value not in allowed:
            yield problem(
                "corosync_crypto",
                f"corosync.{name}",
                f"unknown {name}",
                value,
                f"use {format_choices(allowed)}{did_you_mean(value, allowed)}",
            )


def check_corosync_links(spec: LabSpec) -> Iterator[Problem]:
    links = spec.corosync.links
    if not links:
        yield problem(
            "corosync_links",
            "corosync.links",
            "Corosync needs at least one knet link",
            [],
            "use [management, storage]",
        )
        return
    if len(links) > MAX_KNET_LINKS:
        yield problem(
            "corosync_links",
            "corosync.links",
            f"knet supports at most {MAX_KNET_LINKS} links",
            f"{len(links)} links",
            "list at most 8 networks",
            raw=True,
        )
    defined = {name for name, _ in spec.networks.defined()}
    seen: dict[str, int] = {}
    clusters = cluster_seeds(spec)
    for i, network in enumerate(links):
        loc = f"corosync.links[{i}]"
        if network in seen:
            yield problem(
                "corosync_links",
                loc,
                f"network {network} already carries link {seen[network]}",
                network,
                "list each network once",
            )
            continue
        seen[network] = i
        if network not in defined:
            yield problem(
                "corosync_links",
                loc,
                f"network {network} is not defined",
                network,
                f"define networks.{network}, or remove the link",
            )
            continue
        for cluster in clusters:
            outside = [m for m in cluster.members if network not in m.networks]
            if outside:
                yield problem(
                    "corosync_links",
                    loc,
                    f"every member of cluster {cluster.name} needs an address on a link's "
                    f"network, and {outside[0].group} nodes are not on {network}",
                    network,
                    "use management or storage",
                )
                break
