"""The naming policy: one table of Terraform names and the Python names they become."""

from __future__ import annotations

import ast
import builtins
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from tfbindgen_testing import ROOT

from tfbindgen.generator import naming

# (Terraform name, context, Python name)
POLICY = [
    ("name", "resource", "name"),
    ("network_interface", "block", "network_interface"),
    # Python keywords, in every context (libvirt's `class`, openstack's `in`)
    ("class", "block", "class_"),
    ("in", "block", "in_"),
    ("import", "resource", "import_"),
    ("global", "data", "global_"),
    # id/type stay: the construct id is `id_`, shadowing builtins id/type is harmless
    ("id", "resource", "id"),
    ("type", "resource", "type"),
    ("type", "block", "type"),
    ("format", "resource", "format"),
    # Terraform meta-arguments clash on constructs only
    ("count", "resource", "count_"),
    ("count", "block", "count"),
    ("depends_on", "resource", "depends_on_"),
    ("depends_on", "block", "depends_on"),
    ("for_each", "data", "for_each_"),
    ("provider", "resource", "provider_"),
    ("provider", "data", "provider_"),
    ("lifecycle", "resource", "lifecycle_"),
    ("lifecycle", "block", "lifecycle"),
    ("connection", "resource", "connection_"),
    ("provisioners", "resource", "provisioners_"),
    ("alias", "provider", "alias_"),
    # engine members a getter would hide
    ("node", "resource", "node_"),
    ("node", "block", "node"),
    ("fqn", "data", "fqn_"),
    ("friendly_unique_id", "resource", "friendly_unique_id_"),
    # the constructor's own parameters
    ("scope", "resource", "scope_"),
    ("id_", "resource", "id__"),
    # builtins the generated code names in class bodies
    ("str", "block", "str_"),
    ("bool", "resource", "bool_"),
    ("float", "block", "float_"),
    # not identifiers
    ("fooBar", "block", "foo_bar"),
    ("a-b.c", "block", "a_b_c"),
    ("3d", "block", "x_3d"),
    ("_private", "block", "x_private"),
]


@pytest.mark.parametrize(("tf_name", "context", "expected"), POLICY)
def test_each_terraform_name_becomes_the_python_name_of_the_policy(
    tf_name: str, context: naming.Context, expected: str
) -> None:
    names, _ = naming.python_names([tf_name], context)
    assert names == {tf_name: expected}


def test_every_rename_is_reported_with_its_reason() -> None:
    _, renames = naming.python_names(["class", "count", "name", "3d"], "resource")
    assert [str(r) for r in renames] == [
        "3d -> x_3d (made a snake_case identifier)",
        "class -> class_ (Python keyword)",
        "count -> count_ (Terraform meta-argument)",
    ]


def test_names_that_collide_once_converted_keep_the_exact_one_and_suffix_the_other() -> None:
    names, renames = naming.python_names(["fooBar", "foo_bar", "class", "class_"], "block")
    assert names == {
        "foo_bar": "foo_bar",
        "fooBar": "foo_bar_",
        "class_": "class_",
        "class": "class__",
    }
    assert "class -> class__ (Python keyword; collides with 'class_')" in map(str, renames)


@pytest.mark.parametrize(
    ("type_name", "provider", "kind", "module", "cls"),
    [
        ("libvirt_domain", "libvirt", "resource", "domain", "Domain"),
        ("libvirt_cloudinit_disk", "libvirt", "resource", "cloudinit_disk", "CloudinitDisk"),
        (
            "openstack_networking_network_v2",
            "openstack",
            "data",
            "data_networking_network_v2",
            "DataNetworkingNetworkV2",
        ),
        ("libvirt_import", "libvirt", "resource", "import_", "Import"),
        ("libvirt_provider", "libvirt", "resource", "provider_", "Provider"),
        ("libvirt", "libvirt", "resource", "libvirt", "Libvirt"),
    ],
)
def test_resource_types_become_modules_and_classes_without_the_provider_prefix(
    type_name: str, provider: str, kind: str, module: str, cls: str
) -> None:
    assert naming.module_name(type_name, provider, kind) == module  # type: ignore[arg-type]
    assert naming.class_name(type_name, provider, kind) == cls  # type: ignore[arg-type]


@pytest.mark.parametrize("engine", ["cdktn", "cdktf"])
def test_the_engine_member_list_matches_the_engines_public_api(engine: str) -> None:
    code = (
        "import json; from tfbindgen import engine as e\n"
        "names = set()\n"
        "for c in (e.TerraformResource, e.TerraformDataSource, e.TerraformProvider, e.Construct):\n"
        "    names |= {n for n in dir(c) if not n.startswith('_')}\n"
        "print(json.dumps(sorted(names)))"
    )
    env = {**os.environ, "OPENSTACK_HA_ENGINE": engine}
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert set(json.loads(result.stdout)) == naming.ENGINE_MEMBERS


def _class_scope_names(path: Path) -> set[str]:
    """Names resolved in class scope: class-level statements and method signatures."""
    found: set[str] = set()
    for cls in (n for n in ast.walk(ast.parse(path.read_text())) if isinstance(n, ast.ClassDef)):
        for stmt in cls.body:
            nodes: list[ast.AST] = []
            if isinstance(stmt, ast.FunctionDef):
                nodes += stmt.decorator_list
                nodes += [
                    a.annotation for a in (*stmt.args.args, *stmt.args.kwonlyargs) if a.annotation
                ]
                nodes += [stmt.returns] if stmt.returns else []
            else:
                nodes.append(stmt)
            found |= {
                n.id
                for node in nodes
                for n in ast.walk(node)
                if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)
            }
    return found


def test_the_reserved_builtins_are_exactly_those_the_generated_code_names(
    fixture_bindings: Path,
) -> None:
    modules = [
        *(ROOT / "constructs" / "tfproviders").rglob("*.py"),
        *fixture_bindings.rglob("*.py"),
    ]
    used = set().union(*map(_class_scope_names, modules)) & set(dir(builtins))
    assert used - {"None"} <= naming.GENERATED_CODE_BUILTINS
    assert used >= {"str", "float", "bool"}
