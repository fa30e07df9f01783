"""A node's whole tree and its #cloud-config: files per role, modes, secrets, determinism."""

from __future__ import annotations

import base64
import gzip
import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from render_helpers import ALL_SCENARIOS, GOLDEN_SCENARIOS, plan_of, rendered

from openstack_ha.model import LabSpec, Plan, derive_plan
from openstack_ha.render.cloudinit import CloudFile, build_cloud_config, dump_cloud_config
from openstack_ha.render.secrets import Secrets, is_token
from openstack_ha.render.tree import render_lab, write_lab

ROOT = Path(__file__).resolve().parents[2]
DB_FILES = {
    "/etc/mysql/mariadb.conf.d/99-openstack-ha-galera.cnf",
    "/etc/openstack-ha/galera-init.sql",
    "/etc/openstack-ha/clustercheck.cnf",
    "/etc/openstack-ha/galera-bootstrap.json",
    "/usr/local/sbin/openstack-ha-galera-bootstrap",
    "/usr/local/sbin/openstack-ha-clustercheck",
    "/etc/systemd/system/openstack-ha-clustercheck.service",
    "/etc/systemd/system/mariadb.service.d/openstack-ha-limits.conf",
}
CLUSTER_FILES = {
    "/etc/corosync/corosync.conf",
    "/etc/corosync/authkey.b64",
    "/etc/openstack-ha/cib.xml",
    "/etc/default/sbd",
}
COMMON = {
    "/etc/hosts",
    "/etc/sysctl.d/90-openstack-ha.conf",
    "/usr/local/sbin/openstack-ha-bootstrap",
}


def test_each_role_gets_exactly_its_files() -> None:
    lab = rendered("dedicated")
    assert set(lab.node("ctl1").paths()) == COMMON
    assert set(lab.node("db2").paths()) == COMMON | DB_FILES | CLUSTER_FILES
    assert set(lab.node("mq1").paths()) == COMMON | {
        "/etc/rabbitmq/rabbitmq.conf",
        "/etc/rabbitmq/advanced.config",
        "/etc/rabbitmq/rabbitmq-env.conf",
        "/etc/rabbitmq/enabled_plugins",
        "/var/lib/rabbitmq/.erlang.cookie",
        "/etc/systemd/system/rabbitmq-server.service.d/openstack-ha-limits.conf",
    }
    assert set(lab.node("lb1").paths()) == COMMON | CLUSTER_FILES | {
        "/etc/haproxy/haproxy.cfg",
        "/etc/systemd/system/haproxy.service.d/openstack-ha-limits.conf",
    }


def test_fencing_secrets_land_where_their_agent_reads_them() -> None:
    xvm = rendered("fence-xvm-five-members").node("db1")
    assert xvm.file("/etc/cluster/fence_xvm.key.b64").mode == "0600"
    virsh = rendered("fence-virsh-one-link").node("lb2")
    key = virsh.file("/etc/cluster/fence_virsh_id_ed25519")
    assert (key.mode, key.content) == ("0600", Secrets.for_tests().fence_virsh_ssh_key)
    ostack = rendered("openstack-fencing").node("db3")
    clouds = ostack.file("/etc/openstack/clouds.yaml")
    assert (clouds.mode, clouds.content) == (
        "0600",
        Secrets.for_tests().fence_openstack_clouds_yaml,
    )
    remote = rendered("pacemaker-remote").node("lb3")
    assert "/etc/corosync/corosync.conf" not in remote.paths()
    assert remote.file("/etc/pacemaker/authkey.b64").mode == "0600"


def test_secret_files_are_private_and_owned_by_their_service() -> None:
    lab = rendered("dedicated")
    assert lab.node("mq2").file("/var/lib/rabbitmq/.erlang.cookie").mode == "0400"
    assert lab.node("mq2").file("/var/lib/rabbitmq/.erlang.cookie").owner == "rabbitmq:rabbitmq"
    cnf = lab.node("db1").file("/etc/mysql/mariadb.conf.d/99-openstack-ha-galera.cnf")
    assert (cnf.mode, cnf.owner) == ("0640", "root:mysql")
    cfg = lab.node("lb1").file("/etc/haproxy/haproxy.cfg")
    assert (cfg.mode, cfg.owner) == ("0640", "root:haproxy")
    assert lab.node("lb1").file("/usr/local/sbin/openstack-ha-bootstrap").mode == "0700"
    assert lab.node("lb1").file("/etc/corosync/authkey.b64").mode == "0600"


@pytest.mark.parametrize("name", sorted(ALL_SCENARIOS))
def test_user_data_is_cloud_config_built_from_the_tree(name: str) -> None:
    plan = plan_of(name)
    for tree in rendered(name).nodes:
        assert tree.user_data.startswith("#cloud-config\n")
        doc = yaml.safe_load(tree.user_data)
        node = plan.node(tree.hostname)
        assert doc["hostname"] == node.hostname
        assert doc["fqdn"] == node.fqdn
        assert doc["manage_etc_hosts"] is False
        assert doc["packages"] == list(node.packages)
        assert doc["runcmd"] == [["/usr/local/sbin/openstack-ha-bootstrap"]]
        entries = {e["path"]: e for e in doc["write_files"]}
        assert list(entries) == sorted(entries)
        assert set(entries) == set(tree.paths())
        for f in tree.files:
            entry = entries[f.path]
            # Modes are strings ("0644"), the content survives the YAML round trip.
            assert isinstance(entry["permissions"], str)
            assert re.fullmatch(r"0[0-7]{3}", entry["permissions"])
            assert (entry["permissions"], entry["owner"]) == (f.mode, f.owner)
            if entry.get("encoding") == "gz+b64":
                # Only big files without a secret travel compressed.
                assert not f.sensitive
                assert len(f.content) > 2048
                assert gzip.decompress(base64.b64decode(entry["content"])).decode() == f.content
            else:
                assert "encoding" not in entry
                assert entry["content"] == f.content
            assert entry["defer"] is True
        if plan.os.name == "el9":
            assert "bootcmd" not in doc
        else:
            assert any("policy-rc.d" in cmd for cmd in doc["bootcmd"])


def test_multi_line_files_stay_readable_literal_blocks_and_long_lines_never_fold() -> None:
    long_line = "x" * 300 + " " + "${TfToken[TOKEN.7]}" + " y" * 100
    doc = build_cloud_config(
        hostname="h",
        fqdn="h.lab",
        packages=["b", "a", "b"],
        files=[CloudFile("/etc/a", f"one\n{long_line}\n", "0600")],
        runcmd=[["/bin/true"]],
        block_service_autostart=False,
    )
    text = dump_cloud_config(doc)
    assert "  content: |\n    one\n" in text
    assert f"    {long_line}\n" in text
    assert "  permissions: '0600'\n" in text
    assert yaml.safe_load(text)["packages"] == ["a", "b"]
    with pytest.raises(ValueError, match="mode must look like '0644', got '644'"):
        CloudFile("/etc/a", "", "644")
    with pytest.raises(ValueError, match="write_files: paths given twice: /etc/a"):
        build_cloud_config(
            hostname="h",
            fqdn="h",
            packages=[],
            runcmd=[],
            block_service_autostart=False,
            files=[CloudFile("/etc/a", "1"), CloudFile("/etc/a", "2")],
        )


def _token_secrets() -> Secrets:
    names = list(Secrets.for_tests().values())
    return Secrets(**{n: f"${{TfToken[TOKEN.{i}]}}" for i, n in enumerate(names)})


@pytest.mark.parametrize(
    ("scenario", "expected"),
    [
        (
            "dedicated",
            {
                "corosync_authkey",
                "hacluster_password",
                "galera_sst_password",
                "clustercheck_password",
                "rabbitmq_erlang_cookie",
                "rabbitmq_password",
                "haproxy_stats_password",
            },
        ),
        ("openstack-fencing", {"fence_openstack_clouds_yaml"}),
        ("fence-xvm-five-members", {"fence_xvm_key"}),
        ("fence-virsh-one-link", {"fence_virsh_ssh_key"}),
        ("pacemaker-remote", {"pacemaker_authkey"}),
    ],
)
def test_secrets_pass_through_verbatim_so_terraform_tokens_work(
    scenario: str, expected: set[str]
) -> None:
    secrets = _token_secrets()
    lab = render_lab(plan_of(scenario), secrets)
    everything = "".join(t.user_data for t in lab.nodes)
    tokens = secrets.values()
    for name in expected:
        token = tokens[name]
        assert token is not None
        assert token in everything, f"{name} not rendered verbatim"
    # Outside the tokens, no Terraform template syntax: ${ and %{ would be interpolated.
    stripped = everything
    for token in tokens.values():
        assert token is not None
        stripped = stripped.replace(token, "")
    assert "${" not in stripped
    assert "%{" not in stripped


def test_secret_problems_are_reported_with_the_fix() -> None:
    assert Secrets.for_tests().problems() == []
    assert is_token("${random_password.galera.result}")
    bad = Secrets(
        corosync_authkey="c2hvcnQ=",
        hacluster_password="has space!",
        clustercheck_password="${random_password.cc.result}",
        rabbitmq_erlang_cookie="COOKIECOOKIE",
        rabbitmq_password="rabbit-pw-1",
        haproxy_stats_password="stats-pw-1",
        fence_openstack_clouds_yaml="  ",
    )
    assert bad.problems() == [
        "secrets.corosync_authkey: must be standard base64 of at least 128 bytes (got 8 "
        "characters); use random_bytes and pass its .base64 attribute",
        "secrets.hacluster_password: must be at least 8 characters of A-Z a-z 0-9 . _ ~ - (got "
        "10 characters); it is inserted verbatim into shell, SQL, INI and XML, so use "
        "random_password with special = false",
        "secrets.fence_openstack_clouds_yaml: is empty; it is written as a whole file",
    ]


def test_a_lab_missing_a_secret_it_needs_is_refused_before_rendering() -> None:
    secrets = Secrets(**{**Secrets.for_tests().values(), "fence_xvm_key": None})  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"secrets\.fence_xvm_key: this lab needs it"):
        render_lab(plan_of("fence-xvm-five-members"), secrets)
    render_lab(plan_of("dedicated"), secrets)  # this lab does not need it


@pytest.mark.parametrize("name", sorted(GOLDEN_SCENARIOS))
def test_rendering_is_deterministic_across_processes_and_hash_seeds(
    name: str, tmp_path: Path
) -> None:
    code = (
        "import sys, hashlib\n"
        f"sys.path.insert(0, {str(Path(__file__).parent)!r})\n"
        "from render_helpers import rendered\n"
        f"lab = rendered({name!r})\n"
        "h = hashlib.sha256()\n"
        "for t in lab.nodes:\n"
        "    h.update(t.user_data.encode())\n"
        "print(h.hexdigest())\n"
    )
    digests = set()
    for seed in ("0", "1", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            env=env,
            check=True,
            cwd=tmp_path,
            timeout=120,
        )
        digests.add(out.stdout.strip())
    assert len(digests) == 1


def test_write_lab_puts_every_file_at_its_real_path_with_its_mode(tmp_path: Path) -> None:
    lab = rendered("collapsed")
    write_lab(lab, tmp_path)
    for tree in lab.nodes:
        base = tmp_path / tree.hostname
        assert (base / "user-data").read_text() == tree.user_data
        for f in tree.files:
            target = base / f.path.lstrip("/")
            assert target.read_text() == f.content
            assert stat.S_IMODE(target.stat().st_mode) == int(f.mode, 8)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["node1", "node2", "node3"]


@pytest.mark.parametrize("name", sorted(ALL_SCENARIOS))
def test_every_bootstrap_script_is_valid_bash(name: str) -> None:
    bash = shutil.which("bash")
    assert bash is not None
    for tree in rendered(name).nodes:
        script = tree.file("/usr/local/sbin/openstack-ha-bootstrap").content
        done = subprocess.run(
            [bash, "-n"], input=script, capture_output=True, text=True, timeout=30, check=False
        )
        assert done.returncode == 0, f"{tree.hostname}: {done.stderr}"


def test_bootstrap_loads_the_cib_only_on_the_lowest_nodeid_and_waits_bounded() -> None:
    lab = rendered("dedicated")
    loader = lab.node("db1").file("/usr/local/sbin/openstack-ha-bootstrap").content
    other = lab.node("db2").file("/usr/local/sbin/openstack-ha-bootstrap").content
    assert "cibadmin --replace --scope configuration --xml-file" in loader
    assert "cibadmin --replace" not in other
    assert 'wait_for 1800 "all 3 members of database online" members_online' in loader
    assert (
        "openstack-ha-galera-bootstrap --config /etc/openstack-ha/galera-bootstrap.json prepare"
        in other
    )
    # Every wait is bounded: wait_for always gets a number of seconds first.
    for script in (loader, other):
        for line in script.splitlines():
            if line.lstrip().startswith("wait_for "):
                assert re.match(r"\s*wait_for \d+ ", line), line


def test_bootstrap_starts_brokers_after_the_first_and_sets_quorum_queues_once() -> None:
    lab = rendered("dedicated")
    first = lab.node("mq1").file("/usr/local/sbin/openstack-ha-bootstrap").content
    second = lab.node("mq2").file("/usr/local/sbin/openstack-ha-bootstrap").content
    assert "add_vhost openstack --default-queue-type quorum" in first
    assert "\nsetup_openstack_vhost\n" in first
    assert "\nsetup_openstack_vhost\n" not in second
    assert "tcp_open 10.20.0.60 5672" in second


def test_bootstrap_resolves_openstack_server_names_to_uuids_before_loading() -> None:
    script = (
        rendered("openstack-fencing")
        .node("lb1")
        .file("/usr/local/sbin/openstack-ha-bootstrap")
        .content
    )
    assert "fence_openstack --cloud=fence -o list" in script
    assert '$2 == "ha-cloud-lb1"' in script
    assert '$2 == "ha-cloud-lb2"' in script


def test_nodes_that_bind_a_vip_they_may_not_hold_allow_non_local_binds() -> None:
    sysctl = "/etc/sysctl.d/90-openstack-ha.conf"
    assert (
        "net.ipv4.ip_nonlocal_bind = 1\n" in rendered("dedicated").node("lb2").file(sysctl).content
    )
    assert "ip_nonlocal_bind" not in rendered("dedicated").node("mq1").file(sysctl).content
    assert (
        "net.ipv4.ip_nonlocal_bind = 1\n"
        in rendered("active-passive-broker").node("mq2").file(sysctl).content
    )


def _prologue(tmp_path: Path) -> str:
    """The rendered script's helpers, with its state and log under tmp_path."""
    from openstack_ha.render.bootstrap import BootstrapNode, render_bootstrap_sh

    script = render_bootstrap_sh(
        BootstrapNode(
            node="t1",
            roles=("controller",),
            debian_like=True,
            sysctl_file="/dev/null",
            state_dir=str(tmp_path / "state"),
            log_file=str(tmp_path / "bootstrap.log"),
        )
    )
    head = script.split('log "starting"', 1)[0]
    return head.replace(" /run/openstack-ha", "")


def test_bootstrap_helpers_wait_bounded_and_decode_secrets(tmp_path: Path) -> None:
    prologue = _prologue(tmp_path)
    (tmp_path / "key.b64").write_text("c2VjcmV0LWJ5dGVz\n")
    body = (
        'wait_for 2 "a thing that never happens" false && echo NEVER\n'
        'wait_for 10 "a thing that is there" true\n'
        f'install_b64 {tmp_path}/key.b64 {tmp_path}/key 0400 "$(id -u):$(id -g)"\n'
    )
    done = subprocess.run(
        ["bash", "-c", prologue + body],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    log = (tmp_path / "bootstrap.log").read_text()
    assert "openstack-ha-bootstrap[t1]: waiting for a thing that never happens (0 s of 2 s)" in log
    assert "gave up after 2 s waiting for a thing that never happens" in log
    assert "NEVER" not in log
    assert "a thing that is there: ok after 0 s" in log
    key = tmp_path / "key"
    assert key.read_bytes() == b"secret-bytes"
    assert stat.S_IMODE(key.stat().st_mode) == 0o400


def _secrets_of_real_length_for(plan: Plan) -> Secrets:
    """Secrets as long as Terraform will make them (plan.secrets lengths)."""
    values: dict[str, str] = {}
    for need in plan.secrets:
        if need.kind == "password":
            values[need.name] = "p" * (need.length or 32)
        elif need.kind == "bytes":
            values[need.name] = base64.b64encode(b"\0" * (need.length or 256)).decode()
        else:  # a whole file from a variable: a generous private key or clouds.yaml
            values[need.name] = "v" * 3000 + "\n"
    base = Secrets.for_tests().values()
    return Secrets(**{**base, **values})  # type: ignore[arg-type]


def _on_openstack(name: str) -> Plan:
    """The scenario's lab moved to OpenStack (where Nova's user-data limit applies)."""
    spec = ALL_SCENARIOS[name]
    if spec.platform == "openstack":
        return plan_of(name)
    data = spec.model_dump(mode="json", exclude_unset=True)
    data.pop("fencing", None)  # libvirt's fence agents do not exist there
    data.pop("libvirt", None)
    return derive_plan(LabSpec.model_validate({**data, "platform": "openstack"}))


@pytest.mark.parametrize("name", sorted(ALL_SCENARIOS))
def test_user_data_fits_novas_limit_with_real_secret_lengths(name: str) -> None:
    # Nova refuses user data above 65535 bytes once base64-encoded.
    plan = _on_openstack(name)
    lab = render_lab(plan, _secrets_of_real_length_for(plan))
    for tree in lab.nodes:
        size = len(base64.b64encode(tree.user_data.encode()))
        assert size <= 65535, f"{tree.hostname}: {size} bytes base64-encoded"


@pytest.mark.parametrize(
    "name", sorted(n for n, s in ALL_SCENARIOS.items() if s.platform == "libvirt")
)
def test_libvirt_user_data_is_plain_text_so_it_does_not_depend_on_zlib(name: str) -> None:
    for tree in rendered(name).nodes:
        assert "encoding: gz+b64" not in tree.user_data, tree.hostname
