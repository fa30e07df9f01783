"""Structured lab errors: every problem has a stable code, a location and a message.

One message shape everywhere: ``<loc>: <what is wrong>, got <value>; <what
is allowed / the fix>``. ``Problem.message`` holds the part after the
location, so tests can assert ``(code, loc, message)`` exactly and a printer
adds the location (and, for lab files, the file name and line) in one place.

Codes are part of the public contract: tools may match on them, tests pin
them, and a code never changes meaning. The full list is ``CODES``.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = [
    "CODES",
    "LabError",
    "Problem",
    "did_you_mean",
    "format_choices",
    "format_value",
]

# Every code a Problem or PlanWarning may carry, with what it means. Codes of
# pydantic's own (structural) errors come first, then the cross-field rules
# of rules/ (ranges and patterns declared on the fields included), then YAML
# loading, then plan warnings.
CODES: dict[str, str] = {
    # structure (pydantic)
    "unknown_key": "a key that the lab model does not have",
    "missing_key": "a required key is absent",
    "invalid_type": "a value of the wrong type",
    "invalid_choice": "a value outside a fixed set of choices",
    "invalid_address": "not an IPv4 address",
    "invalid_network": "not an IPv4 network in CIDR notation",
    "invalid_value": "a value pydantic rejected for another reason",
    # rules (rules/)
    "internal": "the derived plan broke one of its own invariants (a bug, please report)",
    "galera_too_few": "fewer Galera members than quorum needs",
    "galera_even": "an even number of Galera members without an arbitrator",
    "galera_arbitrator_needless": "an arbitrator next to an odd number of members",
    "group_size": "a node group outside its allowed size",
    "broker_even": "an even number of clustered brokers",
    "broker_active_passive_size": "active-passive brokers that are not exactly 2",
    "collapsed_size": "a collapsed layout that is not 3 converged nodes",
    "layout_ignored": "a setting that the chosen layout does not use",
    "sizing": "vCPUs, memory or disk below what the roles need",
    "cluster_size": "a Pacemaker cluster size setting outside what Corosync supports",
    "no_quorum_policy": "a no-quorum-policy that is unsafe for the cluster size",
    "corosync_transport": "a Corosync transport other than knet",
    "corosync_crypto": "Corosync crypto switched off or unknown",
    "corosync_links": "a wrong list of knet links",
    "corosync_token": "a token timeout outside the sane range",
    "fencing_platform": "a fence agent that the platform cannot use",
    "fencing_settings": "fence agent settings that cannot work",
    "fencing_uncovered": "a cluster member that no fence device covers",
    "network_cidr": "a network too small or reserved",
    "network_overlap": "two networks whose CIDRs overlap",
    "network_vlan": "a VLAN id out of range or shared",
    "dhcp_range": "a DHCP/allocation range outside its subnet or colliding",
    "vip_subnet": "a VIP outside its network's subnet",
    "vip_dhcp": "a VIP inside the DHCP/allocation range",
    "vip_collision": "a VIP equal to another VIP, a node or the gateway",
    "vip_unused": "a VIP given that the lab does not use",
    "duplicate_name": "a name used twice",
    "invalid_name": "a name that is not a valid host name label",
    "haproxy_sizing": "HAProxy connection limits below the validated floor",
    "open_files": "an open-files limit below the validated floor",
    "galera_settings": "Galera settings out of range",
    "platform_settings": "platform settings that cannot work",
    # YAML loading (loader.py)
    "yaml_syntax": "the lab file is not valid YAML",
    "yaml_duplicate_key": "a key given twice in one mapping of the lab file",
    "yaml_not_mapping": "the lab file's top level is not a mapping",
    "lab_file": "the lab file cannot be read",
    # plan warnings (Plan.warnings: every render and synth prints them)
    "fencing_off": "fencing switched off",
    "os_unverified": "an OS family whose packages this project's tests never installed",
}


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a lab.

    ``loc`` is the dotted path in the lab model (``database.count``,
    ``networks.management.cidr``, ``corosync.links[2]``); empty for the
    file itself. ``source`` is ``file:line`` when the lab came from a file,
    else empty.
    """

    loc: str
    code: str
    message: str
    source: str = ""

    def __post_init__(self) -> None:
        if self.code not in CODES:
            raise ValueError(f"Problem code {self.code!r} is not registered in CODES")

    def __str__(self) -> str:
        where = f"{self.loc}: " if self.loc else ""
        prefix = f"{self.source}: " if self.source else ""
        return f"{prefix}{where}{self.message}"


class LabError(Exception):
    """A lab that cannot be built; ``problems`` lists every problem found, sorted."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(sorted(set(problems)))
        if not self.problems:
            raise ValueError("LabError needs at least one problem")
        count = len(self.problems)
        lines = [f"{count} problem{'s' if count != 1 else ''} in the lab:"]
        lines += [f"  {p}" for p in self.problems]
        super().__init__("\n".join(lines))


def format_value(value: object) -> str:
    """How a given value appears in a message: strings quoted, the rest as written."""
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(format_value(v) for v in value) + "]"
    return str(value)


def format_choices(choices: Sequence[object]) -> str:
    """``a, b or c``."""
    words = [str(c) for c in choices]
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " or " + words[-1]


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """``; did you mean 'database'?`` for a close match, else an empty string."""
    match = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean {match[0]!r}?" if match else ""
