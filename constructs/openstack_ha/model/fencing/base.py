"""One module per fence agent, found through a registry: what an agent adds to a lab.

A :class:`FenceAgentModule` declares, for the clusters it fences: the
stonith agent and its parameters per target, the plug (what the agent calls
the target), the port-matrix rows it needs, the secrets, the FencingPlan
facts, the files it writes on full members (from secrets), extra node
services and a shared disk (SBD), and its fragments of the Pacemaker
bootstrap step. The derivation and the renderer assemble these and know no
agent by name. See docs/ARCHITECTURE.md, "Add a fence agent".
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Literal

if TYPE_CHECKING:
    from openstack_ha.model.os_families import OsFamily
    from openstack_ha.model.plan import PacemakerCluster, Plan, SbdPlan, SecretNeed
    from openstack_ha.model.spec import LabSpec

__all__ = [
    "FENCE_AGENTS",
    "FenceAgentModule",
    "FenceFile",
    "FencePort",
    "fence_agent",
    "register_fence_agent",
    "registered_fence_agent",
]


@dataclass(frozen=True)
class FencePort:
    """A port-matrix row an agent needs for a cluster group (``group`` = that group)."""

    source: str
    target: str
    protocol: Literal["tcp", "udp"]
    port: int
    purpose: str
    network: str = "management"


@dataclass(frozen=True)
class FenceFile:
    """A file on every full member holding a secret: ``path`` gets secret ``secret``."""

    path: str
    secret: str
    mode: str = "0600"


class FenceAgentModule:
    """Defaults: nothing beyond the stonith device itself."""

    name: ClassVar[str]
    # The stonith agent Pacemaker runs (fence_sbd for sbd).
    agent_type: ClassVar[str]
    # Platforms whose guests it can fence.
    platforms: ClassVar[tuple[str, ...]]
    # Services it adds on every cluster member (systemd level).
    node_services: ClassVar[tuple[str, ...]] = ()
    # Fragments of the Pacemaker bootstrap step (full members): ``install`` runs
    # after the authkeys are in place, ``cib`` on the CIB loader just before it
    # loads the CIB (it may rewrite "$cib"). Both see ``b``, ``p`` (the Pacemaker
    # step's facts) and ``f`` (:meth:`bootstrap_context`).
    bootstrap_install: ClassVar[str | None] = None
    bootstrap_cib: ClassVar[str | None] = None

    def plug(self, spec: LabSpec, target: str) -> str:
        """What the agent calls ``target``: by default its platform name (<lab>-<host>)."""
        return f"{spec.name}-{target}"

    def params(self, spec: LabSpec, os: OsFamily, cluster: str) -> dict[str, str]:
        """The device's parameters besides pcmk_host_list, port and pcmk_delay_max."""
        del spec, os, cluster
        return {}

    def packages(self, os: OsFamily) -> tuple[str, ...]:
        return os.packages.fence.get(self.name, ())

    def port_rules(self, spec: LabSpec, group: str) -> Iterator[FencePort]:
        del spec, group
        yield from ()

    def secrets(self, spec: LabSpec, os: OsFamily) -> Iterator[SecretNeed]:
        del spec, os
        yield from ()

    def fencing_plan(self, spec: LabSpec, os: OsFamily) -> dict[str, Any]:
        """The FencingPlan fields this agent fills (the others stay None)."""
        del spec, os
        return {}

    def shared_disk(self, spec: LabSpec, cluster: str) -> SbdPlan | None:
        del spec, cluster
        return None

    def files(self, plan: Plan) -> tuple[FenceFile, ...]:
        del plan
        return ()

    def bootstrap_context(self, plan: Plan, cluster: PacemakerCluster) -> dict[str, Any]:
        del plan, cluster
        return {}


FENCE_AGENTS: dict[str, FenceAgentModule] = {}


def register_fence_agent(agent: FenceAgentModule) -> FenceAgentModule:
    if agent.name in FENCE_AGENTS or agent.name == "none":
        raise ValueError(f"a fence agent named {agent.name!r} is already registered")
    FENCE_AGENTS[agent.name] = agent
    return agent


def fence_agent(name: str) -> FenceAgentModule:
    try:
        return FENCE_AGENTS[name]
    except KeyError:
        raise KeyError(
            f"no fence agent {name!r}; registered: {', '.join(sorted(FENCE_AGENTS))}"
        ) from None


@contextmanager
def registered_fence_agent(agent: FenceAgentModule) -> Iterator[FenceAgentModule]:
    """Register ``agent`` for the duration of a ``with`` block (tests, experiments)."""
    register_fence_agent(agent)
    try:
        yield agent
    finally:
        del FENCE_AGENTS[agent.name]
