"""The ``#cloud-config`` user-data of a node, built as data and dumped with PyYAML.

Never templated YAML: the document is a dict, dumped by ``yaml.safe_dump``'s
machinery with one change (multi-line strings use the literal block style,
so rendered files stay readable inside the user-data). File modes are
strings ("0644"): cloud-init reads an unquoted 0644 as the integer 420 in
YAML 1.1 and the schema wants a string.

Order on the node (cloud-init 22.4, Debian 12; the same module order on EL9
and Ubuntu): ``bootcmd`` (init stage) blocks service auto-start on
Debian/Ubuntu with a ``policy-rc.d`` that answers 101, ``packages`` installs
(final stage), ``write_files`` entries are all ``defer: true`` so they are
written after the packages (their service users and groups exist, their
default files are overwritten; on OpenStack, large files without secrets
travel gzip+base64, ``encoding: gz+b64``, so the user-data stays under Nova's
64 KiB limit), then ``runcmd`` runs the bootstrap, which
removes the ``policy-rc.d`` and starts the services from the rendered files.
EL9 packages never start services on install, so no block is needed there.
"""

from __future__ import annotations

import base64
import gzip
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import yaml

__all__ = [
    "POLICY_RC_D",
    "CloudFile",
    "build_cloud_config",
    "dump_cloud_config",
]

POLICY_RC_D = "/usr/sbin/policy-rc.d"
BOOTSTRAP_DONE = "/var/lib/openstack-ha/bootstrap.done"
# Written by bootcmd on every boot until the bootstrap finished once; the
# marker comment lets the bootstrap remove only its own file.
_POLICY_SCRIPT = (
    "#!/bin/sh\\n# openstack-ha: no service starts before it is configured\\nexit 101\\n"
)


@dataclass(frozen=True)
class CloudFile:
    """One write_files entry: ``mode`` as an octal string, ``owner`` as user:group."""

    path: str
    content: str
    mode: str = "0644"
    owner: str = "root:root"
    compress: bool = False

    def __post_init__(self) -> None:
        if not self.path.startswith("/"):
            raise ValueError(f"write_files path must be absolute, got {self.path!r}")
        if len(self.mode) != 4 or not self.mode.startswith("0") or not self.mode.isdigit():
            raise ValueError(f"{self.path}: mode must look like '0644', got {self.mode!r}")


def _write_file(f: CloudFile) -> dict[str, Any]:
    entry: dict[str, Any] = {"path": f.path}
    if f.compress:
        # mtime=0: the same text gives the same bytes (no timestamp in the header).
        packed = base64.b64encode(gzip.compress(f.content.encode("utf-8"), mtime=0))
        entry["encoding"] = "gz+b64"
        entry["content"] = packed.decode("ascii")
    else:
        entry["content"] = f.content
    entry.update({"owner": f.owner, "permissions": f.mode, "defer": True})
    return entry


def _block_policy_commands() -> list[str]:
    return [
        f"[ -e {BOOTSTRAP_DONE} ] || printf '{_POLICY_SCRIPT}' > {POLICY_RC_D}",
        f"[ -e {BOOTSTRAP_DONE} ] || chmod 0755 {POLICY_RC_D}",
    ]


def build_cloud_config(
    *,
    hostname: str,
    fqdn: str,
    packages: Sequence[str],
    files: Sequence[CloudFile],
    runcmd: Sequence[Sequence[str]],
    block_service_autostart: bool,
    ssh_authorized_keys: Sequence[str] = (),
) -> dict[str, Any]:
    """The user-data document as a dict (key order is kept when dumped)."""
    paths = [f.path for f in files]
    if len(set(paths)) != len(paths):
        dupes = sorted({p for p in paths if paths.count(p) > 1})
        raise ValueError(f"write_files: paths given twice: {', '.join(dupes)}")
    doc: dict[str, Any] = {
        "hostname": hostname,
        "fqdn": fqdn,
        "prefer_fqdn_over_hostname": False,
        # We write /etc/hosts ourselves (every lab node); cloud-init would
        # regenerate it from its template on each boot.
        "manage_etc_hosts": False,
    }
    if ssh_authorized_keys:
        doc["ssh_authorized_keys"] = list(ssh_authorized_keys)
    if block_service_autostart:
        doc["bootcmd"] = _block_policy_commands()
    doc["package_update"] = True
    doc["packages"] = sorted(set(packages))
    doc["write_files"] = [_write_file(f) for f in sorted(files, key=lambda f: f.path)]
    doc["runcmd"] = [list(cmd) for cmd in runcmd]
    return doc


# libyaml's emitter when PyYAML has it: the pure-Python one was a fifth of a
# synth's time. Both write the same bytes for our documents (tested).
_BaseDumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_BaseDumper):  # type: ignore[valid-type,misc]
    """SafeDumper that writes multi-line strings as literal blocks."""


def _str_representer(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _str_representer)


def dump_cloud_config(doc: dict[str, Any]) -> str:
    """``#cloud-config`` + the YAML (no line folding, so tokens and long lines stay whole)."""
    body = yaml.dump(
        doc,
        Dumper=_Dumper,
        sort_keys=False,
        default_flow_style=False,
        allow_unicode=True,
        width=1 << 30,
        indent=2,
    )
    return "#cloud-config\n" + body
