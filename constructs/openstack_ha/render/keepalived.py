"""keepalived.conf for the load balancers when ``vip_manager`` is keepalived.

One VRRP instance per VIP network, unicast to the peers (no multicast, so it
works on OpenStack networks too), all nodes ``BACKUP`` with ``nopreempt``
and descending priorities from the plan, and a ``chk_haproxy`` script so a
node whose HAProxy died gives its VIPs away.

Interface names differ between platforms and images (``ens3``,
``enp1s0``...), so the config does not spell them: it includes
``/etc/keepalived/openstack-ha-interfaces.conf``, which the bootstrap writes
on the node (``$IF_<network>=<name of the interface holding the node's
address on that network>``, keepalived's parameter substitution). The
checker writes its own include for the namespace it tests in.
"""

from __future__ import annotations

from collections.abc import Sequence

from openstack_ha.model.plan import KeepalivedInstance

__all__ = [
    "INTERFACES_INCLUDE",
    "interface_variable",
    "render_interfaces_include",
    "render_keepalived_conf",
]

INTERFACES_INCLUDE = "/etc/keepalived/openstack-ha-interfaces.conf"


def interface_variable(network: str) -> str:
    return f"IF_{network}"


def render_keepalived_conf(
    hostname: str,
    instances: Sequence[KeepalivedInstance],
    include_path: str = INTERFACES_INCLUDE,
) -> str:
    lines = [
        "# Rendered by openstack-ha: VRRP for the VIPs (unicast, nopreempt).",
        "# The include defines $IF_<network>; the bootstrap writes it on the node.",
        f"include {include_path}",
        "",
        "global_defs {",
        f"    router_id {hostname}",
        "    enable_script_security",
        "    script_user root",
        "}",
        "",
        "vrrp_script chk_haproxy {",
        '    script "/usr/bin/pkill -0 -x haproxy"',
        "    interval 2",
        "    fall 2",
        "    rise 2",
        "}",
    ]
    for inst in instances:
        me = next(p for p in inst.peers if p.hostname == hostname)
        peers = [str(p.address) for p in inst.peers if p.hostname != hostname]
        lines += [
            "",
            f"vrrp_instance {inst.name} {{",
            "    state BACKUP",
            f"    interface ${interface_variable(inst.network)}",
            f"    virtual_router_id {inst.virtual_router_id}",
            f"    priority {me.priority}",
            f"    advert_int {inst.advert_int_s}",
            "    nopreempt",
            f"    unicast_src_ip {me.address}",
            "    unicast_peer {",
            *(f"        {peer}" for peer in peers),
            "    }",
            "    virtual_ipaddress {",
            *(f"        {vip}" for vip in inst.addresses),
            "    }",
            "    track_script {",
            "        chk_haproxy",
            "    }",
            "}",
        ]
    return "\n".join(lines) + "\n"


def render_interfaces_include(names: dict[str, str]) -> str:
    """``$IF_<network>=<interface>`` lines (what the bootstrap writes; checkers too)."""
    return "".join(
        f"${interface_variable(net)}={ifname}\n" for net, ifname in sorted(names.items())
    )
