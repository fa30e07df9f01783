"""The paper's stateless APIs behind HAProxy, in the order HAProxy lists them.

Today each is its frontend, backends and tcp health check only: the lab
installs no API package yet. A service that gains packages, config files, a
database or a bootstrap step moves to its own module here (``keystone.py``…)
with its templates in ``cloud-init/``; keep the registration order, which is
the order of the listeners in haproxy.cfg.
"""

from openstack_ha.model.registry import ApiService, register_api_service

__all__ = ["PAPER_APIS"]

PAPER_APIS: tuple[ApiService, ...] = tuple(
    register_api_service(service)
    for service in (
        ApiService(name="keystone", port=5000, public=True, internal=True),
        ApiService(name="glance", port=9292, public=True, internal=True),
        ApiService(name="nova", port=8774, public=True, internal=True),
        ApiService(name="nova_metadata", port=8775, public=False, internal=True),
        ApiService(name="placement", port=8778, public=True, internal=True),
        ApiService(name="neutron", port=9696, public=True, internal=True),
        ApiService(name="cinder", port=8776, public=True, internal=True),
        ApiService(name="heat", port=8004, public=True, internal=True),
        ApiService(name="heat_cfn", port=8000, public=True, internal=True),
        ApiService(name="horizon", port=80, public=True, internal=False, tls_port=443),
        ApiService(name="novncproxy", port=6080, public=True, internal=False),
    )
)
