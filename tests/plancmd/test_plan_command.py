"""`openstack-ha plan`: tables of the lab and a topology diagram."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from openstack_ha.cli import main
from openstack_ha.diagram import render_svg
from openstack_ha.model import LabSpec, derive_plan

SVG = "{http://www.w3.org/2000/svg}"


def test_plan_prints_every_node_with_its_addresses_and_every_vip(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    svg = tmp_path / "out" / "topology.svg"
    assert main(["plan", "--svg", str(svg)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == "lab ha-lab: dedicated layout on libvirt, 11 nodes"
    assert lines[2].split() == [
        "node", "group", "roles", "cluster", "management", "storage", "tenant", "external",
        "hypervisor",
    ]  # fmt: skip
    assert (
        "db1   database        database       database        10.20.0.40  10.20.1.40  -"
        "           -           qemu:///system"
    ) in lines
    assert any(line.split()[:3] == ["public", "10.20.3.10", "external"] for line in lines)
    assert lines[-1] == f"topology diagram: {svg}"
    assert svg.read_text() == render_svg(derive_plan(LabSpec()))


def test_the_diagram_shows_every_group_node_network_and_vip() -> None:
    plan = derive_plan(LabSpec(layout="collapsed"))
    root = ET.fromstring(render_svg(plan))
    texts = [t.text or "" for t in root.iter(f"{SVG}text")]
    for node in plan.nodes:
        assert node.hostname in texts
    for network in plan.networks:
        assert any(t.startswith(f"{network.name} {network.cidr}") for t in texts)
    for vip in plan.vips:
        assert f"VIP {vip.name} {vip.address}" in texts
    assert "converged (Pacemaker cluster converged)" in texts


def test_the_diagram_is_the_same_bytes_for_the_same_lab() -> None:
    assert render_svg(derive_plan(LabSpec())) == render_svg(derive_plan(LabSpec()))


def test_a_bad_lab_prints_its_problems_and_writes_no_diagram(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lab = tmp_path / "lab.yaml"
    lab.write_text("load_balancers:\n  count: 1\n")
    svg = tmp_path / "topology.svg"
    assert main(["plan", "--lab", str(lab), "--svg", str(svg)]) == 1
    err = capsys.readouterr().err
    assert "load_balancers.count" in err
    assert not svg.exists()
