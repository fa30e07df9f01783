"""The secrets a lab's rendered files carry, as one value.

Each field is either a plain string (tests, ``openstack-ha render``) or a
Terraform token that the CDK constructs pass in (``${random_password.x.result}``
once synthesized). The renderers therefore NEVER transform a secret in Python
(no hashing, no base64, no slicing): every secret appears verbatim where it is
used, so a token can stand in its place. Binary material (the Corosync
authkey, the fence_xvm key) is handed over base64-encoded and decoded on the
node by the bootstrap script (``base64 -d``).

Because the values are inserted verbatim into INI files, shell scripts
(single-quoted), YAML and XML, plain values are restricted to a safe
alphabet; the CDK side must generate its ``random_password`` resources with
``special = false`` (or ``override_special`` within ``-_.~``) so the same
holds for the values Terraform produces. :meth:`Secrets.problems` reports
violations; values that look like tokens (``${...}``) are not checked.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

__all__ = ["BASE64_FIELDS", "Secrets", "is_token"]

# Safe inside single-quoted shell, INI values, YAML block scalars, XML attributes,
# gcomm/SST auth strings ("user:password") and Erlang cookie files.
_PLAIN = re.compile(r"[A-Za-z0-9._~-]{8,}")
_BASE64 = re.compile(r"(?:[A-Za-z0-9+/]{4})+(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?")
# cdktn/cdktf stringify tokens as ${TfToken[TOKEN.n]}; synthesized they become
# ${resource.name.attr}. Either way they start with "${" and end with "}".
_TOKEN = re.compile(r"\$\{[^{}]+\}")

BASE64_FIELDS = frozenset({"corosync_authkey_b64", "fence_xvm_key_b64"})


def is_token(value: str) -> bool:
    """True when ``value`` is one Terraform token (not checked, passed through)."""
    return _TOKEN.fullmatch(value) is not None


@dataclass(frozen=True)
class Secrets:
    """Every secret a lab needs; field names say where each one goes.

    - ``hacluster_password``: the ``hacluster`` user (crmsh/pcs remote admin).
    - ``corosync_authkey_b64``: the Corosync authkey (128..4096 bytes), base64.
    - ``galera_root_password``: MariaDB ``root`` over TCP from management.
    - ``galera_sst_password``: the ``sst`` user that mariabackup SST uses.
    - ``clustercheck_password``: the ``clustercheck`` user (reads wsrep status only).
    - ``rabbitmq_erlang_cookie``: the Erlang cookie shared by every broker.
    - ``rabbitmq_admin_password``: the ``openstack`` RabbitMQ user.
    - ``haproxy_stats_password``: HAProxy stats page (``admin`` user, management only).
    - ``fence_xvm_key_b64``: the fence_xvm/fence_virtd shared key, base64.
    - ``fence_password``: fence_virsh (hypervisor SSH login) or fence_openstack
      (Keystone password of the fencing user), whichever the lab uses.
    """

    hacluster_password: str
    corosync_authkey_b64: str
    galera_root_password: str
    galera_sst_password: str
    clustercheck_password: str
    rabbitmq_erlang_cookie: str
    rabbitmq_admin_password: str
    haproxy_stats_password: str
    fence_xvm_key_b64: str
    fence_password: str

    @classmethod
    def for_tests(cls) -> Secrets:
        """Fixed, obviously fake values: golden files and checkers use these.

        The base64 keys decode to 256 bytes (Corosync needs 128..4096).
        """
        return cls(
            hacluster_password="test-hacluster-pw",
            corosync_authkey_b64="Y29yb3N5bmMtdGVzdC1rZXkt" * 16,
            galera_root_password="test-galera-root-pw",
            galera_sst_password="test-galera-sst-pw",
            clustercheck_password="test-clustercheck-pw",
            rabbitmq_erlang_cookie="TESTERLANGCOOKIEVALUE",
            rabbitmq_admin_password="test-rabbitmq-pw",
            haproxy_stats_password="test-haproxy-stats-pw",
            fence_xvm_key_b64="ZmVuY2UteHZtLXRlc3Qta2V5" * 16,
            fence_password="test-fence-pw",
        )

    def values(self) -> dict[str, str]:
        """Field name → value, in declaration order."""
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}

    def problems(self) -> list[str]:
        """Every plain value outside its safe alphabet, as messages (empty when fine)."""
        out: list[str] = []
        for name, value in self.values().items():
            if is_token(value):
                continue
            if name in BASE64_FIELDS:
                if _BASE64.fullmatch(value) is None or len(value) < 172:
                    out.append(
                        f"secrets.{name}: must be standard base64 of at least 128 bytes "
                        f"(got {len(value)} characters); generate it with random_bytes "
                        "(length 256) and pass its .base64 attribute"
                    )
            elif _PLAIN.fullmatch(value) is None:
                out.append(
                    f"secrets.{name}: must be at least 8 characters of A-Z a-z 0-9 . _ ~ - "
                    f"(got {len(value)} characters); it is inserted verbatim into shell, "
                    "INI and XML, so use random_password with special = false"
                )
        return out
