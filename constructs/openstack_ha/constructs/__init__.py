"""CDK constructs of the HA control plane: usable whole or one by one.

``HaOpenStackCloud`` builds a whole lab from a lab spec on a platform. It is
made of constructs a stack can also take separately: ``SegregatedNetworks``,
``LabSecrets`` and the node groups (``ControllerGroup``, ``GaleraCluster``,
``BrokerCluster``, ``LoadBalancerGroup``, ``ConvergedGroup``).
"""

from openstack_ha.constructs.cloud import HaOpenStackCloud
from openstack_ha.constructs.connections import Connections, Peer, PortRange
from openstack_ha.constructs.groups import (
    BrokerCluster,
    ControllerGroup,
    ConvergedGroup,
    GaleraCluster,
    LoadBalancerGroup,
    NodeGroup,
)
from openstack_ha.constructs.networks import SegregatedNetworks
from openstack_ha.constructs.secrets import LabSecrets
from openstack_ha.constructs.userdata import terraform_template

__all__ = [
    "BrokerCluster",
    "Connections",
    "ControllerGroup",
    "ConvergedGroup",
    "GaleraCluster",
    "HaOpenStackCloud",
    "LabSecrets",
    "LoadBalancerGroup",
    "NodeGroup",
    "Peer",
    "PortRange",
    "SegregatedNetworks",
    "terraform_template",
]
