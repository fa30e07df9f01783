"""The lab model: a validated lab spec and the plan derived from it.

Plain Python (pydantic), no CDK import. Typical use::

    from openstack_ha.model import LabSpec, DatabaseGroup, derive_plan, load_lab

    spec = LabSpec(database=DatabaseGroup(count=5))   # checks the structure only
    plan = derive_plan(spec)                          # validates (LabError lists every problem);
                                                      # frozen, JSON-able, deterministic
    validate_lab(spec)                                # the same validation, without a plan
    spec = load_lab("lab.yaml")                       # a YAML lab file (only what differs)
"""

from openstack_ha.model.derive import derive_plan, plan_invariant_problems
from openstack_ha.model.errors import CODES, LabError, Problem
from openstack_ha.model.groups import (
    GROUP_ORDER,
    BrokerGroup,
    ControllerGroup,
    ConvergedGroup,
    DatabaseGroup,
    LoadBalancerGroup,
)
from openstack_ha.model.ha import (
    CorosyncSpec,
    FenceOpenstackSettings,
    FenceVirshSettings,
    FenceXvmSettings,
    FencingSpec,
    PacemakerSpec,
    SbdSettings,
)
from openstack_ha.model.loader import lab_json_schema, load_lab, parse_lab
from openstack_ha.model.networks import NETWORK_ORDER, Network, Networks, TenantNetwork
from openstack_ha.model.os_families import OS_FAMILIES, OsFamily
from openstack_ha.model.plan import Plan, PlanWarning
from openstack_ha.model.platforms import LibvirtSettings, OpenStackFlavors, OpenStackSettings
from openstack_ha.model.registry import ApiService, api_services, register_api_service
from openstack_ha.model.rules import PLATFORM_RULES, RULES, Rule, check_rules, validate_lab
from openstack_ha.model.spec import LabSpec
from openstack_ha.model.summary import format_summary
from openstack_ha.model.vips import Vip, Vips

__all__ = [
    "CODES",
    "GROUP_ORDER",
    "NETWORK_ORDER",
    "OS_FAMILIES",
    "PLATFORM_RULES",
    "RULES",
    "ApiService",
    "BrokerGroup",
    "ControllerGroup",
    "ConvergedGroup",
    "CorosyncSpec",
    "DatabaseGroup",
    "FenceOpenstackSettings",
    "FenceVirshSettings",
    "FenceXvmSettings",
    "FencingSpec",
    "LabError",
    "LabSpec",
    "LibvirtSettings",
    "LoadBalancerGroup",
    "Network",
    "Networks",
    "OpenStackFlavors",
    "OpenStackSettings",
    "OsFamily",
    "PacemakerSpec",
    "Plan",
    "PlanWarning",
    "Problem",
    "Rule",
    "SbdSettings",
    "TenantNetwork",
    "Vip",
    "Vips",
    "api_services",
    "check_rules",
    "derive_plan",
    "format_summary",
    "lab_json_schema",
    "load_lab",
    "parse_lab",
    "plan_invariant_problems",
    "register_api_service",
    "validate_lab",
]
