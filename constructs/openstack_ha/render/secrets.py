"""The secrets a lab's rendered files carry, as one value.

Field names are exactly the plan's ``SecretNeed.name`` values (``plan.secrets``),
so the CDK side maps each need to its ``random_password`` / ``random_bytes``
resource or sensitive variable by name. Each value is either a plain string
(tests, ``openstack-ha render``) or a Terraform token the constructs pass in
(``${random_password.x.result}`` once synthesized).

The renderers NEVER transform a secret in Python (no hashing, no base64, no
slicing): every secret appears verbatim where it is used, so a token can
stand in its place. Binary secrets (``kind == "bytes"``: the Corosync and
Pacemaker authkeys, the fence_xvm key) are passed base64-encoded (e.g.
``random_bytes.x.base64``) and decoded on the node by the bootstrap
(``base64 -d``).

Passwords are inserted verbatim into INI files, single-quoted shell, SQL
strings, YAML and XML, so plain values must stay in a safe alphabet; the CDK
side must generate its ``random_password`` resources with ``special = false``
(or ``override_special`` within ``-_.~``) so the same holds for what
Terraform produces. :meth:`Secrets.problems` reports violations; values that
are one Terraform token (``${...}``) are not checked.
"""

from __future__ import annotations

import base64
import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["BYTES_FIELDS", "FILE_FIELDS", "Secrets", "is_token"]

_PLAIN = re.compile(r"[A-Za-z0-9._~-]{8,}")
_BASE64 = re.compile(r"(?:[A-Za-z0-9+/]{4})+(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?")
# cdktn/cdktf stringify tokens as ${TfToken[TOKEN.n]}; synthesized they become
# ${resource.name.attr}. Either way: one "${...}".
_TOKEN = re.compile(r"\$\{[^{}]+\}")

# base64 of random bytes: (field, minimum decoded length in bytes).
BYTES_FIELDS: dict[str, int] = {
    "corosync_authkey": 128,  # corosync-keygen(8): 128..4096 bytes
    "pacemaker_authkey": 128,
    "fence_xvm_key": 128,
}
# Whole files written verbatim (a private key, a clouds.yaml): any text.
FILE_FIELDS = frozenset({"fence_virsh_ssh_key", "fence_openstack_clouds_yaml"})


def is_token(value: str) -> bool:
    """True when ``value`` is one Terraform token (passed through unchecked)."""
    return _TOKEN.fullmatch(value) is not None


def _fake_bytes_b64(label: str, length: int) -> str:
    raw = (label.encode() * (length // len(label) + 1))[:length]
    return base64.b64encode(raw).decode()


@dataclass(frozen=True)
class Secrets:
    """Every secret a lab may need; a lab needs the ones its ``plan.secrets`` lists.

    - ``corosync_authkey``: base64 of the Corosync authkey (256 bytes).
    - ``hacluster_password``: the ``hacluster`` user (crmsh/pcs).
    - ``pacemaker_authkey``: base64 of /etc/pacemaker/authkey (pacemaker_remote nodes).
    - ``galera_sst_password``: MariaDB user ``sst`` of the mariabackup SST.
    - ``clustercheck_password``: MariaDB user ``clustercheck`` (USAGE only).
    - ``rabbitmq_erlang_cookie``: the Erlang cookie of the brokers.
    - ``rabbitmq_password``: RabbitMQ user ``openstack``.
    - ``haproxy_stats_password``: HAProxy stats page, user ``admin``.
    - ``fence_xvm_key``: base64 of the fence_xvm/fence_virtd shared key.
    - ``fence_virsh_ssh_key``: private key fence_virsh logs in to the hypervisor with.
    - ``fence_openstack_clouds_yaml``: the clouds.yaml fence_openstack reads.
    """

    corosync_authkey: str
    hacluster_password: str
    clustercheck_password: str
    rabbitmq_erlang_cookie: str
    rabbitmq_password: str
    haproxy_stats_password: str
    galera_sst_password: str | None = None
    pacemaker_authkey: str | None = None
    fence_xvm_key: str | None = None
    fence_virsh_ssh_key: str | None = None
    fence_openstack_clouds_yaml: str | None = None

    @classmethod
    def for_tests(cls) -> Secrets:
        """Fixed, obviously fake values for every field (golden files, checkers)."""
        return cls(
            corosync_authkey=_fake_bytes_b64("corosync-test-key-", 256),
            hacluster_password="test-hacluster-pw",
            clustercheck_password="test-clustercheck-pw",
            rabbitmq_erlang_cookie="TESTERLANGCOOKIE",
            rabbitmq_password="test-rabbitmq-pw",
            haproxy_stats_password="test-haproxy-stats-pw",
            galera_sst_password="test-galera-sst-pw",
            pacemaker_authkey=_fake_bytes_b64("pacemaker-test-key-", 4096),
            fence_xvm_key=_fake_bytes_b64("fence-xvm-test-key-", 4096),
            fence_virsh_ssh_key=(
                "-----BEGIN OPENSSH PRIVATE KEY-----\n"
                "dGVzdC1vbmx5LW5vdC1hLXJlYWwta2V5\n"
                "-----END OPENSSH PRIVATE KEY-----\n"
            ),
            fence_openstack_clouds_yaml=(
                "clouds:\n"
                "  fence:\n"
                "    auth:\n"
                "      auth_url: https://keystone.example.invalid:5000/v3\n"
                "      username: fence\n"
                "      password: test-fence-pw\n"
                "      project_name: lab\n"
                "      user_domain_name: Default\n"
                "      project_domain_name: Default\n"
            ),
        )

    def values(self) -> dict[str, str | None]:
        """Field name → value, in declaration order."""
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}

    def require(self, name: str) -> str:
        """The value of ``name``; a clear error when the lab needs it and it is unset."""
        value: str | None = getattr(self, name)
        if value is None:
            raise ValueError(
                f"secrets.{name}: this lab needs it (see plan.secrets), got nothing; "
                f"pass Secrets({name}=...)"
            )
        return value

    def missing(self, needed: Iterable[str]) -> list[str]:
        """The needed names that are unset (or unknown to this class)."""
        values = self.values()
        return [n for n in needed if values.get(n) is None]

    def problems(self) -> list[str]:
        """Every plain value outside its expected shape, as messages (empty when fine)."""
        out: list[str] = []
        for name, value in self.values().items():
            if value is None or is_token(value):
                continue
            if name in BYTES_FIELDS:
                minimum = BYTES_FIELDS[name]
                if _BASE64.fullmatch(value) is None or len(value) * 3 // 4 < minimum:
                    out.append(
                        f"secrets.{name}: must be standard base64 of at least {minimum} bytes "
                        f"(got {len(value)} characters); use random_bytes and pass its "
                        ".base64 attribute"
                    )
            elif name in FILE_FIELDS:
                if not value.strip():
                    out.append(f"secrets.{name}: is empty; it is written as a whole file")
            elif _PLAIN.fullmatch(value) is None:
                out.append(
                    f"secrets.{name}: must be at least 8 characters of A-Z a-z 0-9 . _ ~ - "
                    f"(got {len(value)} characters); it is inserted verbatim into shell, "
                    "SQL, INI and XML, so use random_password with special = false"
                )
        return out
