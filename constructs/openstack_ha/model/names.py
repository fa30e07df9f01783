"""Name patterns shared by the model's fields: DNS labels, domains, hostname prefixes.

The regexes go into the JSON Schema as written (ECMA-262 and Python agree
on them) and are searched, as JSON Schema does.
"""

from __future__ import annotations

import re

__all__ = ["DNS_DOMAIN", "DNS_LABEL", "HOSTNAME_PREFIX", "WSREP_NAME", "suggest_label"]

_LABEL = r"[a-z]([a-z0-9-]*[a-z0-9])?"
# A DNS label as libvirt, OpenStack and hostnames all accept it.
DNS_LABEL = rf"^{_LABEL}$"
# Dot-separated DNS labels.
DNS_DOMAIN = rf"^{_LABEL}(\.{_LABEL})*$"
# A hostname prefix: the index follows it, so it may end with '-'.
HOSTNAME_PREFIX = r"^[a-z][a-z0-9-]*$"
# wsrep_cluster_name.
WSREP_NAME = r"^[A-Za-z0-9_.-]{1,32}$"


def suggest_label(value: str) -> str:
    """A DNS label close to ``value`` (for a message's fix)."""
    cleaned = re.sub(r"[^a-z0-9-]+", "-", value.lower()).strip("-")
    if not cleaned or not cleaned[0].isalpha():
        cleaned = "lab-" + cleaned if cleaned else "ha-lab"
    return cleaned[:32].rstrip("-")
