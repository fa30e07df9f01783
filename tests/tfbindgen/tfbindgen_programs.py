"""CDK programs using the generated bindings, synthesized by the tests on both engines.

Run as a script (``python tfbindgen_programs.py FIXTURE_BINDINGS_DIR``) it
prints, as JSON, each program's JSON and HCL synthesis on the engine that
``OPENSTACK_HA_ENGINE`` selects; the engine is fixed per process, so the tests
run it once per engine. The fidelity corpus lives here too, so the test that
compares values and the program that writes them share one list.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any

# (name, value) of every tricky string; names become construct ids.
STRINGS: list[tuple[str, str]] = [
    ("empty", ""),
    ("plain", "plain"),
    ("one_line_newline", "trailing newline\n"),
    ("two_lines", "two\nlines\n"),
    ("no_final_newline", "two\nlines"),
    ("two_final_newlines", "ends with two newlines\n\n"),
    ("only_newlines", "\n\n"),
    (
        "cloud_config",
        '#cloud-config\nwrite_files:\n  - path: /etc/x\n    content: |\n      a \\ b "q"\n',
    ),
    ("backslashes", "C:\\new\\table\\"),
    ("quotes", 'say "hi" and \\"escaped\\" and "'),
    ("tab", "tab\there"),
    ("crlf", "crlf\r\nline\r\n"),
    ("lone_cr", "lone\rcr"),
    ("eof_line", "before\nEOF\nafter\n"),
    ("indented_eof_line", "x\n  EOF  \ny\n"),
    ("template", "${var.ref}"),
    ("template_in_text", "prefix ${var.ref} suffix"),
    ("directive_with_quotes", '%{ if var.ref == "REF-1" }yes%{ else }no%{ endif }'),
    ("escaped_sequences", "$${not_interpolated} and %%{not_a_directive}"),
    ("unicode", "unicode: é ✓ 日本語 🎉 e\u0301"),
    ("controls", "control: \x01\x1f\x7f\u0085 end"),
    ("quoted_escape_in_interpolation", '${upper("a\\nb")}'),
    ("multi_line_templates", "multi\nline with ${var.ref}\nand %{ if true }directive%{ endif }\n"),
    ("braces", "} {} a}b ${var.ref} {"),
    ("interpolation_spans_lines", 'x ${ upper(\n"y") } z'),
    ("line_separator", "a\u2028b\u2029c"),
    ("single_backslash", "\\"),
    ("single_quote_char", '"'),
    ("backslash_n_in_heredoc", "a\n\\n stays a backslash and n\n"),
    ("heredoc_with_tabs_and_quotes", '\tindented "x"\n\t\\t\n'),
]

# Values of the other attribute shapes; each is one construct (id: its key).
# "${var.ref}" and the TOKEN placeholder are references Terraform can evaluate.
TOKEN = "@TOKEN@"
COMPLEX: dict[str, dict[str, Any]] = {
    "list_of_strings": {"sl": ["a", "", "b\nc", "C:\\x", 'q"', "${var.ref}", TOKEN, "EOF", "}"]},
    "map_of_strings": {
        "m": {"k": "v", "with space": "x\ny", 'quote"key': "z", "1a": TOKEN, "": "e"}
    },
    "map_with_lists": {"ml": {"a": ["1", "2"], "b": [], "c": [TOKEN, "x\\y", "t-" + TOKEN]}},
    "list_of_maps": {"lm": [{"a": "b"}, {}, {"t": TOKEN, "u": "${upper(var.ref)}"}]},
    "object": {"o": {"name": "n\t", "items": ["x", TOKEN]}},
    "dynamic": {"d": {"nested": {"list": [1, 2.5, True, "s\n"]}, "n": -3, "e": []}},
    "dynamic_string": {"d": "dyn\n"},
    "number": {"n": 1.5e300},
    "negative_number": {"n": -42},
    "number_token": {"n": TOKEN},
    "boolean": {"b": False},
    "nested_type": {"nt": [{"k": "a", "v": ["b", TOKEN]}, {"k": TOKEN}]},
}


def _resolve(value: Any, token: str) -> Any:
    if value == TOKEN:
        return token
    if isinstance(value, str) and TOKEN in value:
        return value.replace(TOKEN, token)
    if isinstance(value, dict):
        return {k: _resolve(v, token) for k, v in value.items()}
    if isinstance(value, list):
        return [_resolve(v, token) for v in value]
    return value


def fidelity() -> Any:
    """Every corpus value on a fixture resource, plus blocks, references and a provider."""
    from fx_fidelity import FidelityProvider, Value

    from tfbindgen.engine import App, TerraformStack, TerraformVariable, Token

    stack = TerraformStack(App(), "fidelity")
    ref = TerraformVariable(stack, "ref", default="REF-1", type="string")
    FidelityProvider(stack, "fidelity", endpoint_overrides={"computeV2": "c", "Net-Work": "n"})
    for name, text in STRINGS:
        Value(stack, f"s_{name}", s=text)
    Value(stack, "s_token_alone", s=ref.string_value)
    Value(stack, "s_token_in_text", s=f"x-{ref.string_value}-y")
    Value(stack, "s_token_multi_line", s=f"a\n{ref.string_value}\nb\n")
    number_token = Token.as_number(ref.string_value)
    for name, kwargs in COMPLEX.items():
        if name == "number_token":
            Value(stack, f"c_{name}", n=number_token)
            continue
        Value(stack, f"c_{name}", **_resolve(kwargs, ref.string_value))
    other = Value(stack, "other", s="x")
    Value(
        stack,
        "blocks",
        s=other.id,
        blk=[
            {"s": "x\ny\n", "sl": ["a", other.id], "inner": [{"s": "i\\j"}, {"s": other.s}]},
            {"s": "2", "inner": []},
        ],
        one={"s": 'one "1"', "n": 2},
        labelled={"first": {"s": "1"}, 'sec "ond': {"s": "2\n"}},
    )
    return stack


def libvirt() -> Any:
    """A small libvirt lab: pool, volumes, network, cloud-init disk, two domains."""
    from tfbindgen.engine import App, TerraformStack
    from tfproviders.libvirt import (
        CloudinitDisk,
        Domain,
        LibvirtProvider,
        Network,
        Pool,
        Volume,
    )
    from tfproviders.libvirt.domain import DomainDisk, DomainNetworkInterface
    from tfproviders.random import Password, RandomProvider

    stack = TerraformStack(App(), "libvirt")
    LibvirtProvider(stack, "libvirt", uri="qemu:///system")
    RandomProvider(stack, "random")
    password = Password(stack, "root", length=24, special=False)
    pool = Pool(stack, "pool", name="lab", type="dir", target=[{"path": "/var/lib/lab"}])
    base = Volume(stack, "base", name="debian.qcow2", pool=pool.name, source="/img/debian.qcow2")
    network = Network(
        stack, "mgmt", name="mgmt", mode="nat", addresses=["10.10.0.0/24"], autostart=True,
        dns=[{"enabled": True, "local_only": True}], dhcp=[{"enabled": False}],
    )  # fmt: skip
    for n in (1, 2):
        disk = Volume(
            stack, f"disk{n}", name=f"ctl{n}.qcow2", pool=pool.name, base_volume_id=base.id
        )
        seed = CloudinitDisk(
            stack, f"seed{n}", name=f"ctl{n}-seed.iso", pool=pool.name,
            user_data=f"#cloud-config\nhostname: ctl{n}\nchpasswd:\n  list: |\n"
                      f"    root:{password.result}\n",
        )  # fmt: skip
        Domain(
            stack, f"ctl{n}", name=f"ctl{n}", memory=4096, vcpu=2, cloudinit=seed.id,
            running=True, qemu_agent=False,
            disk=[DomainDisk(volume_id=disk.id), DomainDisk(file="/img/data\\disk.raw")],
            network_interface=[
                DomainNetworkInterface(network_id=network.id, addresses=[f"10.10.0.1{n}"],
                                       hostname=f"ctl{n}", wait_for_lease=True),
            ],
            console=[{"type": "pty", "target_port": "0", "target_type": "serial"}],
            graphics=[{"type": "vnc", "listen_type": "address"}],
            cpu=[{"mode": "host-passthrough"}],
            cmdline=[{"console": "ttyS0"}, {"panic": "-1"}],
        )  # fmt: skip
    return stack


def openstack() -> Any:
    """The OpenStack platform pieces: networks, ports with VIP pairs, servers, FIPs."""
    from tfbindgen.engine import App, TerraformStack
    from tfproviders.openstack import (
        ComputeInstanceV2,
        ComputeServergroupV2,
        DataImagesImageV2,
        NetworkingFloatingipAssociateV2,
        NetworkingFloatingipV2,
        NetworkingNetworkV2,
        NetworkingPortV2,
        NetworkingRouterInterfaceV2,
        NetworkingRouterV2,
        NetworkingSecgroupRuleV2,
        NetworkingSecgroupV2,
        NetworkingSubnetV2,
        OpenstackProvider,
    )
    from tfproviders.openstack.networking_port_v2 import (
        NetworkingPortV2AllowedAddressPairs,
        NetworkingPortV2FixedIp,
    )

    stack = TerraformStack(App(), "openstack")
    OpenstackProvider(
        stack, "openstack", cloud="lab", region="RegionOne",
        endpoint_overrides={"computeV2": "https://nova/v2.1/", "network": "https://neutron/"},
    )  # fmt: skip
    second = OpenstackProvider(stack, "region2", alias="region2", cloud="lab", region="RegionTwo")
    NetworkingNetworkV2(stack, "elsewhere", name="elsewhere", provider=second)
    image = DataImagesImageV2(stack, "image", name="debian-12", most_recent=True)
    network = NetworkingNetworkV2(stack, "mgmt", name="mgmt", admin_state_up=True)
    subnet = NetworkingSubnetV2(
        stack, "mgmt_subnet", network_id=network.id, cidr="10.20.0.0/24", ip_version=4,
        allocation_pool=[{"start": "10.20.0.100", "end": "10.20.0.200"}],
        dns_nameservers=["10.20.0.1"],
    )  # fmt: skip
    router = NetworkingRouterV2(stack, "router", name="r", external_network_id="public-id")
    NetworkingRouterInterfaceV2(stack, "router_if", router_id=router.id, subnet_id=subnet.id)
    group = NetworkingSecgroupV2(stack, "cluster", name="cluster", description='ha "cluster"')
    NetworkingSecgroupRuleV2(
        stack, "corosync", direction="ingress", ethertype="IPv4", protocol="udp",
        port_range_min=5405, port_range_max=5406, remote_group_id=group.id,
        security_group_id=group.id,
    )  # fmt: skip
    servers = ComputeServergroupV2(stack, "lbs", name="lbs", policies=["anti-affinity"])
    for n in (1, 2):
        port = NetworkingPortV2(
            stack, f"lb{n}_port", network_id=network.id, security_group_ids=[group.id],
            fixed_ip=[NetworkingPortV2FixedIp(subnet_id=subnet.id, ip_address=f"10.20.0.1{n}")],
            allowed_address_pairs=[NetworkingPortV2AllowedAddressPairs(ip_address="10.20.0.10")],
        )  # fmt: skip
        server = ComputeInstanceV2(
            stack, f"lb{n}", name=f"lb{n}", flavor_name="m1.small", image_id=image.id,
            user_data="#cloud-config\npackages: [haproxy]\n",
            metadata={"role": "lb", "index": str(n)},
            scheduler_hints=[{"group": servers.id}],
            network=[{"port": port.id}],
        )  # fmt: skip
        address = NetworkingFloatingipV2(stack, f"lb{n}_fip", pool="public")
        NetworkingFloatingipAssociateV2(
            stack, f"lb{n}_fip_assoc", floating_ip=address.address, port_id=port.id
        )
        del server
    return stack


def random() -> Any:
    from tfbindgen.engine import App, TerraformStack
    from tfproviders.random import Bytes, Password, RandomProvider

    stack = TerraformStack(App(), "random")
    RandomProvider(stack, "random")
    Password(
        stack, "db", length=32, override_special="!#$%&*()-_=+[]{}<>:?\\\"'",
        keepers={"rotation": "2024-Q1"}, min_numeric=2,
    )  # fmt: skip
    Bytes(stack, "authkey", length=256)
    return stack


PROGRAMS: dict[str, Callable[[], Any]] = {
    "libvirt": libvirt,
    "openstack": openstack,
    "random": random,
    "fidelity": fidelity,
}


def main(bindings: str) -> None:
    sys.path.insert(0, bindings)
    from tfbindgen.engine import ENGINE, Testing

    out: dict[str, Any] = {"engine": ENGINE}
    for name, build in PROGRAMS.items():
        stack = build()
        out[name] = {"json": Testing.synth(stack), "hcl": Testing.synth_hcl(stack)}
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
