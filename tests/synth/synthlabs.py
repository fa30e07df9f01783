"""Synthesized labs, built once per session (jsii start-up is the slow part)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from openstack_ha.model.spec import LabSpec
from openstack_ha.stack import build
from tfbindgen.engine import Testing

LABS: dict[str, dict[str, Any]] = {
    "libvirt-dedicated": {},
    "libvirt-collapsed": {"layout": "collapsed"},
    "openstack-dedicated": {"platform": "openstack"},
    "openstack-collapsed": {"platform": "openstack", "layout": "collapsed"},
}


@dataclass(frozen=True)
class Synthesized:
    spec: LabSpec
    config: dict[str, Any]  # the Terraform JSON configuration
    hcl: str  # the HCL the engine writes as cdk.tf


def synthesize(spec: LabSpec) -> Synthesized:
    _, stack = build(spec)
    return Synthesized(spec, json.loads(Testing.synth(stack)), Testing.synth_hcl(stack))


_CACHE: dict[str, Synthesized] = {}


def lab(name: str) -> Synthesized:
    if name not in _CACHE:
        _CACHE[name] = synthesize(LabSpec.model_validate(LABS[name]))
    return _CACHE[name]
