"""The services a lab runs, one module each, found through the registries.

Importing this package registers every service shipped here (the
``openstack_ha`` package does it, so a plain ``derive_plan`` sees them). A
module here declares one service as data (:class:`~openstack_ha.model.registry.ApiService`)
and calls :func:`~openstack_ha.model.registry.register_api_service`; its
templates live in ``cloud-init/``. See docs/ARCHITECTURE.md, "Add a service".
"""

from openstack_ha.services import apis

__all__ = ["apis"]
