"""Corosync + Pacemaker in lab nodes, without systemd (mechanics in tests/live/README.md).

- ``corosync -f`` (foreground) reads /etc/corosync/corosync.conf and
  /etc/corosync/authkey (knet crypto needs it; mode 0400 root).
- ``pacemakerd`` always runs in the foreground in 2.1.5 and starts the
  other pacemaker daemons itself (they setsid(): kill by namespace).
- The cluster state comes from ``crm_mon -1 --output-as=xml`` run in any
  member.
- A CIB is loaded with ``cibadmin --replace -o configuration`` once the
  cluster is up, or *seeded* before start at
  /var/lib/pacemaker/cib/cib.xml (hacluster:haclient 0600, no .sig needed:
  pacemaker-based warns and loads it). Seeding matters for bring-up time:
  a freshly started cluster waits ``dc-deadtime`` (20 s default) before
  electing a DC, and only a seeded CIB can shorten that.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass, field

from .lab import Lab
from .waits import wait_until

CRM_FEATURE_SET = "3.16.1"  # Pacemaker 2.1.5 (Debian 12)
VALIDATE_WITH = "pacemaker-3.9"


@dataclass(frozen=True)
class ClusterStatus:
    """What ``crm_mon --output-as=xml`` says, reduced to what tests assert."""

    online: tuple[str, ...]
    dc: str | None
    quorum: bool
    resources: dict[str, tuple[str, ...]] = field(default_factory=dict)  # id -> active nodes

    def where(self, resource: str) -> tuple[str, ...]:
        return self.resources.get(resource, ())


def parse_crm_mon(xml_text: str) -> ClusterStatus:
    root = ET.fromstring(xml_text)
    online = tuple(sorted(
        n.get("name", "") for n in root.iterfind("./nodes/node") if n.get("online") == "true"
    ))
    dc_el = root.find("./summary/current_dc")
    present = dc_el is not None and dc_el.get("present") == "true"
    resources: dict[str, tuple[str, ...]] = {}
    for res in root.iter("resource"):
        if res.get("active") == "true" and res.get("failed") != "true":
            rid = res.get("id", "")
            nodes = tuple(n.get("name", "") for n in res.iterfind("node"))
            resources[rid] = tuple(sorted({*resources.get(rid, ()), *nodes}))
    return ClusterStatus(
        online=online,
        dc=dc_el.get("name") if present and dc_el is not None else None,
        quorum=present and dc_el is not None and dc_el.get("with_quorum") == "true",
        resources=resources,
    )


def status(lab: Lab, node: str) -> ClusterStatus:
    return parse_crm_mon(lab.exec(node, ["crm_mon", "-1", "--output-as=xml"], timeout=20))


def start(lab: Lab, nodes: Sequence[str]) -> None:
    """Start corosync then pacemakerd on each node (as the units would)."""
    for node in nodes:
        lab.start(node, "corosync", ["corosync", "-f"])
    for node in nodes:
        lab.start(node, "pacemakerd", ["pacemakerd"])


def wait_formed(lab: Lab, nodes: Sequence[str], *, via: str | None = None,
                timeout: float = 90) -> ClusterStatus:
    """Wait until ``nodes`` are all online with a DC that has quorum."""
    expected = tuple(sorted(nodes))

    def formed() -> ClusterStatus | None:
        st = status(lab, via or nodes[0])
        return st if st.quorum and set(expected) <= set(st.online) else None

    return wait_until(formed, timeout=timeout, interval=0.5,
                      what=f"pacemaker cluster {list(expected)} online with quorum",
                      logs=lambda: [p for n in nodes for p in lab.log_files(n)])


def load_configuration(lab: Lab, node: str, configuration_xml: str) -> None:
    """Replace the running cluster's <configuration> (cibadmin from ``node``)."""
    lab.node(node).stage_file("/tmp/oha-configuration.xml", configuration_xml)
    lab.exec(node, ["cibadmin", "--replace", "-o", "configuration",
                    "--xml-file", "/tmp/oha-configuration.xml"])


def seed_cib(lab: Lab, nodes: Sequence[str], configuration_xml: str) -> None:
    """Put a whole CIB on disk before pacemaker starts (see module doc)."""
    cib = (
        f'<cib crm_feature_set="{CRM_FEATURE_SET}" validate-with="{VALIDATE_WITH}" '
        f'epoch="1" num_updates="0" admin_epoch="0">{configuration_xml}<status/></cib>\n'
    )
    for node in nodes:
        lab.node(node).stage_file("/var/lib/pacemaker/cib/cib.xml", cib, mode=0o600,
                                  owner="hacluster:haclient")
