"""A topology diagram of a plan as SVG: node groups above, one bus per network below.

Each group is a box of its nodes; each node has a drop line to every network
it is on; each VIP is a tag on its network's bus under the group that holds
it. Built as an element tree (never templated text), laid out on a fixed
grid so the same plan gives the same bytes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from openstack_ha.model.plan import Plan

NODE_W = 120
NODE_H = 44
GAP = 12
GROUP_PAD = 14
GROUP_TITLE = 22
BUS_GAP = 46
MARGIN = 24
LABEL_W = 190  # left gutter for the network labels
CHAR_W = 7  # rough width of a 12px sans-serif character
VIP_W = 150

COLOURS = {
    "management": "#1f77b4",
    "storage": "#2ca02c",
    "storage_management": "#17becf",
    "tenant": "#9467bd",
    "external": "#d62728",
}


def _el(parent: ET.Element, tag: str, text: str | None = None, **attrs: object) -> ET.Element:
    element = ET.SubElement(parent, tag, {k.replace("_", "-"): str(v) for k, v in attrs.items()})
    if text is not None:
        element.text = text
    return element


def _group_title(plan: Plan, group: str) -> str:
    cluster = next((c.name for c in plan.clusters if c.group == group), None)
    return group + (f" (Pacemaker cluster {cluster})" if cluster else "")


def render_svg(plan: Plan) -> str:
    """The plan's topology as a standalone SVG document."""
    # Group boxes side by side; nodes in one row inside each box.
    x = MARGIN + LABEL_W
    top = MARGIN + 28
    group_boxes: dict[str, tuple[int, int]] = {}
    node_x: dict[str, int] = {}
    for group in plan.groups:
        members = plan.nodes_of(group.name)
        vips_here = [v for v in plan.vips if v.holder_group == group.name]
        width = max(
            GROUP_PAD * 2 + len(members) * NODE_W + (len(members) - 1) * GAP,
            GROUP_PAD * 2 + len(_group_title(plan, group.name)) * CHAR_W,
            len(vips_here) * (VIP_W + 4),
        )
        group_boxes[group.name] = (x, width)
        for index, node in enumerate(members):
            node_x[node.hostname] = x + GROUP_PAD + index * (NODE_W + GAP)
        x += width + GAP * 2
    width = max(x - GAP * 2 + MARGIN, 480)
    group_h = GROUP_TITLE + NODE_H + GROUP_PAD * 2
    bus_top = top + group_h + BUS_GAP
    bus_y = {n.name: bus_top + i * BUS_GAP for i, n in enumerate(plan.networks)}
    height = bus_top + len(plan.networks) * BUS_GAP + MARGIN

    svg = ET.Element(
        "svg",
        {
            "xmlns": "http://www.w3.org/2000/svg",
            "width": str(width),
            "height": str(height),
            "viewBox": f"0 0 {width} {height}",
            "font-family": "sans-serif",
            "font-size": "12",
        },
    )
    _el(svg, "title", f"{plan.lab}: {plan.layout} layout on {plan.platform}")
    _el(svg, "rect", x=0, y=0, width=width, height=height, fill="#ffffff")
    _el(
        svg,
        "text",
        f"{plan.lab} — {plan.layout} layout on {plan.platform}, {len(plan.nodes)} nodes",
        x=MARGIN,
        y=MARGIN + 8,
        font_size=15,
        font_weight="bold",
    )

    for network in plan.networks:
        y = bus_y[network.name]
        colour = COLOURS.get(network.name, "#555555")
        _el(
            svg,
            "line",
            x1=MARGIN + LABEL_W - 10,
            y1=y,
            x2=width - MARGIN,
            y2=y,
            stroke=colour,
            stroke_width=4,
        )
        label = f"{network.name} {network.cidr}" + (
            f" vlan {network.vlan_id}" if network.vlan_id is not None else ""
        )
        _el(svg, "text", label, x=MARGIN, y=y + 4, fill=colour)

    for group in plan.groups:
        gx, gw = group_boxes[group.name]
        title = _group_title(plan, group.name)
        _el(svg, "rect", x=gx, y=top, width=gw, height=group_h, rx=8, fill="#f4f4f4", stroke="#888")
        _el(svg, "text", title, x=gx + GROUP_PAD, y=top + 16, font_weight="bold")
        for node in plan.nodes_of(group.name):
            nx = node_x[node.hostname]
            ny = top + GROUP_TITLE + GROUP_PAD
            for address in node.addresses:
                colour = COLOURS.get(address.network, "#555555")
                drop = nx + 10 + address.nic_index * 8
                _el(
                    svg,
                    "line",
                    x1=drop,
                    y1=ny + NODE_H,
                    x2=drop,
                    y2=bus_y[address.network],
                    stroke=colour,
                    stroke_width=1.5,
                )
                _el(svg, "circle", cx=drop, cy=bus_y[address.network], r=3, fill=colour)
            _el(
                svg,
                "rect",
                x=nx,
                y=ny,
                width=NODE_W,
                height=NODE_H,
                rx=4,
                fill="#fff",
                stroke="#333",
            )
            _el(svg, "text", node.hostname, x=nx + 8, y=ny + 18, font_weight="bold")
            management = next(a for a in node.addresses if a.network == "management")
            _el(svg, "text", str(management.address), x=nx + 8, y=ny + 34, font_size=11)

    placed: dict[str, int] = {}
    for vip in plan.vips:
        gx, _ = group_boxes[vip.holder_group]
        y = bus_y[vip.network]
        colour = COLOURS.get(vip.network, "#555555")
        label = f"VIP {vip.name} {vip.address}"
        # VIPs of one group sit side by side under it, whatever their network.
        slot = placed.get(vip.holder_group, 0)
        placed[vip.holder_group] = slot + 1
        tag_x = gx + slot * (VIP_W + 4)
        _el(svg, "rect", x=tag_x, y=y + 4, width=VIP_W, height=18, rx=9, fill=colour)
        _el(svg, "text", label, x=tag_x + 8, y=y + 17, fill="#ffffff", font_size=11)

    ET.indent(svg)
    return ET.tostring(svg, encoding="unicode") + "\n"
