"""Small system files: /etc/hosts, sysctl, systemd units and drop-ins, sbd's settings."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from openstack_ha.model.plan import HostEntry, SbdPlan

__all__ = [
    "render_clustercheck_unit",
    "render_etc_hosts",
    "render_limits_dropin",
    "render_sbd_config",
    "render_sysctl",
]


def render_etc_hosts(entries: Iterable[HostEntry]) -> str:
    """Every lab node by management address: Corosync, the galera agent and RabbitMQ use names."""
    lines = [
        "# Rendered by openstack-ha: every lab node on its management address.",
        "127.0.0.1\tlocalhost",
        "::1\tlocalhost ip6-localhost ip6-loopback",
        "ff02::1\tip6-allnodes",
        "ff02::2\tip6-allrouters",
    ]
    lines += [f"{e.address}\t{' '.join(e.names)}" for e in entries]
    return "\n".join(lines) + "\n"


def render_sysctl(settings: Mapping[str, str]) -> str:
    lines = ["# Rendered by openstack-ha."]
    if "net.ipv4.ip_nonlocal_bind" in settings:
        lines.append("# HAProxy (and the A/P broker) bind VIPs that live on another node.")
    lines += [f"{key} = {value}" for key, value in sorted(settings.items())]
    return "\n".join(lines) + "\n"


def render_limits_dropin(what: str, open_files_limit: int) -> str:
    """A systemd drop-in raising a service's open-files limit."""
    return (
        f"# Rendered by openstack-ha: {what} needs this many open files "
        "(validated deployments: at least 16384).\n"
        "[Service]\n"
        f"LimitNOFILE={open_files_limit}\n"
    )


def render_clustercheck_unit(*, listen: str, client_cnf: str, user: str) -> str:
    """The systemd service of the Galera health responder (HTTP, port 9200)."""
    return (
        "# Rendered by openstack-ha: HAProxy's Galera health check (200 only when synced).\n"
        "[Unit]\n"
        "Description=openstack-ha Galera clustercheck responder\n"
        "After=network-online.target\n"
        "Wants=network-online.target\n"
        "\n"
        "[Service]\n"
        f"ExecStart=/usr/local/sbin/openstack-ha-clustercheck --listen {listen} "
        f"--client-cnf {client_cnf}\n"
        f"User={user}\n"
        "Restart=always\n"
        "RestartSec=2\n"
        "RuntimeDirectory=openstack-ha-clustercheck\n"
        "\n"
        "[Install]\n"
        "WantedBy=multi-user.target\n"
    )


def render_sbd_config(sbd: SbdPlan) -> str:
    """sbd's environment file (Debian /etc/default/sbd, EL /etc/sysconfig/sbd)."""
    return (
        "# Rendered by openstack-ha: disk-based SBD on the cluster's shared disk.\n"
        f"SBD_DEVICE={sbd.device_path}\n"
        f"SBD_WATCHDOG_DEV={sbd.watchdog_device}\n"
        f"SBD_WATCHDOG_TIMEOUT={sbd.watchdog_timeout_s}\n"
        "SBD_PACEMAKER=yes\n"
        "SBD_STARTMODE=always\n"
        "SBD_DELAY_START=no\n"
    )
