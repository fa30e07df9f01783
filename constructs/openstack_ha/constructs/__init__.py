"""CDK constructs of the HA control plane: usable whole or one by one.

``HaOpenStackCloud`` builds a whole lab from a lab spec on a platform. It is
made of constructs a stack can also take separately: ``SegregatedNetworks``,
``LabSecrets`` and the node groups (``ControllerNodes``, ``GaleraCluster``,
``BrokerCluster``, ``LoadBalancerNodes``, ``ConvergedNodes``).
"""

from openstack_ha.constructs.cloud import HaOpenStackCloud
from openstack_ha.constructs.groups import (
    BrokerCluster,
    ControllerNodes,
    ConvergedNodes,
    GaleraCluster,
    LoadBalancerNodes,
    NodeGroup,
)
from openstack_ha.constructs.networks import SegregatedNetworks
from openstack_ha.constructs.secrets import LabSecrets
from openstack_ha.constructs.userdata import terraform_template
from openstack_ha.model.connections import Connections, Peer, PortRange

__all__ = [
    "BrokerCluster",
    "Connections",
    "ControllerNodes",
    "ConvergedNodes",
    "GaleraCluster",
    "HaOpenStackCloud",
    "LabSecrets",
    "LoadBalancerNodes",
    "NodeGroup",
    "Peer",
    "PortRange",
    "SegregatedNetworks",
    "terraform_template",
]
