"""Imports inside the model package point one way: no cycles, no deferred imports.

spec.py once imported rules.py inside LabSpec's validator while rules.py and
topology.py imported spec.py; this pins the direction (every import, also one
inside a function, counts; only imports under ``if TYPE_CHECKING:`` do not,
since they never run).
"""

from __future__ import annotations

import ast
from pathlib import Path

import openstack_ha.model

PACKAGE = "openstack_ha.model"
ROOT = Path(openstack_ha.model.__file__).parent


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join((PACKAGE, *parts))


def _imports() -> dict[str, set[str]]:
    modules = {_module_name(p): p for p in ROOT.rglob("*.py")}
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        typing_only = {
            id(n)
            for block in ast.walk(tree)
            if isinstance(block, ast.If) and ast.unparse(block.test).endswith("TYPE_CHECKING")
            for stmt in block.body
            for n in ast.walk(stmt)
        }
        for node in ast.walk(tree):
            if id(node) in typing_only:
                continue
            targets: list[str] = []
            if isinstance(node, ast.ImportFrom) and node.module:
                targets = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            graph[name] |= {t for t in targets if t in modules and t != name}
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return []

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return []


def test_model_imports_have_no_cycle() -> None:
    graph = _imports()
    # A package's __init__ may import its own modules; they must not import it back.
    for name in graph:
        graph[name] = {t for t in graph[name] if not name.startswith(f"{t}.")}
    assert _cycle(graph) == []


def test_spec_imports_no_rule_and_no_topology() -> None:
    spec = _imports()[f"{PACKAGE}.spec"]
    assert not {m for m in spec if m.startswith((f"{PACKAGE}.rules", f"{PACKAGE}.topology"))}
