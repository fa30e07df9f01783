"""OpenStack adapter (terraform-provider-openstack 3.4.0): a lab inside an existing cloud.

Networks with subnets whose allocation pools are the plan's ranges (so node
addresses and VIPs stay free); a router to the existing external network on
the NAT-flavoured networks; one port per node per network with its fixed
address. VIP addresses are reserved as ports and listed in the
``allowed_address_pairs`` of every port that may hold them (port security
stays on: Neutron refuses address pairs without it). Each group has a
security group with exactly the plan's port matrix, open only from the
rule's network, and an anti-affinity server group.
"""

from __future__ import annotations

from collections.abc import Mapping

from openstack_ha.model.connections import Connections
from openstack_ha.model.plan import GroupPlan, Node, Plan, PlanNetwork
from openstack_ha.platforms.base import (
    USER_DATA_IS_FIRST_BOOT_ONLY,
    GroupHandle,
    NetworkHandle,
    NodeHandle,
    Platform,
    register_adapter,
)
from tfbindgen.engine import Construct
from tfproviders.openstack.compute_instance_v2 import (
    ComputeInstanceV2,
    ComputeInstanceV2BlockDevice,
    ComputeInstanceV2Network,
    ComputeInstanceV2SchedulerHints,
)
from tfproviders.openstack.compute_servergroup_v2 import ComputeServergroupV2
from tfproviders.openstack.data_images_image_v2 import DataImagesImageV2
from tfproviders.openstack.data_networking_network_v2 import DataNetworkingNetworkV2
from tfproviders.openstack.networking_floatingip_v2 import NetworkingFloatingipV2
from tfproviders.openstack.networking_network_v2 import NetworkingNetworkV2
from tfproviders.openstack.networking_port_v2 import (
    NetworkingPortV2,
    NetworkingPortV2AllowedAddressPairs,
    NetworkingPortV2FixedIp,
)
from tfproviders.openstack.networking_router_interface_v2 import NetworkingRouterInterfaceV2
from tfproviders.openstack.networking_router_v2 import NetworkingRouterV2
from tfproviders.openstack.networking_secgroup_rule_v2 import NetworkingSecgroupRuleV2
from tfproviders.openstack.networking_secgroup_v2 import NetworkingSecgroupV2
from tfproviders.openstack.networking_subnet_v2 import (
    NetworkingSubnetV2,
    NetworkingSubnetV2AllocationPool,
)
from tfproviders.openstack.provider import OpenstackProvider

# Neutron's name for IP protocol 112.
_PROTOCOLS = {"tcp": "tcp", "udp": "udp", "vrrp": "vrrp"}


@register_adapter
class OpenStackPlatform(Platform):
    """Builds a lab in an existing OpenStack project; one instance serves one cloud.

    Credentials come from the environment (``OS_CLOUD`` or ``OS_*``), never
    from the plan: the provider block only names the region when the lab does.
    """

    name = "openstack"

    def __init__(self) -> None:
        self._external: DataNetworkingNetworkV2 | None = None
        self._router: NetworkingRouterV2 | None = None
        self._image: DataImagesImageV2 | None = None
        self._interfaces: dict[str, NetworkingRouterInterfaceV2] = {}

    def bind(self, scope: Construct, plan: Plan) -> None:
        assert plan.openstack is not None, "the openstack platform needs the plan's settings"
        OpenstackProvider(scope, "openstack", region=plan.openstack.region)
        self._external = DataNetworkingNetworkV2(
            scope, "external-network", name=plan.openstack.external_network, external=True
        )
        self._image = DataImagesImageV2(
            scope, "image", name=plan.openstack.image_name, most_recent=True
        )
        self._router = NetworkingRouterV2(
            scope,
            "router",
            name=f"{plan.lab}-router",
            external_network_id=self._external.id,
            admin_state_up=True,
        )

    def network(self, scope: Construct, plan: Plan, network: PlanNetwork) -> NetworkHandle:
        neutron = NetworkingNetworkV2(
            scope,
            network.name,
            name=network.platform_name,
            admin_state_up=True,
            port_security_enabled=True,
        )
        subnet = NetworkingSubnetV2(
            scope,
            f"{network.name}-subnet",
            name=f"{network.platform_name}-subnet",
            network_id=neutron.id,
            cidr=str(network.cidr),
            ip_version=4,
            enable_dhcp=True,
            gateway_ip=str(network.gateway) if network.nat else None,
            no_gateway=None if network.nat else True,
            allocation_pool=[
                NetworkingSubnetV2AllocationPool(
                    start=str(network.dhcp_start), end=str(network.dhcp_end)
                )
            ],
        )
        resources: list[Construct] = [neutron, subnet]
        if network.nat:
            assert self._router is not None
            interface = NetworkingRouterInterfaceV2(
                scope,
                f"{network.name}-router-interface",
                router_id=self._router.id,
                subnet_id=subnet.id,
            )
            self._interfaces[network.name] = interface
            resources.append(interface)
        return NetworkHandle(
            plan=network, ids={"": neutron.id}, subnet_id=subnet.id, resources=tuple(resources)
        )

    def vips(
        self, scope: Construct, plan: Plan, networks: Mapping[str, NetworkHandle]
    ) -> Mapping[str, Construct]:
        ports: dict[str, Construct] = {}
        for vip in plan.vips:
            network = networks[vip.network]
            assert network.subnet_id is not None
            ports[vip.name] = NetworkingPortV2(
                scope,
                f"vip-{vip.name}",
                name=f"{plan.lab}-vip-{vip.name}",
                network_id=network.ids[""],
                admin_state_up=True,
                fixed_ip=[
                    NetworkingPortV2FixedIp(
                        subnet_id=network.subnet_id, ip_address=str(vip.address)
                    )
                ],
            )
        return ports

    def group(
        self,
        scope: Construct,
        plan: Plan,
        *,
        group: GroupPlan,
        connections: Connections,
        networks: Mapping[str, NetworkHandle],
    ) -> GroupHandle:
        del networks
        secgroup = NetworkingSecgroupV2(
            scope,
            "secgroup",
            name=f"{plan.lab}-{group.name}",
            description=f"{plan.lab}: what the {group.name} group lets in (the plan's port matrix)",
        )
        for ingress in connections.ingress:
            ports = ingress.ports
            rule_id = (
                f"ingress-{ingress.peer.source}-{ingress.peer.network}-{ports.protocol}"
                + ("" if ports.low is None else f"-{ports.low}")
                + ("" if ports.high == ports.low else f"-{ports.high}")
            )
            NetworkingSecgroupRuleV2(
                scope,
                rule_id,
                security_group_id=secgroup.id,
                direction="ingress",
                ethertype="IPv4",
                protocol=_PROTOCOLS[ports.protocol],
                port_range_min=ports.low,
                port_range_max=ports.high,
                remote_ip_prefix=str(ingress.peer.cidr),
                description=ingress.purpose,
            )
        servergroup = ComputeServergroupV2(
            scope, "servergroup", name=f"{plan.lab}-{group.name}", policies=["anti-affinity"]
        )
        return GroupHandle(
            name=group.name, resources={"secgroup": secgroup, "servergroup": servergroup}
        )

    def node(
        self,
        scope: Construct,
        plan: Plan,
        *,
        node: Node,
        user_data: str,
        group: GroupHandle,
        networks: Mapping[str, NetworkHandle],
    ) -> NodeHandle:
        assert self._image is not None
        secgroup = group.resources["secgroup"]
        servergroup = group.resources["servergroup"]
        assert isinstance(secgroup, NetworkingSecgroupV2)
        assert isinstance(servergroup, ComputeServergroupV2)
        ports: dict[str, Construct] = {}
        nics = []
        for address in sorted(node.addresses, key=lambda a: a.nic_index):
            network = networks[address.network]
            assert network.subnet_id is not None
            pairs = [
                NetworkingPortV2AllowedAddressPairs(ip_address=str(vip.address))
                for vip in plan.vips
                if vip.network == address.network and node.hostname in vip.candidates
            ]
            port = NetworkingPortV2(
                scope,
                f"port-{address.network}",
                name=f"{node.platform_name}-{address.network}",
                network_id=network.ids[""],
                admin_state_up=True,
                port_security_enabled=True,
                security_group_ids=[secgroup.id],
                fixed_ip=[
                    NetworkingPortV2FixedIp(
                        subnet_id=network.subnet_id, ip_address=str(address.address)
                    )
                ],
                allowed_address_pairs=pairs or None,
            )
            ports[f"port-{address.network}"] = port
            nics.append(ComputeInstanceV2Network(port=port.id))
        server = ComputeInstanceV2(
            scope,
            "server",
            name=node.platform_name,
            flavor_name=node.flavor,
            availability_zone=node.availability_zone,
            user_data=user_data,
            config_drive=True,
            block_device=[
                ComputeInstanceV2BlockDevice(
                    uuid=self._image.id,
                    source_type="image",
                    destination_type="volume",
                    volume_size=node.disk_gib,
                    boot_index=0,
                    delete_on_termination=True,
                )
            ],
            network=nics,
            scheduler_hints=[ComputeInstanceV2SchedulerHints(group=servergroup.id)],
            lifecycle=USER_DATA_IS_FIRST_BOOT_ONLY,
        )
        return NodeHandle(node=node, server=server, resources=ports)

    def finish(
        self,
        scope: Construct,
        plan: Plan,
        networks: Mapping[str, NetworkHandle],
        vips: Mapping[str, Construct],
    ) -> None:
        assert plan.openstack is not None
        public = plan.vip("public")
        port = vips["public"]
        assert isinstance(port, NetworkingPortV2)
        interface = self._interfaces.get(public.network)
        NetworkingFloatingipV2(
            scope,
            "public-floating-ip",
            pool=plan.openstack.external_network,
            port_id=port.id,
            description=f"{plan.lab}: public API VIP {public.address}",
            # The floating IP needs the router to reach the VIP's subnet.
            depends_on=[interface] if interface is not None else None,
        )
