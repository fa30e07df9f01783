"""A CDK program of tricky values through the pinned bindings; writes its unformatted cdk.tf.

Run as a script (``python hclfmt_engine_corpus.py OUTDIR``) it synthesizes one
stack with the engine ``OPENSTACK_HA_ENGINE`` selects, the way the lab stack
does (``App(hcl_output=True)`` and a local backend), and prints the path of
the ``cdk.tf`` it wrote. The values aim at what a formatter can get wrong:
heredocs with indented and ``EOF``-like lines, strings with ``\\"``, ``\\\\``,
``${...}``, ``%{...}`` and nested quotes, unicode (also in map keys, which
set alignment widths), empty and repeated blocks, lists, maps, references,
numbers, meta-arguments (provider, count, depends_on, lifecycle), variables,
locals and outputs.
"""

from __future__ import annotations

import sys
from pathlib import Path

HEREDOC_TEXTS = (
    "#cloud-config\nwrite_files:\n  - path: /etc/x\n    content: |\n      indented\n\tand tab\n",
    "before\n  EOF\nEOF2\n EOFX\nafter\n",
    "has ${var.ref} and %{ if var.on }on%{ endif } inside\n",
    'quotes " and backslash \\ and \\n literal\n',
    "unicode é ✓ 日本語 🎉 e\u0301\n",
    "trailing spaces   \n\n\nblank lines above\n",
)
ONE_LINE_TEXTS = (
    "",
    'say "hi"',
    "C:\\new\\table\\",
    "tab\there",
    "${var.ref}",
    "prefix ${var.ref} suffix",
    '%{ if var.on == "yes" }y%{ else }n%{ endif }',
    '${upper("a\\nb")}',
    "$${not} and %%{not}",
    "unicode: é ✓ 日本語 🎉",
    "crlf\r\nline",
    "EOF",
)


def build(outdir: str) -> Path:
    from tfbindgen.engine import (
        App,
        LocalBackend,
        TerraformOutput,
        TerraformStack,
        TerraformVariable,
    )
    from tfproviders.libvirt import CloudinitDisk, Domain, LibvirtProvider, Network, Volume
    from tfproviders.openstack import ComputeInstanceV2, NetworkingPortV2, OpenstackProvider
    from tfproviders.random import Password, RandomProvider

    app = App(hcl_output=True, stack_traces=False, outdir=outdir)
    stack = TerraformStack(app, "corpus")
    LocalBackend(stack, path="terraform.tfstate")
    ref = TerraformVariable(stack, "ref", default="REF-1", type="string", description='a "ref"')
    TerraformVariable(stack, "on", default="yes", type="string")
    RandomProvider(stack, "random")
    LibvirtProvider(stack, "libvirt", uri="qemu:///system")
    second = LibvirtProvider(stack, "libvirt_remote", uri="qemu+ssh://h/system", alias="remote")
    OpenstackProvider(stack, "openstack", cloud="lab", endpoint_overrides={"network": "https://n/"})
    password = Password(
        stack, "password", length=32, override_special="!#$%&*()-_=+[]{}<>:?\\\"'",
        keepers={"rotation": "2024-Q1", "ключ": "значение", "🎉": "x", "a b": ""},
    )  # fmt: skip
    base = Volume(stack, "base", name="base.qcow2", pool="default", size=42949672960)
    network = Network(
        stack, "net", name="n", mode="nat", addresses=["10.0.0.0/24", "fd00::/64"],
        autostart=True, dns=[{"enabled": True, "local_only": True, "hosts": [
            {"hostname": "a", "ip": "10.0.0.2"}, {"hostname": "bb", "ip": "10.0.0.3"}]}],
        dhcp=[{"enabled": False}], xml=[{"xslt": HEREDOC_TEXTS[0]}],
    )  # fmt: skip
    for index, text in enumerate(HEREDOC_TEXTS + ONE_LINE_TEXTS):
        disk = CloudinitDisk(
            stack, f"seed{index}", name=f"seed{index}.iso", user_data=text,
            meta_data=f"instance-id: i{index}\n", provider=second if index % 2 else None,
        )  # fmt: skip
        Volume(
            stack, f"vol{index}", name=f"vol{index}", base_volume_id=base.id,
            count=1 if index == 0 else None, depends_on=[disk] if index == 1 else None,
        )  # fmt: skip
    Domain(
        stack, "domain", name="d", memory=8192, vcpu=4, cloudinit=network.id,
        disk=[{"volume_id": base.id}, {"file": "/img/data\\disk.raw"}],
        network_interface=[{"network_id": network.id, "addresses": ["10.0.0.10"],
                            "wait_for_lease": False, "mac": "52:54:00:00:00:14"}],
        console=[{"type": "pty", "target_port": "0", "target_type": "serial"}],
        cmdline=[{"console": "ttyS0"}, {"panic": "-1"}], graphics=[],
    )  # fmt: skip
    port = NetworkingPortV2(
        stack, "port", network_id="net-id", admin_state_up=True,
        allowed_address_pairs=[{"ip_address": "10.0.0.100"}, {"ip_address": "10.0.0.101"}],
        fixed_ip=[{"subnet_id": "s", "ip_address": "10.0.0.20"}],
    )  # fmt: skip
    ComputeInstanceV2(
        stack, "server", name="s", flavor_name="m1.small", image_name="debian-12",
        user_data=HEREDOC_TEXTS[2], security_groups=[], tags=["a", 'b"', "é"],
        metadata={"role": "lb", "index": "1", "x-y": f"{ref.string_value}-z", "quote\"k": "v",
                  "unicode é": "🎉"},
        network=[{"port": port.id}], scheduler_hints=[{"group": "g"}],
    )  # fmt: skip
    TerraformOutput(stack, "password_out", value=password.result, sensitive=True)
    TerraformOutput(stack, "list_out", value=[base.id, "x", 1, True])
    TerraformOutput(stack, "map_out", value={"a": base.id, "long key": "y"})
    app.synth()
    return Path(app.outdir) / "stacks" / "corpus" / "cdk.tf"


if __name__ == "__main__":
    print(build(sys.argv[1]))
