"""``[tool.tfbindgen]`` of pyproject.toml: which providers ``python -m tfbindgen`` generates."""

from __future__ import annotations

import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator


class ConfigError(ValueError):
    """The configuration is missing or wrong; the message says where and how to fix it."""


class ProviderEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str  # the provider package name, and Terraform's local name
    schema_path: str = Field(alias="schema")  # relative to pyproject.toml
    extras: str | None = None
    source: str | None = None  # picks the provider in a document holding several
    version: str | None = None  # pinned in required_providers and the docs links

    @field_validator("name")
    @classmethod
    def _identifier(cls, value: str) -> str:
        if not value.isidentifier():
            raise ValueError(f"{value!r} is not a Python package name; use letters, digits and _")
        return value


class Config(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    out: str = "tfproviders"
    package: str = "tfproviders"
    providers: list[ProviderEntry]


def find_pyproject(start: Path) -> Path | None:
    """The nearest pyproject.toml with a ``[tool.tfbindgen]`` table, upwards from ``start``."""
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file() and "tfbindgen" in _tool(candidate):
            return candidate
    return None


def _tool(path: Path) -> dict[str, object]:
    try:
        data = tomllib.loads(path.read_text())
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    tool = data.get("tool", {})
    return tool if isinstance(tool, dict) else {}


def load(pyproject: Path) -> Config:
    """The ``[tool.tfbindgen]`` table of ``pyproject``, validated."""
    table = _tool(pyproject).get("tfbindgen")
    if not isinstance(table, dict):
        raise ConfigError(
            f"{pyproject}: no [tool.tfbindgen] table; add one listing [[tool.tfbindgen.providers]] "
            "(name, schema, extras, source, version), or pass --schema FILE --out DIR"
        )
    try:
        return Config.model_validate(table)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()
        )
        raise ConfigError(f"{pyproject} [tool.tfbindgen]: {problems}") from exc
