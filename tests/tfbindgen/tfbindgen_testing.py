"""Helpers shared by the tfbindgen tests (imported by name: tests/ has no packages)."""

from __future__ import annotations

import os
from pathlib import Path

from tfbindgen.generator import codegen, tree

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "tests" / "fixtures" / "schemas"

# Fixture packages are imported as fx_<provider> so they cannot shadow
# anything else on sys.path.
PREFIX = "fx_"

# The CDK engines every synthesis test runs on (one process each).
ENGINES = ("cdktn", "cdktf")


def fixture_schemas() -> list[Path]:
    return sorted(p for p in SCHEMAS.glob("*.json") if not p.name.endswith(".extras.json"))


def fixture_target(schema: Path) -> codegen.Target:
    extras = schema.with_name(schema.stem + ".extras.json")
    return codegen.Target(
        schema=codegen.Source.read(schema),
        extras=codegen.Source.read(extras) if extras.is_file() else None,
    )


def generate_fixtures(out: Path) -> dict[str, codegen.Result]:
    """Generate every fixture schema under ``out``; results by schema stem."""
    results = {}
    for schema in fixture_schemas():
        result = codegen.render_provider(fixture_target(schema))
        tree.write(out / f"{PREFIX}{result.model.name}", result.files)
        results[schema.stem] = result
    return results


def terraform_env() -> dict[str, str]:
    """Environment for running terraform in tests: no update check (it would call
    checkpoint-api.hashicorp.com), no user CLI configuration."""
    return {**os.environ, "CHECKPOINT_DISABLE": "1", "TF_CLI_CONFIG_FILE": "/dev/null"}
