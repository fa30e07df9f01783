"""The repository foundation: package layout, the engine module and its Node."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run_python(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    full_env = {
        k: v for k, v in os.environ.items() if k not in ("JSII_NODE", "OPENSTACK_HA_ENGINE")
    }
    full_env.update(env)
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=full_env,
        cwd=ROOT,
        timeout=120,
        check=False,
    )


def test_constructs_folder_has_no_init_so_the_jsii_package_stays_importable() -> None:
    assert not (ROOT / "constructs" / "__init__.py").exists()
    result = run_python(
        "import tfbindgen.engine as e, constructs, inspect;"
        "print(inspect.getfile(constructs)); print(e.Construct is constructs.Construct)"
    )
    assert result.returncode == 0, result.stderr
    path, same = result.stdout.split()
    assert "site-packages" in path
    assert Path(path).parent.name == "constructs"
    assert same == "True"


def test_engine_defaults_to_cdk_terrain_on_the_bundled_node_24() -> None:
    result = run_python(
        "import os, subprocess, tfbindgen.engine as e;"
        "print(e.ENGINE, e.ENGINE_VERSION);"
        "print(subprocess.run([os.environ['JSII_NODE'], '--version'],"
        " capture_output=True, text=True).stdout.strip());"
        "app = e.App(); print(type(app).__module__)"
    )
    assert result.returncode == 0, result.stderr
    engine_line, node_version, module = result.stdout.splitlines()
    assert engine_line == "cdktn 0.24.0"
    assert node_version.startswith("v24.")
    assert module == "cdktn"
    # jsii prints an unsilenceable banner on the end-of-life Node 20.
    assert "end-of-life" not in result.stderr


def test_engine_can_be_switched_to_cdktf_by_one_setting() -> None:
    result = run_python(
        "import tfbindgen.engine as e; print(e.ENGINE, e.ENGINE_VERSION, type(e.App()).__module__)",
        OPENSTACK_HA_ENGINE="cdktf",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["cdktf", "0.21.0", "cdktf"]


def test_an_unknown_engine_is_refused_with_the_allowed_values() -> None:
    result = run_python("import tfbindgen.engine", OPENSTACK_HA_ENGINE="pulumi")
    assert result.returncode == 1
    assert (
        "OPENSTACK_HA_ENGINE: unknown CDK engine 'pulumi'; allowed: cdktn, cdktf. "
        "Unset it for CDK Terrain (cdktn) or set OPENSTACK_HA_ENGINE=cdktf."
    ) in result.stderr


def test_a_node_chosen_by_the_user_is_kept(tmp_path: Path) -> None:
    result = run_python(
        "import os, tfbindgen.engine; print(os.environ['JSII_NODE'])",
        JSII_NODE="/usr/bin/node",
    )
    # The import may succeed or warn about Node 20; what matters is that we did
    # not replace the user's choice.
    assert result.stdout.strip().splitlines()[-1] == "/usr/bin/node"


def test_only_the_engine_module_imports_the_engine() -> None:
    offenders = []
    for path in sorted((ROOT / "constructs").rglob("*.py")):
        if path.name == "engine.py" and path.parent.name == "tfbindgen":
            continue
        text = path.read_text()
        for line in text.splitlines():
            stripped = line.strip()
            if stripped.startswith(("import cdktn", "import cdktf", "from cdktn", "from cdktf")):
                offenders.append(f"{path.relative_to(ROOT)}: {stripped}")
    assert offenders == []


def test_cdktf_json_runs_the_main_stack_and_keeps_generated_bindings_apart() -> None:
    config = json.loads((ROOT / "cdktf.json").read_text())
    assert config["language"] == "python"
    assert config["app"].endswith("stacks/main.py")
    assert config["output"] == "cdktf.out"
    # `get` is replaced by tfbindgen: no provider for the CLI to fetch.
    assert config["terraformProviders"] == []


@pytest.mark.parametrize("script", ["setup", "synth", "test", "apt-deps"])
def test_set_up_scripts_are_executable(script: str) -> None:
    assert os.access(ROOT / "scripts" / script, os.X_OK)
