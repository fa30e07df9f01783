"""Corosync, Pacemaker and fencing settings of the lab.

Defaults follow current practice: knet with crypto,
two knet links (management, storage), no-quorum-policy stop, fencing on.
"""

from __future__ import annotations

from ipaddress import IPv4Address
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

from openstack_ha.model.base import Frozen, Int, Str

# The registry only (base.py): the agents themselves import the plan, which imports this.
from openstack_ha.model.fencing.base import FENCE_AGENTS
from openstack_ha.model.limits import Range
from openstack_ha.model.networks import NetworkName

__all__ = [
    "CRYPTO_CIPHERS",
    "CRYPTO_HASHES",
    "MAX_KNET_LINKS",
    "CorosyncSpec",
    "FenceAgent",
    "FenceOpenstackSettings",
    "FenceVirshSettings",
    "FenceXvmSettings",
    "FencingSpec",
    "NoQuorumPolicy",
    "PacemakerSpec",
    "Platform",
    "SbdSettings",
]

Platform = Literal["libvirt", "openstack"]


def _registered_fence_agent(value: str) -> str:
    if value != "none" and value not in FENCE_AGENTS:
        raise ValueError(
            f"unknown fence agent {value!r}; use one of {', '.join([*FENCE_AGENTS, 'none'])}"
        )
    return value


class _FenceAgentSchema:
    """The JSON Schema lists the registered agents (as the Literal it replaces did)."""

    def __get_pydantic_json_schema__(
        self, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        schema = handler(core_schema)
        schema["enum"] = [*FENCE_AGENTS, "none"]
        return schema


# A registered fence agent (model.fencing) or "none".
FenceAgent = Annotated[str, AfterValidator(_registered_fence_agent), _FenceAgentSchema()]
NoQuorumPolicy = Literal["stop", "freeze", "demote", "suicide", "ignore"]

# corosync.conf(5) of corosync 3.1: knet crypto values other than "none".
CRYPTO_CIPHERS = ("aes256", "aes192", "aes128")
CRYPTO_HASHES = ("sha256", "sha384", "sha512", "sha1", "md5")
# knet supports up to 8 links per node (corosync.conf(5), "linknumber").
MAX_KNET_LINKS = 8


class CorosyncSpec(Frozen):
    """Corosync 3 totem settings shared by every Pacemaker cluster of the lab."""

    transport: Str = Field(
        default="knet",
        description=(
            "Totem transport. Only knet is accepted: udp/udpu cannot encrypt and are "
            "refused by upcoming corosync builds."
        ),
        json_schema_extra={"enum": ["knet"]},
    )
    crypto_cipher: Str = Field(
        default="aes256",
        description="knet crypto_cipher: aes256 (default), aes192 or aes128; never none.",
        json_schema_extra={"enum": list(CRYPTO_CIPHERS)},
    )
    crypto_hash: Str = Field(
        default="sha256",
        description="knet crypto_hash: sha256 (default), sha384, sha512, sha1 or md5; never none.",
        json_schema_extra={"enum": list(CRYPTO_HASHES)},
    )
    links: tuple[NetworkName, ...] = Field(
        default=("management", "storage"),
        description=(
            "Networks carrying the knet links, link 0 first (link N uses UDP port 5405+N). "
            "Default management then storage: two links, so one network failing does not "
            "split the cluster. At most 8; every cluster member must be on each network."
        ),
        # The corosync_links rule reports a wrong count (its message names the count).
        json_schema_extra={"minItems": 1, "maxItems": MAX_KNET_LINKS},
    )
    token_timeout_ms: Annotated[
        Int,
        Range(
            500,
            30000,
            "corosync_token",
            "a token timeout below 500 ms fences healthy nodes on a busy host, above 30 s "
            "stalls failover",
            "use {minimum}–{maximum} (default 3000)",
        ),
    ] = Field(
        default=3000,
        description=(
            "totem.token in ms: how long a silent member takes to be declared lost "
            "(then fenced). Default 3000 (corosync's own default); 500–30000."
        ),
    )


class PacemakerSpec(Frozen):
    """Cluster-wide Pacemaker options."""

    no_quorum_policy: NoQuorumPolicy = Field(
        default="stop",
        description=(
            "What a partition without quorum does. Default stop (Pacemaker's default). "
            "ignore is refused for clusters of 3 or more full members."
        ),
    )
    resource_stickiness: Int = Field(
        default=100,
        description=(
            "rsc_defaults resource-stickiness: resources stay where they run when a "
            "node comes back. Default 100; 0 lets them move back."
        ),
    )
    max_full_members: Annotated[
        Int,
        Range(
            2,
            32,
            "cluster_size",
            "Corosync and Pacemaker support {minimum} to {maximum} full members per cluster",
            "use {minimum}–{maximum} (members beyond it join as pacemaker_remote nodes)",
        ),
    ] = Field(
        default=32,
        description=(
            "Most Corosync/Pacemaker full members per cluster (2–32, Corosync's limit). "
            "Further members of a bigger group (load balancers) join as "
            "pacemaker_remote nodes (TCP 3121). Default 32."
        ),
    )


class FenceXvmSettings(Frozen):
    """fence_xvm: fence_virtd on each hypervisor, reached by multicast."""

    multicast_address: IPv4Address = Field(
        default=IPv4Address("225.0.0.12"),
        description="Multicast group fence_virtd listens on. Default 225.0.0.12 (its default).",
    )
    port: Annotated[
        Int,
        Range(
            1, 65535, "fencing_settings", "a port is {minimum}–{maximum}", "use 1229 (its default)"
        ),
    ] = Field(default=1229, description="fence_virtd port (UDP out, TCP back). Default 1229.")


class FenceVirshSettings(Frozen):
    """fence_virsh: ssh from the cluster node to the hypervisor, then virsh."""

    host: IPv4Address | None = Field(
        default=None,
        description=(
            "Address of the hypervisor as the guests see it. Unset: the management "
            "network's gateway (.1), which is the libvirt host on a NAT network."
        ),
    )
    user: Str = Field(default="root", description="ssh login on the hypervisor. Default root.")
    identity_file: Str = Field(
        default="/etc/cluster/fence_virsh_id_ed25519",
        description="Private key on each node (written by cloud-init from a secret).",
    )


class SbdSettings(Frozen):
    """SBD on one shareable raw disk per cluster plus an emulated watchdog."""

    disk_mib: Annotated[
        Int,
        Range(
            8,
            1024,
            "fencing_settings",
            "an SBD disk needs {minimum}–{maximum} MiB (it holds 255 slots of one sector)",
            "use 16",
        ),
    ] = Field(default=16, description="Size of the shared SBD disk in MiB. Default 16.")
    watchdog_timeout_s: Annotated[
        Int,
        Range(
            1,
            60,
            "fencing_settings",
            "the SBD watchdog timeout must be {minimum}–{maximum} seconds",
            "use e.g. 5",
        ),
    ] = Field(
        default=5,
        description=("SBD watchdog timeout (msgwait is twice this). Default 5 s; 1–60."),
    )


class FenceOpenstackSettings(Frozen):
    """fence_openstack: Nova stop/start through the credentials of a clouds.yaml entry.

    fence-agents 4.12 (Debian 12) reads username, password and project from
    clouds.yaml; application credentials need a newer fence_openstack.
    """

    cloud: Str = Field(
        default="fence",
        description=(
            "Entry of clouds.yaml (written from a sensitive Terraform variable) that "
            "fence_openstack uses. Default 'fence'."
        ),
    )


class FencingSpec(Frozen):
    """How cluster members are fenced."""

    agent: FenceAgent | None = Field(
        default=None,
        description=(
            "Fence agent. Unset: the platform's default, sbd on libvirt (a shared disk and "
            "a watchdog in the plan itself, nothing to set up on the host) and "
            "fence_openstack on OpenStack. none switches fencing off (stonith-enabled=false) "
            "and every render and synth prints a warning."
        ),
    )
    delay_max_s: Annotated[
        Int,
        Range(
            1,
            120,
            "fencing_settings",
            "the fence race delay must be between {minimum} and {maximum} seconds",
            "use e.g. 15",
        ),
    ] = Field(
        default=15,
        description=(
            "pcmk_delay_max on the fence device of the second member of every 2-node "
            "cluster, so the two cannot shoot each other at once (the first member, "
            "where the VIPs start, is fenced without delay when it dies). "
            "Default 15 s; 1–120."
        ),
    )
    fence_xvm: FenceXvmSettings = Field(default=FenceXvmSettings())
    fence_virsh: FenceVirshSettings = Field(default=FenceVirshSettings())
    sbd: SbdSettings = Field(default=SbdSettings())
    fence_openstack: FenceOpenstackSettings = Field(default=FenceOpenstackSettings())

    def resolved_agent(self, platform: Platform) -> FenceAgent:
        """``agent`` or the platform's default."""
        if self.agent is not None:
            return self.agent
        # The profiles import the plan, which imports this module.
        from openstack_ha.model.platforms.base import platform_profile  # noqa: PLC0415

        return platform_profile(platform).default_fence_agent
