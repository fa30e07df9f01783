"""``--from terraform|tofu SOURCE@VERSION``: capture a provider schema where network exists.

It writes a throw-away configuration requiring exactly that provider version,
runs ``<tool> init`` (which downloads the provider from its registry) and
``<tool> providers schema -json``. Our CI has no registry access, so the
tests drive it with a stand-in executable; on a connected machine it is the
way to refresh ``providers/*.json`` (save the output with ``--save-schema``).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from tfbindgen.generator.config import ConfigError

TOOLS = ("terraform", "tofu")
_SPEC = re.compile(
    r"^(?P<source>[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+){1,2})@(?P<version>[0-9][\w.+-]*)$"
)
TIMEOUT_S = 600


class CaptureError(ConfigError):
    """The schema could not be captured; the message says why and what to do.

    A ConfigError, so the command line reports it like any bad input (exit 2).
    """


def parse_spec(spec: str) -> tuple[str, str, str]:
    """``dmacvicar/libvirt@0.8.3`` -> (source, local name, version)."""
    match = _SPEC.match(spec)
    if not match:
        raise CaptureError(
            f"--from: {spec!r} is not SOURCE@VERSION; write e.g. dmacvicar/libvirt@0.8.3 "
            "(an exact version: the bindings pin it)"
        )
    source = match["source"]
    return source, source.rsplit("/", 1)[-1].lower(), match["version"]


def check(tool: str, spec: str) -> tuple[str, str, str]:
    """Refuse an unknown tool or a malformed spec before anything runs."""
    if tool not in TOOLS:
        raise CaptureError(f"--from: unknown tool {tool!r}; allowed: {', '.join(TOOLS)}")
    return parse_spec(spec)


def capture(tool: str, spec: str) -> bytes:
    """The ``providers schema -json`` document of one provider version."""
    source, name, version = check(tool, spec)
    executable = shutil.which(tool)
    if executable is None:
        raise CaptureError(
            f"--from {tool}: {tool!r} is not on PATH; install it, or capture the schema on "
            f"another machine (`{tool} providers schema -json`) and pass --schema FILE"
        )
    env = {**os.environ, "TF_IN_AUTOMATION": "1", "CHECKPOINT_DISABLE": "1"}
    with tempfile.TemporaryDirectory(prefix="tfbindgen-") as folder:
        Path(folder, "main.tf").write_text(
            "terraform {\n  required_providers {\n"
            f'    {name} = {{\n      source  = "{source}"\n      version = "= {version}"\n    }}\n'
            "  }\n}\n"
        )
        init = _run(
            [executable, "init", "-input=false", "-no-color", "-backend=false"], folder, env
        )
        if init.returncode != 0:
            raise CaptureError(
                f"`{tool} init` failed (exit {init.returncode}) installing {source} {version}: "
                f"{_tail(init.stderr or init.stdout)}. It downloads the provider from its "
                "registry: check network access, the source address and that the version exists"
            )
        result = _run([executable, "providers", "schema", "-json"], folder, env)
        if result.returncode != 0:
            raise CaptureError(
                f"`{tool} providers schema -json` failed (exit {result.returncode}): "
                f"{_tail(result.stderr or result.stdout)}"
            )
    try:
        json.loads(result.stdout)
    except ValueError as exc:
        raise CaptureError(f"`{tool} providers schema -json` did not print JSON: {exc}") from exc
    return result.stdout


def _run(argv: list[str], cwd: str, env: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(
            argv, cwd=cwd, env=env, capture_output=True, timeout=TIMEOUT_S, check=False
        )
    except subprocess.TimeoutExpired as exc:
        raise CaptureError(f"`{' '.join(argv[:3])}` took longer than {TIMEOUT_S} s") from exc


def _tail(output: bytes, lines: int = 5) -> str:
    text = output.decode(errors="replace").strip().splitlines()[-lines:]
    return " | ".join(line.strip() for line in text if line.strip()) or "no output"
