"""Issue 16: edge-case schemas (one fixture each), generated, type-checked and planned.

The fixtures in tests/fixtures/schemas (assignment-after-construction,
self-in-block, meta-argument-names, lifecycle-in-block, porting) are used by
tfbindgen_edges.py the way ported stock code would; the real Terraform plans
its JSON and its HCL synthesis with the stand-in provider serving the
fixture schemas, and both must plan the same values. The fixtures in
tests/fixtures/schemas/refused must be refused at generation, each with its
own message and nothing written.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from tfbindgen_plan import plan_json_and_hcl
from tfbindgen_testing import SCHEMAS

from tfbindgen.engine import App, TerraformStack
from tfbindgen.runtime import BindingError

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent

Planned = tuple[dict[str, Any], dict[str, Any], str]


@pytest.fixture(scope="module")
def planned(fixture_bindings: Path, tmp_path_factory: pytest.TempPathFactory) -> Planned:
    import tfbindgen_edges

    stack = TerraformStack(App(), "edges")
    tfbindgen_edges.build(stack)
    return plan_json_and_hcl(stack, tmp_path_factory.mktemp("edges"), tfbindgen_edges.PROVIDERS)


def _after(planned: Planned, address: str) -> dict[str, Any]:
    from_json, from_hcl, _ = planned
    assert from_json[address] == from_hcl[address], address
    after: dict[str, Any] = from_json[address].get("after") or from_json[address]["read"]
    return after


def test_the_json_and_the_hcl_plan_to_the_same_values(planned: Planned) -> None:
    from_json, from_hcl, _ = planned
    assert from_json == from_hcl
    assert len(from_json) == 7  # six resources and a data source


def test_assignment_after_construction_takes_effect(planned: Planned) -> None:
    after = _after(planned, "assign_thing.assigned")
    assert after["name"] == "second"
    assert after["tags"] == {"b": "2"}
    assert after["size"] is None  # reset_size()
    assert after["rule"] == [{"port": 80}, {"port": 443}]  # put_rule() after `rule =`
    assert 'endpoint = "https://api.example"' in planned[2]


def test_assignment_is_checked_and_read_only_attributes_refuse(fixture_bindings: Path) -> None:
    from fx_assign.thing import Thing

    vm = Thing(TerraformStack(App(), "s"), "vm", name="n")
    with pytest.raises(BindingError) as error:
        vm.size = "big"  # type: ignore[assignment]
    assert str(error.value) == "s/vm (assign_thing): 'size' must be a number (got 'big': str)"
    with pytest.raises(BindingError, match=r"'name' is required \(got None\)"):
        vm.name = None  # type: ignore[assignment]
    with pytest.raises(AttributeError) as read_only:
        vm.fingerprint = "x"
    assert str(read_only.value) == (
        "s/vm (assign_thing): 'fingerprint' is read-only (computed by the provider); "
        "it cannot be set"
    )


def test_a_block_attribute_named_self_is_settable(planned: Planned) -> None:
    after = _after(planned, "selfref_thing.self")
    assert after["self"] == "top"
    assert after["link"] == [{"self": "inner", "href": "h"}]


def test_arguments_named_like_meta_arguments_reach_the_provider(planned: Planned) -> None:
    after = _after(planned, "meta_thing.meta")
    names = ("count", "provider", "for_each", "depends_on", "provisioner")
    assert {k: after[k] for k in names} == {
        "count": 3, "provider": "p", "for_each": "f", "depends_on": ["d"], "provisioner": "pr",
    }  # fmt: skip
    assert after["lifecycle"] == [{"stage": "s"}]
    assert after["connection"] == [{"host": "h"}]
    read = _after(planned, "data.meta_info.meta-info")
    assert (read["count"], read["lifecycle"], read["provider"]) == (2, "lc", "p")
    # one resource, one data source: Terraform took none of them as its own count
    assert "meta_thing.meta[0]" not in planned[0]
    assert "_ {\n    count" in planned[2]


def test_a_nested_attribute_named_lifecycle_is_an_argument_not_a_block(planned: Planned) -> None:
    after = _after(planned, "lcblock_thing.lifecycle")
    assert after["rule"] == [{"name": "r", "lifecycle": "l", "provisioner": "p"}]
    assert '    lifecycle   = "l"\n' in planned[2]


def test_porting_single_objects_indexing_put_and_reset(planned: Planned) -> None:
    source = _after(planned, "port_thing.source")
    assert source["boot"] == [{"dev": "vda"}]  # a single object where max_items = 1
    reader = _after(planned, "port_thing.reader")
    volumes = [d["volume"] for d in reader["disk"]]
    assert volumes == ["vda", "52:54:00:00:00:01", "meta-value", "v1"]  # .get(i) / .get(key)
    assert planned[0]["port_thing.reader"]["after_unknown"]["name"] is True  # disk.get(1).wwn


def test_the_edge_program_passes_strict_mypy(fixture_bindings: Path) -> None:
    mypy = subprocess.run(
        [
            sys.executable, "-m", "mypy", "--strict", "--no-incremental",
            "--config-file", str(ROOT / "pyproject.toml"), str(HERE / "tfbindgen_edges.py"),
        ],
        capture_output=True, text=True, timeout=300, check=False, cwd=fixture_bindings,
        env={"MYPYPATH": f"{ROOT / 'constructs'}:{fixture_bindings}", "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert mypy.returncode == 0, mypy.stdout + mypy.stderr


REFUSED = {
    "attribute-and-block-same-name": (
        "resource dup_thing: 'net' is both an attribute and a block; Terraform refuses such a "
        "schema (a name is one or the other)"
    ),
    "attribute-without-flags": (
        "resource ghost_thing: attribute 'ghost' is none of required, optional and computed; "
        "Terraform refuses such a schema (it must be one of them)"
    ),
    "invalid-name": (
        "resource badname_thing: '2fa_code' is not a name HCL can write (letters, digits, '_' "
        "and '-', not starting with a digit); Terraform could not read it in a .tf file"
    ),
    "provider-meta-argument": (
        "provider: argument 'alias' has the name of a provider meta-argument; Terraform reads "
        "it as its own, so the provider would never receive it"
    ),
}


@pytest.mark.parametrize("fixture", sorted(REFUSED))
def test_schemas_terraform_refuses_are_refused_at_generation(fixture: str, tmp_path: Path) -> None:
    schema = SCHEMAS / "refused" / f"{fixture}.json"
    run = subprocess.run(
        [sys.executable, "-m", "tfbindgen", "--schema", str(schema), "--out", str(tmp_path)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert run.returncode == 2, run.stderr
    assert f"  - {REFUSED[fixture]}\n" in run.stderr
    assert run.stderr.startswith(f"tfbindgen: {fixture}.json: the schema cannot be generated (")
    assert list(tmp_path.iterdir()) == []
