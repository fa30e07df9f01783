"""The lab's secrets as ``random_*`` resources and sensitive variables.

No secret value is ever known at synth time: each need of ``plan.secrets``
becomes a ``random_password`` (``special = false``: the renderers insert
passwords verbatim into shell, SQL, INI and XML), a ``random_bytes``
(binary keys, passed as base64 and decoded on the node) or a sensitive
``variable`` (what only the operator has: an SSH key, cloud credentials).
The ``secrets`` attribute carries their tokens in the renderers' ``Secrets``
shape, so the user-data refers to them and Terraform fills them in at apply.
"""

from __future__ import annotations

from collections.abc import Mapping

from openstack_ha.model.plan import Plan, SecretNeed
from openstack_ha.render.secrets import Secrets
from tfbindgen.engine import Construct, TerraformVariable
from tfproviders.random import provider as random_provider
from tfproviders.random.bytes import Bytes
from tfproviders.random.password import Password

# Erlang cookies are letters in RabbitMQ's own generator; keep that shape.
_LETTERS_ONLY = frozenset({"rabbitmq_erlang_cookie"})


class LabSecrets(Construct):
    """One ``random_*`` resource or sensitive variable per secret the plan needs.

    Construct ids are the plan's secret names, so they never change with the
    lab's size. ``secrets`` holds a token per need; ``resources`` the
    resources by name (for ``depends_on`` or outputs).
    """

    def __init__(self, scope: Construct, id_: str, *, plan: Plan) -> None:
        super().__init__(scope, id_)
        random_provider.RandomProvider(self, "random")
        values: dict[str, str] = {}
        self.resources: Mapping[str, Construct]
        resources: dict[str, Construct] = {}
        for need in plan.secrets:
            resource, token = _secret(self, need)
            resources[need.name] = resource
            values[need.name] = token
        self.resources = resources
        self.secrets = Secrets(**values)


def _secret(scope: Construct, need: SecretNeed) -> tuple[Construct, str]:
    if need.kind == "bytes":
        key = Bytes(scope, need.name, length=need.length or 256)
        return key, key.base64
    if need.kind == "password":
        letters = need.name in _LETTERS_ONLY
        password = Password(
            scope,
            need.name,
            length=need.length or 32,
            special=False,
            numeric=not letters,
            upper=True,
            lower=not letters,
        )
        return password, password.result
    variable = TerraformVariable(
        scope,
        need.name,
        type="string",
        sensitive=True,
        nullable=False,
        description=need.purpose,
    )
    return variable, variable.string_value
