"""The file checkers: each runs the real program that will read a rendered file.

- ``haproxy -c -dW -f`` (zero-warning mode; TLS certificates replaced by a
  throwaway self-signed one, since the real one is made on the node);
- ``corosync -t -c`` per node inside a private network namespace holding
  that node's ring addresses on ``lo``, with a decoded authkey (corosync
  refuses a config whose node it cannot find locally, or without a key);
  plus our own key allow-list, since ``corosync -t`` ignores misspelled keys;
- ``cloud-init schema --config-file`` on every user-data: for many files,
  the function that command runs (``validate_cloudconfig_file`` against
  ``get_schema()``), called by cloud-init's own Python once per file in one
  process, since each ``cloud-init`` start costs about half a second;
- ``mariadbd --defaults-file=<galera.cnf> --help --verbose``: mariadbd parses
  the file as it would at start and refuses unknown options and values
  Galera cannot run with (e.g. a binlog_format other than ROW);
- rabbitmq.conf keys against the cuttlefish schemas of the installed
  RabbitMQ (the broker refuses unknown keys at boot);
- ``keepalived -t`` inside a namespace with the interfaces it names.
"""

from __future__ import annotations

import base64
import json
import re
import tempfile
from collections.abc import Sequence
from pathlib import Path

from openstack_ha.check.tools import CheckResult, find_tool, netns_prefix, run
from openstack_ha.render.corosync import parse_keys, unknown_keys
from openstack_ha.render.keepalived import render_interfaces_include

__all__ = [
    "check_cloud_init",
    "check_cloud_init_batch",
    "check_corosync",
    "check_corosync_keys",
    "check_galera_cnf",
    "check_haproxy",
    "check_keepalived",
    "check_rabbitmq_conf",
    "rabbitmq_schema_patterns",
]

_SSL_CRT = re.compile(r"(\sssl crt )(\S+)")


def _self_signed(directory: Path) -> Path | None:
    openssl = find_tool("openssl")
    if openssl.path is None:
        return None
    key, crt = directory / "tls.key", directory / "tls.crt"
    done = run(
        [
            openssl.path,
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=openstack-ha-check",
            "-keyout",
            str(key),
            "-out",
            str(crt),
        ],
        timeout_s=60,
    )
    if done.returncode != 0:
        return None
    pem = directory / "tls.pem"
    pem.write_text(crt.read_text() + key.read_text())
    return pem


def check_haproxy(cfg: Path, label: str) -> CheckResult:
    tool = find_tool("haproxy")
    if tool.path is None:
        return CheckResult("haproxy -c", label, "missing", tool.missing_detail)
    text = cfg.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="oha-haproxy-") as tmp:
        target = cfg
        if _SSL_CRT.search(text):
            pem = _self_signed(Path(tmp))
            if pem is None:
                return CheckResult(
                    "haproxy -c",
                    label,
                    "missing",
                    "openssl: not installed (apt-get install openssl)",
                )
            target = Path(tmp) / "haproxy.cfg"
            target.write_text(_SSL_CRT.sub(lambda m: m.group(1) + str(pem), text))
        done = run([tool.path, "-c", "-dW", "-f", str(target)], timeout_s=60)
    if done.returncode == 0:
        return CheckResult("haproxy -c", label, "ok")
    return CheckResult("haproxy -c", label, "fail", done.output)


def check_corosync_keys(conf: Path, label: str) -> CheckResult:
    problems = unknown_keys(conf.read_text(encoding="utf-8"))
    if problems:
        return CheckResult("corosync keys", label, "fail", "; ".join(problems))
    return CheckResult("corosync keys", label, "ok")


def _ring_addresses(text: str, node_name: str) -> list[str]:
    """The ringN_addr values of ``node_name``'s nodelist entry."""
    nodes: list[dict[str, str]] = []
    for _, section, key, value in parse_keys(text):
        if section == "nodelist" and key == "{" and value == "node":
            nodes.append({})
        elif section == "nodelist.node" and nodes:
            nodes[-1][key] = value
    for node in nodes:
        if node.get("name") == node_name:
            return [v for k, v in sorted(node.items()) if re.fullmatch(r"ring\d_addr", k)]
    return []


def _for_check(text: str, keyfile: Path) -> str:
    """The conf with the check's authkey and logging to stderr only."""
    out = []
    for raw in text.splitlines():
        stripped = raw.strip()
        indent = raw[: len(raw) - len(raw.lstrip())]
        line = raw
        if stripped.startswith("keyfile:"):
            line = f"{indent}keyfile: {keyfile}"
        elif stripped.startswith(("to_logfile:", "to_syslog:")):
            line = f"{indent}{stripped.split(':')[0]}: no"
        elif stripped.startswith(("logfile:", "to_stderr:")):
            continue
        out.append(line)
        if re.fullmatch(r"logging\s*\{", stripped):
            out.append(f"{indent}    to_stderr: yes")
    return "\n".join(out) + "\n"


def check_corosync(conf: Path, authkey_b64: Path, node_name: str, label: str) -> CheckResult:
    tool = find_tool("corosync")
    if tool.path is None:
        return CheckResult("corosync -t", label, "missing", tool.missing_detail)
    prefix = netns_prefix()
    ip = find_tool("ip")
    if prefix is None or ip.path is None:
        return CheckResult(
            "corosync -t",
            label,
            "missing",
            "unshare/ip: not installed (apt-get install util-linux iproute2)",
        )
    text = conf.read_text(encoding="utf-8")
    addresses = _ring_addresses(text, node_name)
    if not addresses:
        return CheckResult("corosync -t", label, "fail", f"{node_name} is not in the nodelist")
    with tempfile.TemporaryDirectory(prefix="oha-corosync-") as tmp:
        key = Path(tmp) / "authkey"
        key.write_bytes(base64.b64decode(authkey_b64.read_text(encoding="ascii")))
        key.chmod(0o400)
        checked = Path(tmp) / "corosync.conf"
        checked.write_text(_for_check(text, key))
        script = f"{ip.path} link set lo up"
        for address in addresses:
            script += f" && {ip.path} addr add {address}/32 dev lo"
        script += f" && exec {tool.path} -t -c {checked}"
        done = run([*prefix, "sh", "-c", script], timeout_s=30)
    if done.returncode == 0:
        return CheckResult("corosync -t", label, "ok")
    return CheckResult("corosync -t", label, "fail", done.output or f"exit {done.returncode}")


def check_cloud_init(user_data: Path, label: str) -> CheckResult:
    tool = find_tool("cloud-init")
    if tool.path is None:
        return CheckResult("cloud-init schema", label, "missing", tool.missing_detail)
    done = run([tool.path, "schema", "--config-file", str(user_data)], timeout_s=60)
    if done.returncode == 0 and "Valid cloud-config" in done.stdout:
        return CheckResult("cloud-init schema", label, "ok")
    return CheckResult("cloud-init schema", label, "fail", done.output)


# What `cloud-init schema --config-file F` runs (cloudinit/config/schema.py,
# handle_schema_args), once per file: one JSON line [path, status, detail] each.
_CLOUD_INIT_BATCH = """
import json, sys
from cloudinit.config.schema import SchemaValidationError, get_schema, validate_cloudconfig_file
schema = get_schema()
for path in sys.argv[1:]:
    try:
        validate_cloudconfig_file(path, schema, False)
    except (SchemaValidationError, RuntimeError) as error:
        print(json.dumps([path, "fail", "Error:\\n" + str(error)]), flush=True)
    else:
        print(json.dumps([path, "ok", ""]), flush=True)
"""


def _cloud_init_python(tool_path: str) -> str | None:
    """The interpreter named on the ``cloud-init`` script's first line, if any."""
    try:
        with open(tool_path, "rb") as script:
            first = script.readline().decode("utf-8", "replace").strip()
    except OSError:
        return None
    if not first.startswith("#!"):
        return None
    words = first[2:].split()
    return words[0] if words else None


def check_cloud_init_batch(files: Sequence[tuple[Path, str]]) -> list[CheckResult]:
    """``check_cloud_init`` on each (user-data, label), in one cloud-init process.

    Falls back to one ``cloud-init schema`` run per file when cloud-init's
    Python cannot be found or the batch does not answer for every file.
    """
    tool = find_tool("cloud-init")
    if tool.path is None:
        return [
            CheckResult("cloud-init schema", label, "missing", tool.missing_detail)
            for _, label in files
        ]
    python = _cloud_init_python(tool.path)
    answers: dict[str, tuple[str, str]] = {}
    if python is not None and len(files) > 1:
        done = run(
            [python, "-c", _CLOUD_INIT_BATCH, *(str(path) for path, _ in files)],
            timeout_s=60 + 2 * len(files),
        )
        for line in done.stdout.splitlines():
            try:
                path, status, detail = json.loads(line)
            except ValueError:
                continue
            answers[str(path)] = (str(status), str(detail))
    out = []
    for path, label in files:
        if str(path) in answers:
            status, detail = answers[str(path)]
            out.append(
                CheckResult("cloud-init schema", label, "ok" if status == "ok" else "fail", detail)
            )
        else:
            out.append(check_cloud_init(path, label))
    return out


def check_galera_cnf(cnf: Path, label: str) -> CheckResult:
    tool = find_tool("mariadbd")
    if tool.path is None:
        return CheckResult("mariadbd --help", label, "missing", tool.missing_detail)
    # --defaults-file must come first (mariadbd's rule).
    done = run([tool.path, f"--defaults-file={cnf}", "--help", "--verbose"], timeout_s=60)
    errors = [line for line in done.stderr.splitlines() if "[ERROR]" in line]
    if done.returncode == 0 and not errors:
        return CheckResult("mariadbd --help", label, "ok")
    return CheckResult(
        "mariadbd --help", label, "fail", "\n".join(errors) or f"exit {done.returncode}"
    )


# ---------------------------------------------------------------- RabbitMQ

_RABBIT_ROOT = Path("/usr/lib/rabbitmq/lib")
_MAPPING = re.compile(r'\{mapping,\s*"([^"]+)"')
_APP_DEPS = re.compile(r"\{applications,\s*\[([^\]]*)\]")


def _plugin_dirs() -> dict[str, Path]:
    """Installed RabbitMQ applications: name (without version) → directory."""
    out: dict[str, Path] = {}
    for server in sorted(_RABBIT_ROOT.glob("rabbitmq_server-*")):
        for app in sorted((server / "plugins").iterdir()):
            name = app.name.rsplit("-", 1)[0]
            out[name] = app
    return out


def rabbitmq_schema_patterns(plugins: list[str]) -> list[re.Pattern[str]] | None:
    """Key patterns of rabbit + ``plugins`` (+ their dependencies); None if not installed."""
    apps = _plugin_dirs()
    if "rabbit" not in apps:
        return None
    wanted, todo = set(), ["rabbit", *plugins]
    while todo:
        name = todo.pop()
        if name in wanted or name not in apps:
            continue
        wanted.add(name)
        app_file = apps[name] / "ebin" / f"{name}.app"
        if app_file.exists():
            m = _APP_DEPS.search(app_file.read_text(errors="replace"))
            if m:
                todo += [d.strip() for d in m.group(1).split(",") if d.strip()]
    patterns = []
    for name in sorted(wanted):
        for schema in sorted((apps[name] / "priv" / "schema").glob("*.schema")):
            for key in _MAPPING.findall(schema.read_text(errors="replace")):
                parts = [r"[^.]+" if p.startswith("$") else re.escape(p) for p in key.split(".")]
                patterns.append(re.compile(r"\.".join(parts)))
    return patterns


def _enabled_plugins(text: str) -> list[str]:
    m = re.search(r"\[(.*)\]", text, flags=re.S)
    return [p.strip() for p in m.group(1).split(",") if p.strip()] if m else []


def check_rabbitmq_conf(conf: Path, enabled_plugins: Path | None, label: str) -> CheckResult:
    plugins = _enabled_plugins(enabled_plugins.read_text()) if enabled_plugins else []
    patterns = rabbitmq_schema_patterns(plugins)
    if patterns is None:
        return CheckResult(
            "rabbitmq.conf keys",
            label,
            "missing",
            "rabbitmq-server: not installed (apt-get install rabbitmq-server)",
        )
    unknown = []
    for lineno, line in enumerate(conf.read_text(encoding="utf-8").splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        key = stripped.split("=", 1)[0].strip()
        if not any(p.fullmatch(key) for p in patterns):
            unknown.append(f"line {lineno}: unknown key {key!r}")
    if unknown:
        return CheckResult("rabbitmq.conf keys", label, "fail", "; ".join(unknown))
    return CheckResult("rabbitmq.conf keys", label, "ok")


# ---------------------------------------------------------------- keepalived

_IF_VAR = re.compile(r"\$IF_([A-Za-z0-9_]+)")
_SRC = re.compile(r"interface \$IF_([A-Za-z0-9_]+).*?unicast_src_ip (\S+)", flags=re.S)


def check_keepalived(conf: Path, label: str) -> CheckResult:
    tool = find_tool("keepalived")
    if tool.path is None:
        return CheckResult("keepalived -t", label, "missing", tool.missing_detail)
    prefix = netns_prefix()
    ip = find_tool("ip")
    if prefix is None or ip.path is None:
        return CheckResult(
            "keepalived -t",
            label,
            "missing",
            "unshare/ip: not installed (apt-get install util-linux iproute2)",
        )
    text = conf.read_text(encoding="utf-8")
    networks = sorted(set(_IF_VAR.findall(text)))
    sources = dict(_SRC.findall(text))
    with tempfile.TemporaryDirectory(prefix="oha-keepalived-") as tmp:
        names = {net: f"oha{i}" for i, net in enumerate(networks)}
        include = Path(tmp) / "interfaces.conf"
        include.write_text(render_interfaces_include(names))
        checked = Path(tmp) / "keepalived.conf"
        checked.write_text(re.sub(r"(?m)^include \S+$", f"include {include}", text))
        script = f"{ip.path} link set lo up"
        for net, ifname in names.items():
            script += (
                f" && {ip.path} link add {ifname} type veth peer name {ifname}p"
                f" && {ip.path} link set {ifname} up"
            )
            if net in sources:
                script += f" && {ip.path} addr add {sources[net]}/32 dev {ifname}"
        script += f" && exec {tool.path} -t -f {checked}"
        done = run([*prefix, "sh", "-c", script], timeout_s=30)
    if done.returncode == 0:
        return CheckResult("keepalived -t", label, "ok")
    return CheckResult("keepalived -t", label, "fail", done.output or f"exit {done.returncode}")
