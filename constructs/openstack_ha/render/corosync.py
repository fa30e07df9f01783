"""corosync.conf for one Pacemaker cluster, and our own key allow-list.

Corosync 3 with the knet transport and crypto on (aes256/sha256 and an
authkey); one ``interface`` per knet link with its ``knet_link_priority``
(passive link mode: the highest priority carries the traffic); the nodelist
with every member's nodeid and one ``ringN_addr`` per link; votequorum with
``two_node`` only for a 2-node cluster (it implies ``wait_for_all``).

``corosync -t`` accepts misspelled keys silently (``tokn: 3000`` parses and
is ignored), so :func:`unknown_keys` checks a rendered file against the keys
documented in corosync.conf(5) and votequorum(5) of corosync 3.1.7 (Debian 12).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from openstack_ha.render.templates import render_template

__all__ = [
    "ALLOWED_KEYS",
    "CorosyncCluster",
    "CorosyncLink",
    "CorosyncNode",
    "parse_keys",
    "render_corosync_conf",
    "unknown_keys",
]

# knet crypto: `crypto_cipher`/`crypto_hash` "none" (and udp/udpu) are refused
# by the corosync builds in the works (corosync.conf(5)).
CRYPTO_CIPHER = "aes256"
CRYPTO_HASH = "sha256"
AUTHKEY_PATH = "/etc/corosync/authkey"


@dataclass(frozen=True)
class CorosyncLink:
    """A knet link: ``number`` 0..7, carried by ``network`` (e.g. management)."""

    number: int
    network: str
    priority: int


@dataclass(frozen=True)
class CorosyncNode:
    """A member: ``addresses[i]`` is its address on link ``i``."""

    nodeid: int
    name: str
    addresses: tuple[str, ...]


@dataclass(frozen=True)
class CorosyncCluster:
    name: str
    nodes: tuple[CorosyncNode, ...]
    links: tuple[CorosyncLink, ...]
    token_timeout_ms: int
    crypto_cipher: str = CRYPTO_CIPHER
    crypto_hash: str = CRYPTO_HASH
    logfile: str = "/var/log/corosync/corosync.log"
    keyfile: str = AUTHKEY_PATH


def render_corosync_conf(cluster: CorosyncCluster) -> str:
    """The whole corosync.conf (same bytes on every member)."""
    nodes = sorted(cluster.nodes, key=lambda n: n.nodeid)
    links = sorted(cluster.links, key=lambda link: link.number)
    if "none" in (cluster.crypto_cipher, cluster.crypto_hash):
        raise ValueError(f"corosync cluster {cluster.name!r}: knet crypto must stay on")
    for node in nodes:
        if len(node.addresses) != len(links):
            raise ValueError(
                f"corosync cluster {cluster.name!r}: node {node.name!r} has "
                f"{len(node.addresses)} link addresses for {len(links)} links"
            )
    totem = [
        ("version", "2"),
        ("cluster_name", cluster.name),
        ("transport", "knet"),
        ("crypto_cipher", cluster.crypto_cipher),
        ("crypto_hash", cluster.crypto_hash),
        ("keyfile", cluster.keyfile),
        ("token", str(cluster.token_timeout_ms)),
        ("link_mode", "passive"),
    ]
    interfaces = [
        [("linknumber", str(link.number)), ("knet_link_priority", str(link.priority))]
        for link in links
    ]
    node_entries = [
        [
            ("nodeid", str(node.nodeid)),
            ("name", node.name),
            *(
                (f"ring{link.number}_addr", addr)
                for link, addr in zip(links, node.addresses, strict=True)
            ),
        ]
        for node in nodes
    ]
    quorum = [("provider", "corosync_votequorum")]
    if len(nodes) == 2:
        # votequorum(5): two_node implies wait_for_all, so a lone node that
        # boots never takes quorum by itself.
        quorum.append(("two_node", "1"))
    logging = [
        ("to_syslog", "yes"),
        ("to_logfile", "yes"),
        ("logfile", cluster.logfile),
        ("timestamp", "on"),
    ]
    link_words = ", ".join(f"link {link.number} on {link.network}" for link in links)
    header = (
        f"Rendered by openstack-ha for cluster {cluster.name} ({link_words}).\n"
        "# Identical on every member; re-render the lab instead of editing."
    )
    return render_template(
        "corosync.conf.j2",
        header=header,
        totem=totem,
        interfaces=interfaces,
        nodes=node_entries,
        quorum=quorum,
        logging=logging,
    )


# Keys per section path, from corosync.conf(5) and votequorum(5), corosync 3.1.7.
_TOTEM = {
    "version",
    "clear_node_high_bit",
    "crypto_model",
    "crypto_hash",
    "crypto_cipher",
    "secauth",
    "keyfile",
    "key",
    "link_mode",
    "netmtu",
    "transport",
    "cluster_name",
    "config_version",
    "ip_version",
    "token",
    "token_warning",
    "token_coefficient",
    "token_retransmit",
    "knet_compression_model",
    "knet_compression_threshold",
    "knet_compression_level",
    "hold",
    "token_retransmits_before_loss_const",
    "join",
    "send_join",
    "consensus",
    "merge",
    "downcheck",
    "fail_recv_const",
    "seqno_unchanged_const",
    "heartbeat_failures_allowed",
    "max_network_delay",
    "window_size",
    "max_messages",
    "miss_count_const",
    "knet_pmtud_interval",
    "knet_mtu",
    "block_unlisted_ips",
    "cancel_token_hold_on_retransmit",
}
_INTERFACE = {
    "linknumber",
    "knet_link_priority",
    "knet_ping_interval",
    "knet_ping_timeout",
    "knet_ping_precision",
    "knet_pong_count",
    "knet_transport",
    "bindnetaddr",
    "broadcast",
    "mcastaddr",
    "mcastport",
    "ttl",
}
_LOGGING = {
    "timestamp",
    "fileline",
    "function_name",
    "blackbox",
    "to_stderr",
    "to_logfile",
    "to_syslog",
    "logfile",
    "logfile_priority",
    "syslog_facility",
    "syslog_priority",
    "debug",
}
_QUORUM = {
    "provider",
    "expected_votes",
    "two_node",
    "wait_for_all",
    "last_man_standing",
    "last_man_standing_window",
    "auto_tie_breaker",
    "auto_tie_breaker_node",
    "allow_downscale",
}

ALLOWED_KEYS: dict[str, frozenset[str]] = {
    "totem": frozenset(_TOTEM),
    "totem.interface": frozenset(_INTERFACE),
    "nodelist": frozenset(),
    "nodelist.node": frozenset({"nodeid", "name"} | {f"ring{i}_addr" for i in range(8)}),
    "quorum": frozenset(_QUORUM),
    "quorum.device": frozenset({"model", "votes", "timeout", "sync_timeout"}),
    "logging": frozenset(_LOGGING),
    "logging.logger_subsys": frozenset(_LOGGING | {"subsys"}),
    "system": frozenset(
        {
            "qb_ipc_type",
            "sched_rr",
            "priority",
            "move_to_root_cgroup",
            "allow_knet_handle_fallback",
            "state_dir",
        }
    ),
    "resources": frozenset(),
    "resources.watchdog_device": frozenset(),
    "nozzle": frozenset({"name", "ipaddr", "ipprefix", "macaddr"}),
}
_LINE = re.compile(
    r"^\s*(?:(?P<open>[A-Za-z_0-9]+)\s*\{|(?P<close>\})|(?P<key>[A-Za-z_0-9]+)\s*:(?P<value>.*))\s*$"
)


def parse_keys(text: str) -> list[tuple[int, str, str, str]]:
    """(line number, section path, key, value) for every ``key: value`` line.

    Section openers appear with key ``{``. Raises ``ValueError`` on a line
    that is neither a comment, a key, an opener nor a closer.
    """
    out: list[tuple[int, str, str, str]] = []
    stack: list[str] = []
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        m = _LINE.match(line)
        if m is None:
            raise ValueError(f"line {lineno}: cannot parse {raw!r}")
        if m["open"]:
            out.append((lineno, ".".join(stack), "{", m["open"]))
            stack.append(m["open"])
        elif m["close"]:
            if not stack:
                raise ValueError(f"line {lineno}: '}}' without an open section")
            stack.pop()
        else:
            out.append((lineno, ".".join(stack), m["key"], m["value"].strip()))
    if stack:
        raise ValueError(f"end of file: section {'.'.join(stack)!r} is not closed")
    return out


def unknown_keys(text: str) -> list[str]:
    """Messages for every section or key corosync.conf(5) does not document."""
    problems: list[str] = []
    try:
        entries = parse_keys(text)
    except ValueError as exc:
        return [f"corosync.conf: {exc}"]
    for lineno, section, key, value in entries:
        if key == "{":
            path = f"{section}.{value}" if section else value
            if path not in ALLOWED_KEYS:
                problems.append(
                    f"corosync.conf line {lineno}: unknown section {path!r}; "
                    f"allowed: {', '.join(sorted(ALLOWED_KEYS))}"
                )
            continue
        allowed = ALLOWED_KEYS.get(section)
        if allowed is None:
            continue  # already reported with its section
        if key not in allowed:
            where = section or "top level"
            close = difflib.get_close_matches(key, sorted(allowed), n=1)
            hint = (
                f"did you mean {close[0]!r}?"
                if close
                else (f"allowed: {', '.join(sorted(allowed)) or 'none (sections only)'}")
            )
            problems.append(f"corosync.conf line {lineno}: unknown key {key!r} in {where}; {hint}")
    return problems
