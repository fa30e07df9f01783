"""A stand-in Terraform provider: test infrastructure, not product.

It serves one of the pinned schema snapshots in ``providers/`` unchanged over
Terraform's plugin protocol 5, so that the real ``terraform`` (or ``tofu``) can
validate, plan and apply the synthesized labs on a machine that cannot
download any provider. Planning and applying follow the protocol's rules with
deterministic fake values; nothing is ever created. See ``tests/standin/README.md``.
"""
