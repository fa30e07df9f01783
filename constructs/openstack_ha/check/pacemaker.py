"""Pacemaker checkers: ``crm_verify`` and crmsh's ``crm configure verify`` on a CIB.

A rendered CIB has an empty ``<status>``: ``crm_verify`` then warns about
every node ("no status"), so both checkers get the CIB wrapped with a
synthetic status (quorum, the listed nodes online and members) and the
``crm_feature_set`` of the installed Pacemaker (a CIB newer than the
installed Pacemaker is refused). ``crm_verify`` validates the schema and the
scheduler's view; it does not look at agents or their parameters, which is
what ``CIB_file=… crm configure verify`` adds (it asks every agent for its
metadata, so resource-agents and fence-agents must be installed).
"""

from __future__ import annotations

import re
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from pathlib import Path

from openstack_ha.check.tools import CheckResult, find_tool, run
from openstack_ha.render.cib import CRM_FEATURE_SET, node_state_attrs

__all__ = [
    "FENCING_OFF_WARNINGS",
    "crm_verify",
    "crmsh_verify",
    "installed_feature_set",
    "wrap_with_status",
]

_ANSI = re.compile(r"\x1b\[[0-9;]*m")
# What Pacemaker says about a cluster without fencing: the lab asked for it
# (fencing: none) and every command already warns, so it is not a failure.
FENCING_OFF_WARNINGS = ("Blind faith: not fencing unseen nodes",)


def installed_feature_set() -> str:
    """``crm_feature_set`` of the installed Pacemaker (``pacemakerd --features``)."""
    tool = find_tool("pacemakerd")
    if tool.path is None:
        return CRM_FEATURE_SET
    done = run([tool.path, "--features"], timeout_s=10)
    m = re.search(r"Supporting v(\d+\.\d+\.\d+)", done.stdout)
    return m.group(1) if m else CRM_FEATURE_SET


def wrap_with_status(
    cib_text: str,
    *,
    feature_set: str | None = None,
    online: Iterable[str] | None = None,
    have_quorum: bool = True,
) -> str:
    """The CIB with a synthetic ``<status>``: ``online`` nodes (default all) up and members."""
    root = ET.fromstring(cib_text)
    if root.tag != "cib":
        raise ValueError(f"not a CIB: root element is <{root.tag}>")
    root.set("crm_feature_set", feature_set or installed_feature_set())
    root.set("have-quorum", "1" if have_quorum else "0")
    nodes = root.findall("configuration/nodes/node")
    members = [n for n in nodes if n.get("type") != "remote"]
    if members:
        root.set("dc-uuid", min((n.get("id", "") for n in members), key=_as_int))
    old = root.find("status")
    if old is not None:
        root.remove(old)
    status = ET.SubElement(root, "status")
    up = None if online is None else set(online)
    for node in nodes:
        uname = node.get("uname", "")
        if up is not None and uname not in up:
            continue
        attrs = node_state_attrs(node.get("id", ""), uname, node.get("type") == "remote")
        ET.SubElement(status, "node_state", attrs)
    ET.indent(root, space="  ")
    return ET.tostring(root, encoding="unicode") + "\n"


def _as_int(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        return 0


def _unexpected(text: str, expected: Sequence[str]) -> list[str]:
    return [
        line for line in text.splitlines() if line.strip() and not any(e in line for e in expected)
    ]


def crm_verify(cib_file: Path, label: str, expected: Sequence[str] = ()) -> CheckResult:
    tool = find_tool("crm_verify")
    if tool.path is None:
        return CheckResult("crm_verify", label, "missing", tool.missing_detail)
    with tempfile.TemporaryDirectory(prefix="oha-crm-verify-") as tmp:
        wrapped = Path(tmp) / "cib.xml"
        wrapped.write_text(wrap_with_status(cib_file.read_text(encoding="utf-8")))
        done = run([tool.path, "-x", str(wrapped), "-V"], timeout_s=60)
    problems = _unexpected(done.output, expected)
    if done.returncode in (0, 78) and not problems:  # 78: warnings only (all expected)
        return CheckResult("crm_verify", label, "ok", done.output)
    return CheckResult(
        "crm_verify", label, "fail", "\n".join(problems) or f"exit {done.returncode}"
    )


def crmsh_verify(cib_file: Path, label: str, expected: Sequence[str] = ()) -> CheckResult:
    tool = find_tool("crm")
    if tool.path is None:
        return CheckResult("crm configure verify", label, "missing", tool.missing_detail)
    with tempfile.TemporaryDirectory(prefix="oha-crmsh-") as tmp:
        wrapped = Path(tmp) / "cib.xml"
        wrapped.write_text(wrap_with_status(cib_file.read_text(encoding="utf-8")))
        done = run(
            [tool.path, "configure", "verify"],
            timeout_s=120,
            # crmsh keeps a history and cache under $HOME; keep them out of the user's.
            env={"CIB_file": str(wrapped), "HOME": tmp},
        )
    text = _ANSI.sub("", done.output)
    problems = [p for p in _unexpected(text, expected) if re.search(r"\b(ERROR|WARNING)\b", p)]
    if done.returncode == 0 and not problems:
        return CheckResult("crm configure verify", label, "ok", text)
    return CheckResult(
        "crm configure verify",
        label,
        "fail",
        "\n".join(problems) or text or f"exit {done.returncode}",
    )
