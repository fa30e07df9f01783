"""The templates ship in the wheel: a stack in another repository renders the same files.

Builds the real wheel, installs it (without dependencies) into a fresh venv
outside the repository, and renders the default lab there. The runtime
libraries the renderers need (pydantic, jinja2, PyYAML) come from the
development venv through a path entry, which makes no package of ours
importable: ``openstack_ha`` must come from the installed wheel.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from openstack_ha.model import LabSpec, derive_plan
from openstack_ha.render.secrets import Secrets
from openstack_ha.render.templates import template_names
from openstack_ha.render.tree import render_lab

ROOT = Path(__file__).resolve().parents[2]

RENDER = """
import hashlib, json, sys
import openstack_ha, openstack_ha.render.templates as t
from importlib import resources
from openstack_ha.model import LabSpec, derive_plan
from openstack_ha.render.secrets import Secrets
from openstack_ha.render.tree import render_lab
lab = render_lab(derive_plan(LabSpec()), Secrets.for_tests())
print(json.dumps({
    "package": openstack_ha.__file__,
    "templates": str(resources.files("openstack_ha.templates").joinpath("haproxy.cfg.j2")),
    "names": t.template_names(),
    "digest": hashlib.sha256("".join(n.user_data for n in lab.nodes).encode()).hexdigest(),
}))
"""


def test_templates_resolve_in_the_editable_install() -> None:
    shipped = {
        "bootstrap-head.sh.j2",
        "bootstrap-tail.sh.j2",
        "corosync.conf.j2",
        "haproxy.cfg.j2",
        "my.cnf.j2",
    }
    assert shipped <= set(template_names())


@pytest.mark.slow
def test_a_wheel_installed_in_a_clean_venv_renders_the_same_bytes(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            str(ROOT),
            "-w",
            str(wheels),
            "--no-deps",
            "--quiet",
            "--disable-pip-version-check",
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert build.returncode == 0, build.stderr
    (wheel,) = wheels.glob("openstack_ha-*.whl")
    venv = tmp_path / "venv"
    subprocess.run(
        [sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120
    )
    python = venv / "bin" / "python"
    target = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
        ).stdout.strip()
    )
    install = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--quiet",
            "--target",
            str(target),
            "--disable-pip-version-check",
            str(wheel),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert install.returncode == 0, install.stderr
    # Only the third-party libraries of the dev venv: a plain path entry, so
    # the editable install's .pth/finder there is never activated.
    (target / "dev-libraries.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    done = subprocess.run(
        [str(python), "-I", "-c", RENDER],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["package"].startswith(str(target))
    assert result["templates"].startswith(str(target))
    assert result["names"] == template_names()
    here = render_lab(derive_plan(LabSpec()), Secrets.for_tests())
    digest = hashlib.sha256("".join(n.user_data for n in here.nodes).encode()).hexdigest()
    assert result["digest"] == digest
