"""Imports point one way, generated bindings stay in the platforms, and nothing imports in a circle.

Read from the source (``ast``), not by importing: what is checked is what the
files say. Layers, lowest first (a module may import its own layer and the
ones below; docs/ARCHITECTURE.md explains each):

    tfbindgen (engine, runtime)  <  tfproviders (generated)  <  model  <  render
    <  services  <  platforms  <  constructs  <  entry points (stack, cli,
    commands, check, diagram)  <  stacks/

The data flows model → render → constructs → platforms; constructs import
the platform *interface* (platforms/base.py) and receive an adapter, so
platforms import nothing above the model (no constructs ↔ platforms cycle).
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "constructs"

LAYERS: tuple[tuple[str, ...], ...] = (
    ("tfbindgen",),
    ("tfproviders",),
    ("openstack_ha.model",),
    ("openstack_ha.render",),
    ("openstack_ha.services",),
    ("openstack_ha.platforms",),
    ("openstack_ha.constructs",),
    (
        "openstack_ha.stack",
        "openstack_ha.cli",
        "openstack_ha.commands",
        "openstack_ha.check",
        "openstack_ha.diagram",
    ),
    ("stacks",),
)
# The package's __init__ imports openstack_ha.services so that every entry
# point sees the registered services (the registry pattern); it defines nothing.
REGISTERS = {"openstack_ha"}
# Generated bindings belong to the platforms. The one exception: the lab's
# secrets are random_* resources of the hashicorp/random provider, which
# every platform shares, so constructs/secrets.py creates them.
BINDINGS_EXCEPTIONS = {"openstack_ha.constructs.secrets"}
# Plain-Python layers: no CDK engine, no jsii, no generated bindings.
PURE = ("openstack_ha.model", "openstack_ha.render", "openstack_ha.services")
ENGINE = ("tfbindgen", "tfproviders", "cdktn", "cdktf", "constructs", "jsii")


def _module_name(path: Path, base: Path) -> str:
    parts = list(path.relative_to(base).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    out = {}
    for package in ("openstack_ha", "tfbindgen", "tfproviders"):
        for path in sorted((SOURCES / package).rglob("*.py")):
            out[_module_name(path, SOURCES)] = path
    for path in sorted((ROOT / "stacks").rglob("*.py")):
        out["stacks." + _module_name(path, ROOT / "stacks")] = path
    return out


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(path: Path, module: str, *, top_level_only: bool) -> set[str]:
    """Absolute names imported by ``path`` (TYPE_CHECKING blocks are not imports)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    is_package = path.name == "__init__.py"

    def visit(body: list[ast.stmt]) -> None:
        for node in body:
            if isinstance(node, ast.If) and _is_type_checking(node):
                continue
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    package = module.split(".")
                    if not is_package:
                        package = package[:-1]
                    package = package[: len(package) - node.level + 1]
                    base = ".".join(package + ([node.module] if node.module else []))
                else:
                    base = node.module or ""
                found.add(base)
                found.update(f"{base}.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                if not top_level_only:
                    visit(node.body)  # imports inside functions are imports too
            else:
                # if/try/with/for blocks at this level
                for child in ast.iter_child_nodes(node):
                    if isinstance(child, ast.ExceptHandler):
                        visit(child.body)
                visit([c for c in ast.iter_child_nodes(node) if isinstance(c, ast.stmt)])

    visit(tree.body)
    return found


def _layer(name: str) -> int | None:
    for rank, prefixes in enumerate(LAYERS):
        if any(name == p or name.startswith(p + ".") for p in prefixes):
            return rank
    return None


def test_imports_point_down_the_layers_only() -> None:
    problems = []
    for module, path in _modules().items():
        if module in REGISTERS:
            continue
        own = _layer(module)
        assert own is not None, f"{module} is in no layer; add it to LAYERS"
        for name in sorted(_imports(path, module, top_level_only=False)):
            rank = _layer(name)
            if rank is not None and rank > own:
                problems.append(f"{module} (layer {own}) imports {name} (layer {rank})")
    assert problems == []


def test_generated_bindings_are_imported_by_the_platforms_only() -> None:
    problems = []
    for module, path in _modules().items():
        if module.startswith(("tfproviders", "openstack_ha.platforms")):
            continue
        if module in BINDINGS_EXCEPTIONS:
            continue
        for name in sorted(_imports(path, module, top_level_only=False)):
            if name == "tfproviders" or name.startswith("tfproviders."):
                problems.append(f"{module} imports {name}")
    assert problems == []


def test_model_render_and_services_never_touch_the_cdk_engine() -> None:
    problems = []
    for module, path in _modules().items():
        if not module.startswith(PURE):
            continue
        for name in sorted(_imports(path, module, top_level_only=False)):
            if name.split(".")[0] in ENGINE:
                problems.append(f"{module} imports {name}")
    assert problems == []


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def walk(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state and (found := walk(nxt)) is not None:
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := walk(node)) is not None:
            return found
    return None


def test_no_module_imports_itself_in_a_circle() -> None:
    modules = _modules()
    graph: dict[str, set[str]] = {}
    for module, path in modules.items():
        # A package's __init__ re-exports its modules: an edge from a module to
        # its own package's __init__ is how Python imports it, not a dependency.
        graph[module] = {
            name
            for name in _imports(path, module, top_level_only=True)
            if name in modules and name != module and not module.startswith(name + ".")
        }
    assert _cycle(graph) is None


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None
