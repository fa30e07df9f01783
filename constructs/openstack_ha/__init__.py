"""openstack_ha: the HA OpenStack control plane as CDK-for-Terraform constructs."""

# Registers the services shipped with the library (model.registry), so that
# every entry point (derive_plan, render_lab, the constructs) sees them.
from openstack_ha import services as _services

__version__ = "0.1.0"
del _services
