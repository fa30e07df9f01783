"""One stack using the bindings of the issue-16 edge-case fixtures as ported stock code would.

Imported by test_edge_cases.py (which plans its JSON and HCL with Terraform)
and type-checked there with strict mypy, so every member used here must be
typed as stock users expect. Fixture packages are ``fx_<provider>``.
"""

from __future__ import annotations

from fx_assign.provider import AssignProvider
from fx_assign.thing import Thing as AssignThing
from fx_lcblock.provider import LcblockProvider
from fx_lcblock.thing import Thing as LifecycleThing
from fx_meta.data_info import DataInfo as MetaInfo
from fx_meta.provider import MetaProvider
from fx_meta.thing import Thing as MetaThing
from fx_port.provider import PortProvider
from fx_port.thing import Thing as PortThing
from fx_port.thing import ThingDisk
from fx_selfref.provider import SelfrefProvider
from fx_selfref.thing import Thing as SelfThing
from fx_selfref.thing import ThingLink

from tfbindgen.engine import TerraformStack

# local name -> fixture schema file, for the stand-in provider
PROVIDERS = {
    "assign": "assignment-after-construction.json",
    "lcblock": "lifecycle-in-block.json",
    "meta": "meta-argument-names.json",
    "port": "porting.json",
    "selfref": "self-in-block.json",
}


def build(stack: TerraformStack) -> None:
    # 1. assignment after construction, as stock bindings allow
    provider = AssignProvider(stack, "assign")
    provider.endpoint = "https://api.example"
    vm = AssignThing(stack, "assigned", name="first", size=1, tags={"a": "1"})
    vm.name = "second"
    vm.tags = {"b": "2"}
    vm.reset_size()
    vm.rule = [{"port": 22}]
    vm.put_rule([{"port": 80}, {"port": 443}])

    # 2. `self` inside a block (and at the top)
    SelfThing(stack, "self", self_="top", link=[ThingLink(self_="inner", href="h")])

    # 3. arguments named like meta-arguments reach the provider
    MetaThing(
        stack,
        "meta",
        name="m",
        count_=3,
        provider_="p",
        for_each_="f",
        depends_on_=["d"],
        provisioner="pr",
        lifecycle_=[{"stage": "s"}],
        connection_={"host": "h"},
    )
    MetaInfo(stack, "meta-info", count_=2, lifecycle_="lc", provider_="p")

    # 4. a nested attribute named lifecycle (and provisioner)
    LifecycleThing(stack, "lifecycle", rule=[{"name": "r", "lifecycle": "l", "provisioner": "p"}])

    # 9. porting: a single object where max_items = 1, stock indexing
    source = PortThing(
        stack,
        "source",
        name="src",
        boot={"dev": "vda"},
        disk=[ThingDisk(volume="v1"), ThingDisk(volume="v2")],
        nic=[{"mac": "52:54:00:00:00:01"}],
        meta={"k": {"v": "meta-value"}},
    )
    PortThing(
        stack,
        "reader",
        name=source.disk.get(1).wwn,
        disk=[
            ThingDisk(volume=source.boot.dev),
            ThingDisk(volume=source.nic.get(0).mac),
            ThingDisk(volume=source.meta.get("k").v),
            ThingDisk(volume=source.disk.get(0).volume),
        ],
    )
    for provider_class in (LcblockProvider, MetaProvider, PortProvider, SelfrefProvider):
        provider_class(stack, f"provider-{provider_class.TF_RESOURCE_TYPE}")
