"""The public API of openstack_ha.render is exactly its ``__all__``."""

from __future__ import annotations

import openstack_ha.render as render


def test_all_is_the_public_api() -> None:
    public = {name for name in dir(render) if not name.startswith("_")}
    modules = {
        "bootstrap",
        "cib",
        "cloudinit",
        "corosync",
        "galera",
        "haproxy",
        "keepalived",
        "node_scripts",
        "rabbitmq",
        "secrets",
        "system",
        "templates",
        "tree",
    }
    assert public - modules == set(render.__all__)
