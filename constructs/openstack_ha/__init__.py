"""openstack_ha: the HA OpenStack control plane as CDK-for-Terraform constructs."""

__version__ = "0.1.0"
