"""``[tool.tfbindgen]`` of pyproject.toml: which providers ``python -m tfbindgen`` generates."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_PROVIDER_KEYS = {"name", "schema", "extras", "source", "version"}
_CONFIG_KEYS = {"out", "package", "providers"}


class ConfigError(ValueError):
    """The configuration is missing or wrong; the message says where and how to fix it."""


@dataclass(frozen=True)
class ProviderEntry:
    name: str  # the provider package name, and Terraform's local name
    schema_path: str  # relative to pyproject.toml
    extras: str | None = None
    source: str | None = None  # picks the provider in a document holding several
    version: str | None = None  # pinned in required_providers and the docs links


@dataclass(frozen=True)
class Config:
    providers: tuple[ProviderEntry, ...]
    out: str = "tfproviders"
    package: str = "tfproviders"


def find_pyproject(start: Path) -> Path | None:
    """The nearest pyproject.toml with a ``[tool.tfbindgen]`` table, upwards from ``start``."""
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file() and "tfbindgen" in _tool(candidate):
            return candidate
    return None


def _tool(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text())
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    tool = data.get("tool", {})
    return tool if isinstance(tool, dict) else {}


def _text(table: dict[str, Any], key: str, where: str, *, required: bool = False) -> str | None:
    value = table.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value:
        raise ConfigError(f"{where}.{key}: expected a non-empty string, got {value!r}")
    return value


def load(pyproject: Path) -> Config:
    """The ``[tool.tfbindgen]`` table of ``pyproject``, validated."""
    table = _tool(pyproject).get("tfbindgen")
    where = f"{pyproject} [tool.tfbindgen]"
    if not isinstance(table, dict):
        raise ConfigError(
            f"{pyproject}: no [tool.tfbindgen] table; add one listing [[tool.tfbindgen.providers]] "
            "(name, schema, extras, source, version), or pass --schema FILE --out DIR"
        )
    if unknown := sorted(set(table) - _CONFIG_KEYS):
        raise ConfigError(f"{where}: unknown key {unknown[0]!r}; allowed: {sorted(_CONFIG_KEYS)}")
    raw = table.get("providers")
    if not isinstance(raw, list) or not raw:
        raise ConfigError(f"{where}: providers must list at least one [[tool.tfbindgen.providers]]")
    entries = []
    for i, item in enumerate(raw):
        at = f"{where}.providers[{i}]"
        if not isinstance(item, dict):
            raise ConfigError(f"{at}: expected a table, got {item!r}")
        if unknown := sorted(set(item) - _PROVIDER_KEYS):
            raise ConfigError(
                f"{at}: unknown key {unknown[0]!r}; allowed: {sorted(_PROVIDER_KEYS)}"
            )
        name = _text(item, "name", at, required=True)
        assert name is not None
        if not name.isidentifier():
            raise ConfigError(f"{at}.name: {name!r} is not a Python package name; use a-z, 0-9, _")
        schema = _text(item, "schema", at, required=True)
        assert schema is not None
        entries.append(
            ProviderEntry(
                name=name,
                schema_path=schema,
                extras=_text(item, "extras", at),
                source=_text(item, "source", at),
                version=_text(item, "version", at),
            )
        )
    return Config(
        providers=tuple(entries),
        out=_text(table, "out", where) or "tfproviders",
        package=_text(table, "package", where) or "tfproviders",
    )
