"""``openstack-ha schema`` and ``openstack-ha validate``, through the real entry point."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest
import yaml

from openstack_ha.cli import main
from openstack_ha.model import LabSpec, derive_plan, format_summary, lab_json_schema, load_lab

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "labs"
GOLDEN = ROOT / "tests" / "golden" / "plans"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_schema_prints_the_lab_json_schema_with_sorted_keys(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(["schema"], capsys)
    assert (code, err) == (0, "")
    assert out == json.dumps(lab_json_schema(), indent=2, sort_keys=True) + "\n"
    schema = json.loads(out)
    assert schema["title"] == "openstack-ha lab file"
    assert schema["additionalProperties"] is False
    assert "required" not in json.dumps(schema)
    database = schema["$defs"]["DatabaseGroup"]["properties"]
    assert database["count"]["default"] == 3
    assert database["count"]["description"].startswith("Galera members: odd")
    assert schema["$defs"]["CorosyncSpec"]["properties"]["transport"]["enum"] == ["knet"]


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.name)
def test_example_labs_satisfy_the_schema(path: Path) -> None:
    jsonschema.Draft202012Validator(lab_json_schema()).validate(
        yaml.safe_load(path.read_text(encoding="utf-8"))
    )


def test_schema_flags_an_unknown_key_for_editors() -> None:
    validator = jsonschema.Draft202012Validator(lab_json_schema())
    errors = list(validator.iter_errors({"database": {"cuont": 3}}))
    assert [e.validator for e in errors] == ["additionalProperties"]


def test_every_optional_field_documents_its_default() -> None:
    def walk(model: type) -> list[str]:
        missing = []
        for name, field in model.model_fields.items():  # type: ignore[attr-defined]
            if not field.is_required() and not field.description:
                inner = getattr(field.annotation, "model_fields", None)
                if inner is None:  # sub-models document themselves field by field
                    missing.append(f"{model.__name__}.{name}")
            annotation = field.annotation
            for candidate in (annotation, *getattr(annotation, "__args__", ())):
                if isinstance(candidate, type) and hasattr(candidate, "model_fields"):
                    missing += walk(candidate)
        return missing

    assert walk(LabSpec) == []


def test_validate_default_lab_prints_the_summary(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["validate"], capsys)
    path = GOLDEN / "default.summary.txt"
    if UPDATE:
        path.write_text(out, encoding="utf-8")
    assert (code, err) == (0, "")
    assert out == path.read_text(encoding="utf-8")
    assert out == format_summary(derive_plan(LabSpec()))


def test_validate_a_lab_file(capsys: pytest.CaptureFixture[str]) -> None:
    lab = EXAMPLES / "collapsed.yaml"
    code, out, err = run(["validate", "--lab", str(lab)], capsys)
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == (
        "lab ha-lab: platform libvirt, collapsed layout, debian12, 3 nodes, 1 Pacemaker "
        "cluster, fencing sbd"
    )
    assert out == format_summary(derive_plan(load_lab(lab)))


def test_validate_json_prints_the_whole_plan(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["validate", "--json"], capsys)
    assert (code, err) == (0, "")
    assert json.loads(out) == derive_plan(LabSpec()).model_dump(mode="json")


def test_validate_prints_every_problem_and_exits_1(
    capsys: pytest.CaptureFixture[str], lab_file: Callable[..., str]
) -> None:
    name = lab_file("datbase:\n  count: 3\nbrokers:\n  count: 4\ndatabase:\n  count: 2\n")
    code, out, err = run(["validate", "--lab", name], capsys)
    assert (code, out) == (1, "")
    assert err == (
        "error: lab.yaml:4: brokers.count: cluster_partition_handling pause_minority stops "
        "both halves of an even split, got 4; use 3 or 5 [broker_even]\n"
        "error: lab.yaml:6: database.count: Galera needs an odd number of members to keep "
        "quorum, got 2; use 3, 5 or 7, or set database.arbitrator: true to add garbd as a "
        "tie-breaker [galera_even]\n"
        "error: lab.yaml:1: datbase: unknown key 'datbase'; allowed: brokers, controllers, "
        "converged, corosync, database, domain, fencing, layout, libvirt, load_balancers, "
        "name, networks, openstack, os_family, pacemaker, platform, vips; did you mean "
        "'database'? [unknown_key]\n"
        "3 problems in lab.yaml\n"
    )


def test_validate_missing_file_exits_1(
    capsys: pytest.CaptureFixture[str], lab_file: Callable[..., str]
) -> None:
    lab_file("")
    code, out, err = run(["validate", "--lab", "missing.yaml"], capsys)
    assert (code, out) == (1, "")
    assert err == (
        "error: missing.yaml: cannot read the lab file (No such file or directory), got "
        "'missing.yaml'; check the path [lab_file]\n"
        "1 problem in missing.yaml\n"
    )


def test_warnings_go_to_stderr(
    capsys: pytest.CaptureFixture[str], lab_file: Callable[..., str]
) -> None:
    name = lab_file("fencing:\n  agent: none\n")
    code, out, err = run(["validate", "--lab", name], capsys)
    assert code == 0
    assert out.startswith("lab ha-lab: platform libvirt, dedicated layout, debian12, 11 nodes")
    assert "fencing none" in out.splitlines()[0]
    assert err == (
        "warning: fencing.agent: fencing is switched off (stonith-enabled=false): a node that "
        "stops answering is never fenced, so a split cluster can run Galera, the VIPs and the "
        "brokers twice and corrupt data; use sbd, fence_xvm or fence_virsh for anything but a "
        "throwaway lab\n"
    )


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run([], capsys)
    assert code == 2
    assert err.startswith("usage: openstack-ha")
    with pytest.raises(SystemExit) as caught:
        main(["validate", "--bogus"])
    assert caught.value.code == 2
    assert "unrecognized arguments: --bogus" in capsys.readouterr().err


def test_console_script_runs_the_same_main() -> None:
    script = Path(sys.executable).with_name("openstack-ha")
    lab = EXAMPLES / "active-passive-broker.yaml"
    result = subprocess.run(
        [str(script), "validate", "--lab", str(lab)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == format_summary(derive_plan(load_lab(lab)))
    bad = subprocess.run(
        [str(script), "validate", "--lab", str(EXAMPLES / "nope.yaml")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert bad.returncode == 1
    usage = subprocess.run([str(script)], capture_output=True, text=True, timeout=120, check=False)
    assert usage.returncode == 2
