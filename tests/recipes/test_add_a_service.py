"""The "add a service" recipe of docs/ARCHITECTURE.md holds: one registration, nothing else.

A throw-away stateless API (defined here, with its templates written here)
is registered; the default lab's plan and rendered files then carry its
HAProxy frontend and backends, its port-matrix rows, its packages, its
config file and its bootstrap step — and lose them again once it is gone.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from openstack_ha.model import LabSpec, derive_plan
from openstack_ha.model.registry import ApiService, BootstrapStep, ConfigFile, registered
from openstack_ha.render import Secrets, render_lab
from openstack_ha.render.templates import add_template_dir

BOOTSTRAP = "/usr/local/sbin/openstack-ha-bootstrap"

WIDGET = ApiService(
    name="widget",
    port=9876,
    public=True,
    internal=True,
    check="http",
    http_check_path="/healthcheck",
    packages=("widget-api",),
    config_files=(
        ConfigFile(
            path="/etc/widget/widget.conf",
            template="test-widget.conf.j2",
            mode="0640",
            owner="root:widget",
        ),
    ),
    bootstrap=BootstrapStep(template="test-bootstrap-widget.sh.j2"),
)


@pytest.fixture
def widget(tmp_path: Path) -> Iterator[ApiService]:
    (tmp_path / "test-widget.conf.j2").write_text(
        "[DEFAULT]\n"
        "bind_host = {{ node.address_on('management') }}\n"
        "bind_port = {{ service.port }}\n"
        "database_vip = {{ plan.vip('database').address }}\n",
        encoding="utf-8",
    )
    (tmp_path / "test-bootstrap-widget.sh.j2").write_text(
        "\n# ---- {{ service.name }}\n"
        "systemctl enable --now widget-api\n"
        'log "{{ service.name }} listening on port {{ service.port }}"\n',
        encoding="utf-8",
    )
    undo = add_template_dir(tmp_path)
    try:
        with registered(WIDGET) as service:
            yield service
    finally:
        undo()


def test_a_registered_api_gets_its_listener_ports_packages_file_and_bootstrap_step(
    widget: ApiService,
) -> None:
    plan = derive_plan(LabSpec())
    listener = next(li for li in plan.haproxy.listeners if li.name == "widget")
    assert [(b.vip, str(b.address), b.port) for b in listener.binds] == [
        ("public", "10.20.3.10", 9876),
        ("internal", "10.20.0.10", 9876),
    ]
    assert [(s.name, str(s.address), s.port) for s in listener.servers] == [
        ("ctl1", "10.20.0.20", 9876),
        ("ctl2", "10.20.0.21", 9876),
        ("ctl3", "10.20.0.22", 9876),
    ]
    rows = {
        (r.source, r.target, r.network, r.purpose)
        for r in plan.port_matrix
        if r.port_min == 9876 and r.port_max == 9876 and r.protocol == "tcp"
    }
    assert rows == {
        ("network", "load_balancers", "external", "widget API on the public VIP"),
        ("network", "load_balancers", "management", "widget API on the internal VIP"),
        ("load_balancers", "controllers", "management", "widget API backend"),
    }
    assert all("widget-api" in n.packages for n in plan.nodes_of("controllers"))
    assert not any("widget-api" in n.packages for n in plan.nodes if n.group != "controllers")

    lab = render_lab(plan, Secrets.for_tests())
    haproxy = lab.node("lb1").file("/etc/haproxy/haproxy.cfg").content
    section = haproxy.split("\nlisten widget\n", 1)[1].split("\nlisten ", 1)[0]
    assert "    bind 10.20.3.10:9876\n" in section
    assert "    bind 10.20.0.10:9876\n" in section
    assert "    option httpchk GET /healthcheck\n" in section
    assert "    server ctl2 10.20.0.21:9876 check\n" in section
    ctl1 = lab.node("ctl1")
    conf = ctl1.file("/etc/widget/widget.conf")
    assert (conf.mode, conf.owner) == ("0640", "root:widget")
    assert conf.content == (
        "[DEFAULT]\nbind_host = 10.20.0.20\nbind_port = 9876\ndatabase_vip = 10.20.0.11\n"
    )
    script = ctl1.file(BOOTSTRAP).content
    assert "\n# ---- widget\nsystemctl enable --now widget-api\n" in script
    # Its step runs after the head and before the done marker.
    assert script.index("systemctl daemon-reload") < script.index("# ---- widget")
    done = script.index("touch /var/lib/openstack-ha/bootstrap.done")
    assert script.index("# ---- widget") < done
    assert "widget-api" in ctl1.user_data
    assert "/etc/widget/widget.conf" not in lab.node("db1").paths()
    assert "widget" not in lab.node("db1").file(BOOTSTRAP).content


def test_the_lab_is_back_to_what_it_was_once_the_service_is_gone(tmp_path: Path) -> None:
    before = derive_plan(LabSpec())
    with registered(WIDGET.model_copy(update={"config_files": (), "bootstrap": None})):
        during = derive_plan(LabSpec())
    after = derive_plan(LabSpec())
    assert during != before
    assert after == before


def test_a_second_service_on_a_taken_port_is_refused() -> None:
    clash = ApiService(name="clash", port=5000, public=True, internal=False)
    taken = "port 5000 is already 'keystone''s; pick another port"
    with pytest.raises(ValueError, match=taken), registered(clash):
        pass
