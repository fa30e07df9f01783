"""Guest OS families: package names, file paths and service names as data.

The renderers never spell a package or a path themselves: they read the
family of the lab here. Debian 12 is the family verified on this project's
machines (the names below were checked against the installed bookworm
packages with ``dpkg -L`` / ``apt-get download``: galera-4 26.4,
mariadb-server 10.11, pacemaker 2.1.5, corosync 3.1.7, crmsh 4.4, pcs 0.11,
haproxy 2.6, rabbitmq-server 3.10, keepalived 2.2, sbd 1.5,
galera-arbitrator-4, fence-agents and fence-virt 4.12).

EL9 (Rocky/Alma) and Ubuntu 24.04 are recorded from their distributions'
documentation and are NOT exercised by the tests here:
- EL9: the cluster stack lives in the ``highavailability`` repository (off by
  default on Rocky/Alma), has ``pcs`` and no ``crmsh``, splits fence agents
  per agent (``fence-agents-sbd``, ``fence-agents-virsh``,
  ``fence-agents-openstack``; ``fence_xvm`` is in ``fence-virt``), ships
  Galera as ``mariadb-server-galera`` + ``galera`` with the provider in
  ``/usr/lib64/galera/`` (RHEL 9 "Replicating MariaDB with Galera"), and has
  no RabbitMQ in the base OS: it comes from the CentOS messaging SIG
  (``centos-release-rabbitmq-38``).
- Ubuntu 24.04: as Debian, except that fence and resource agents are split
  into ``*-base`` (curated: fence_sbd, fence_virsh, IPaddr2) and ``*-extra``
  (fence_openstack, galera), per the Ubuntu Server "Pacemaker fence agents"
  guide; ``pcs`` is the recommended shell there, crmsh is still packaged.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from openstack_ha.model.base import Frozen

__all__ = [
    "OS_FAMILIES",
    "FenceAgentName",
    "OsFamily",
    "OsFamilyName",
    "OsPackages",
    "OsPaths",
    "OsServices",
]

OsFamilyName = Literal["debian12", "el9", "ubuntu2404"]
FenceAgentName = Literal["fence_xvm", "fence_virsh", "sbd", "fence_openstack"]


class OsPackages(Frozen):
    """Package names per role; a node installs the union of its roles' lists."""

    base: tuple[str, ...] = Field(description="Installed on every node.")
    pacemaker: tuple[str, ...] = Field(
        description="Corosync, Pacemaker, its CLI, a cluster shell and the resource agents."
    )
    pacemaker_remote: tuple[str, ...] = Field(
        description="What a pacemaker_remote node (beyond max_full_members) installs instead."
    )
    galera: tuple[str, ...] = Field(description="MariaDB server with the Galera provider.")
    galera_sst: dict[str, tuple[str, ...]] = Field(
        description="Extra packages per SST method (wsrep_sst_method)."
    )
    galera_arbitrator: tuple[str, ...] = Field(description="garbd, the Galera arbitrator.")
    haproxy: tuple[str, ...]
    keepalived: tuple[str, ...]
    rabbitmq: tuple[str, ...]
    fence: dict[str, tuple[str, ...]] = Field(description="Packages per fence agent.")


class OsPaths(Frozen):
    """Absolute paths of the files the renderers write, per family."""

    corosync_conf: str
    corosync_authkey: str
    pacemaker_authkey: str
    galera_config_dir: str = Field(description="Drop-in directory read by mariadbd.")
    galera_provider: str = Field(description="wsrep_provider: the Galera library.")
    mysql_config: str = Field(description="The main my.cnf (the galera agent's `config`).")
    mysql_datadir: str
    mysql_socket: str
    garbd_config: str = Field(description="Environment file of the garbd service.")
    haproxy_cfg: str
    keepalived_conf: str
    rabbitmq_conf: str
    rabbitmq_env: str
    rabbitmq_cookie: str
    sbd_config: str = Field(description="Environment file of the sbd daemon.")
    fence_xvm_key: str
    openstack_clouds_yaml: str = Field(
        description="clouds.yaml read by fence_openstack (its `cloud` parameter)."
    )


class OsServices(Frozen):
    """systemd unit names (without ``.service``)."""

    mariadb: str
    garbd: str
    haproxy: str
    keepalived: str
    rabbitmq: str
    corosync: str
    pacemaker: str
    pcsd: str
    sbd: str


class OsFamily(Frozen):
    """Everything family-specific that a renderer or a platform needs."""

    name: OsFamilyName
    label: str
    verified: bool = Field(
        description="True when this project's tests installed and ran these packages."
    )
    base_image_url: str = Field(
        description="Generic cloud image (qcow2) used on libvirt when libvirt.base_image is unset."
    )
    openstack_image_name: str = Field(
        description="Glance image name used on OpenStack when openstack.image_name is unset."
    )
    cloud_user: str = Field(description="The default user of the cloud image.")
    cluster_shells: tuple[Literal["crmsh", "pcs"], ...] = Field(
        description="Cluster shells packaged by the family, preferred first."
    )
    extra_repositories: tuple[str, ...] = Field(
        description="Repositories to enable before installing (names as the family calls them)."
    )
    packages: OsPackages
    paths: OsPaths
    services: OsServices


_DEBIAN_LIKE_PATHS = OsPaths(
    corosync_conf="/etc/corosync/corosync.conf",
    corosync_authkey="/etc/corosync/authkey",
    pacemaker_authkey="/etc/pacemaker/authkey",
    galera_config_dir="/etc/mysql/mariadb.conf.d",
    galera_provider="/usr/lib/galera/libgalera_smm.so",
    mysql_config="/etc/mysql/my.cnf",
    mysql_datadir="/var/lib/mysql",
    mysql_socket="/run/mysqld/mysqld.sock",
    garbd_config="/etc/default/garb",
    haproxy_cfg="/etc/haproxy/haproxy.cfg",
    keepalived_conf="/etc/keepalived/keepalived.conf",
    rabbitmq_conf="/etc/rabbitmq/rabbitmq.conf",
    rabbitmq_env="/etc/rabbitmq/rabbitmq-env.conf",
    rabbitmq_cookie="/var/lib/rabbitmq/.erlang.cookie",
    sbd_config="/etc/default/sbd",
    fence_xvm_key="/etc/cluster/fence_xvm.key",
    openstack_clouds_yaml="/etc/openstack/clouds.yaml",
)

_DEBIAN_LIKE_SERVICES = OsServices(
    mariadb="mariadb",
    garbd="garb",
    haproxy="haproxy",
    keepalived="keepalived",
    rabbitmq="rabbitmq-server",
    corosync="corosync",
    pacemaker="pacemaker",
    pcsd="pcsd",
    sbd="sbd",
)

_SST = {"mariabackup": ("mariadb-backup", "socat"), "rsync": ("rsync",)}

# fence_openstack imports novaclient and keystoneauth1 (and yaml for
# clouds.yaml); Debian's fence-agents does not depend on them.
_DEBIAN_OPENSTACK_FENCE_DEPS = ("python3-novaclient", "python3-keystoneauth1", "python3-yaml")

DEBIAN12 = OsFamily(
    name="debian12",
    label="Debian 12 (bookworm)",
    verified=True,
    base_image_url=(
        "https://cloud.debian.org/images/cloud/bookworm/latest/debian-12-genericcloud-amd64.qcow2"
    ),
    openstack_image_name="debian-12",
    cloud_user="debian",
    cluster_shells=("crmsh", "pcs"),
    extra_repositories=(),
    packages=OsPackages(
        base=("chrony", "curl", "iproute2"),
        pacemaker=("corosync", "pacemaker", "pacemaker-cli-utils", "crmsh", "resource-agents"),
        pacemaker_remote=("pacemaker-remote", "pacemaker-cli-utils", "resource-agents"),
        galera=("mariadb-server", "galera-4"),
        galera_sst=_SST,
        galera_arbitrator=("galera-arbitrator-4",),
        haproxy=("haproxy",),
        keepalived=("keepalived",),
        rabbitmq=("rabbitmq-server",),
        fence={
            "fence_xvm": ("fence-virt",),
            "fence_virsh": ("fence-agents",),
            "sbd": ("sbd", "fence-agents"),
            "fence_openstack": ("fence-agents", *_DEBIAN_OPENSTACK_FENCE_DEPS),
        },
    ),
    paths=_DEBIAN_LIKE_PATHS,
    services=_DEBIAN_LIKE_SERVICES,
)

UBUNTU2404 = OsFamily(
    name="ubuntu2404",
    label="Ubuntu 24.04 LTS (noble)",
    verified=False,
    base_image_url="https://cloud-images.ubuntu.com/noble/current/noble-server-cloudimg-amd64.img",
    openstack_image_name="ubuntu-24.04",
    cloud_user="ubuntu",
    cluster_shells=("pcs", "crmsh"),
    extra_repositories=(),
    packages=OsPackages(
        base=("chrony", "curl", "iproute2"),
        pacemaker=(
            "corosync",
            "pacemaker",
            "pacemaker-cli-utils",
            "pcs",
            "resource-agents-base",
            "resource-agents-extra",
        ),
        pacemaker_remote=(
            "pacemaker-remote",
            "pacemaker-cli-utils",
            "resource-agents-base",
            "resource-agents-extra",
        ),
        galera=("mariadb-server", "galera-4"),
        galera_sst=_SST,
        galera_arbitrator=("galera-arbitrator-4",),
        haproxy=("haproxy",),
        keepalived=("keepalived",),
        rabbitmq=("rabbitmq-server",),
        fence={
            "fence_xvm": ("fence-virt",),
            "fence_virsh": ("fence-agents-base",),
            "sbd": ("sbd", "fence-agents-base"),
            "fence_openstack": ("fence-agents-extra", *_DEBIAN_OPENSTACK_FENCE_DEPS),
        },
    ),
    paths=_DEBIAN_LIKE_PATHS,
    services=_DEBIAN_LIKE_SERVICES,
)

EL9 = OsFamily(
    name="el9",
    label="Enterprise Linux 9 (Rocky Linux / AlmaLinux)",
    verified=False,
    base_image_url=(
        "https://dl.rockylinux.org/pub/rocky/9/images/x86_64/"
        "Rocky-9-GenericCloud-Base.latest.x86_64.qcow2"
    ),
    openstack_image_name="rocky-9",
    cloud_user="rocky",
    cluster_shells=("pcs",),
    extra_repositories=("highavailability", "centos-release-rabbitmq-38"),
    packages=OsPackages(
        base=("chrony", "curl", "iproute"),
        pacemaker=("corosync", "pacemaker", "pcs", "resource-agents"),
        pacemaker_remote=("pacemaker-remote", "resource-agents"),
        galera=("mariadb-server", "mariadb-server-galera", "galera"),
        galera_sst={"mariabackup": ("mariadb-backup", "socat"), "rsync": ("rsync",)},
        # garbd ships inside the `galera` package on EL9.
        galera_arbitrator=("galera",),
        haproxy=("haproxy",),
        keepalived=("keepalived",),
        rabbitmq=("rabbitmq-server",),
        fence={
            "fence_xvm": ("fence-virt",),
            "fence_virsh": ("fence-agents-virsh",),
            "sbd": ("sbd", "fence-agents-sbd"),
            "fence_openstack": ("fence-agents-openstack",),
        },
    ),
    paths=_DEBIAN_LIKE_PATHS.model_copy(
        update={
            "galera_config_dir": "/etc/my.cnf.d",
            "galera_provider": "/usr/lib64/galera/libgalera_smm.so",
            "mysql_config": "/etc/my.cnf",
            "mysql_socket": "/var/lib/mysql/mysql.sock",
            "garbd_config": "/etc/sysconfig/garb",
            "sbd_config": "/etc/sysconfig/sbd",
        }
    ),
    services=_DEBIAN_LIKE_SERVICES,
)

OS_FAMILIES: dict[str, OsFamily] = {f.name: f for f in (DEBIAN12, EL9, UBUNTU2404)}
