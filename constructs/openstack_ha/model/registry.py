"""The registry of services the derivation assembles, found by name, never by ``if``.

A stateless OpenStack API is one :class:`ApiService`: a value that says
everything the lab needs of it (its packages, its port and HAProxy health
check, the files it renders from its templates, its database, users and
endpoints, and its step of the node bootstrap). A module under
``openstack_ha/services/`` builds it and calls :func:`register_api_service`;
the derivation (HAProxy listeners, port matrix, packages) and the renderer
(files, bootstrap) read the registry and know no service by name.

Order is the registration order: HAProxy lists the APIs in it, and the
bootstrap runs their steps in ``bootstrap_order``, then registration order.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Literal

from pydantic import Field

from openstack_ha.model.base import Frozen

__all__ = [
    "ApiService",
    "BootstrapStep",
    "ConfigFile",
    "api_services",
    "register_api_service",
    "registered",
    "unregister_api_service",
]

# Where the API steps run in the node bootstrap: after the clusters
# (Pacemaker, Galera, RabbitMQ, their arbitrator) are up, which they need.
API_BOOTSTRAP_ORDER = 80


class ConfigFile(Frozen):
    """A file the service renders on each node running it, from a template in ``cloud-init/``.

    The template sees ``plan``, ``node`` (the node it is rendered for),
    ``service`` (this ApiService) and ``secrets`` (every secret by name).
    """

    path: str
    template: str
    mode: str = "0644"
    owner: str = "root:root"


class BootstrapStep(Frozen):
    """A fragment template of the node bootstrap (``cloud-init/bootstrap-<x>.sh.j2``).

    The fragment sees ``b`` (the node's bootstrap facts: node, log and state
    paths, ``peer_timeout_s``; its helpers ``log``, ``die``, ``wait_for``,
    ``tcp_open`` are defined) and ``service``.
    """

    template: str
    order: int = API_BOOTSTRAP_ORDER


class ApiService(Frozen):
    """One OpenStack API behind HAProxy on the controllers: everything the lab needs of it."""

    name: str
    port: int = Field(description="Frontend port on the VIP(s); also the backend port.")
    public: bool = Field(description="Bound on the public VIP (external network).")
    internal: bool = Field(description="Bound on the internal VIP (management network).")
    mode: Literal["http", "tcp"] = "http"
    check: Literal["tcp", "http"] = Field(
        default="tcp",
        description=(
            "Health check of each backend: tcp (port open) or http (``http_check_path`` "
            "answers 2xx/3xx)."
        ),
    )
    http_check_path: str = Field(
        default="/", description="Path of the HTTP health check (check=http)."
    )
    tls_port: int | None = Field(
        default=None,
        description=(
            "Public frontend port when load_balancers.tls is on and it differs (horizon: "
            "443, with 80 redirecting). None: the same port, TLS-terminated."
        ),
    )
    packages: tuple[str, ...] = Field(
        default=(), description="OS packages the controllers install for it."
    )
    config_files: tuple[ConfigFile, ...] = ()
    bootstrap: BootstrapStep | None = None
    databases: tuple[str, ...] = Field(
        default=(), description="MariaDB databases it needs (created through the database VIP)."
    )
    users: tuple[str, ...] = Field(default=(), description="Keystone users it needs.")
    endpoints: tuple[str, ...] = Field(
        default=(), description="Keystone catalog entries it registers (service type)."
    )


_API_SERVICES: dict[str, ApiService] = {}


def register_api_service(service: ApiService) -> ApiService:
    if service.name in _API_SERVICES:
        raise ValueError(f"an API service named {service.name!r} is already registered")
    for other in _API_SERVICES.values():
        if service.port in (other.port, other.tls_port):
            raise ValueError(
                f"API service {service.name!r}: port {service.port} is already "
                f"{other.name!r}'s; pick another port"
            )
    _API_SERVICES[service.name] = service
    return service


def unregister_api_service(name: str) -> None:
    del _API_SERVICES[name]


def api_services() -> tuple[ApiService, ...]:
    """Every registered API service, in registration order."""
    return tuple(_API_SERVICES.values())


@contextmanager
def registered(service: ApiService) -> Iterator[ApiService]:
    """Register ``service`` for the duration of a ``with`` block (tests, experiments)."""
    register_api_service(service)
    try:
        yield service
    finally:
        unregister_api_service(service.name)
