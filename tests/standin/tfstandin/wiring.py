"""Point Terraform (or OpenTofu) at the stand-ins: a CLI configuration and an environment.

The CLI configuration (``TF_CLI_CONFIG_FILE``; OpenTofu reads the same
variable) holds ``provider_installation { dev_overrides { ... } direct {} }``
with one entry per pinned provider, keyed by its source address as the
configuration spells it (``dmacvicar/libvirt``). A source address without a
host means the tool's default registry — registry.terraform.io for Terraform,
registry.opentofu.org for OpenTofu — so the same file serves both. With every
provider overridden neither ``init`` nor network is needed; the tool prints a
warning that development overrides are in effect.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from .schema import ROOT, pinned_providers

# Terraform loads *.auto.tfvars.json by itself, in plan and apply alike.
PLACEHOLDER_FILE = "tfstandin-placeholders.auto.tfvars.json"


def launcher_dir(name: str, root: Path = ROOT) -> Path:
    return root / "tests" / "standin" / "bin" / name


def _hcl_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def cli_config(root: Path = ROOT) -> str:
    """The CLI configuration (absolute launcher paths: written per run, never committed)."""
    lines = ["provider_installation {", "  dev_overrides {"]
    for p in pinned_providers(root).values():
        target = _hcl_string(str(p.launcher or launcher_dir(p.name, root)))
        lines.append(f"    {_hcl_string(p.source)} = {target}")
    lines += ["  }", "  direct {}", "}", ""]
    return "\n".join(lines)


def environment(
    config_file: Path, python: str | None = None, base: Mapping[str, str] | None = None
) -> dict[str, str]:
    """The environment for a run with the stand-ins."""
    env = dict(os.environ if base is None else base)
    env.update(
        TF_CLI_CONFIG_FILE=str(config_file),
        # OpenTofu reads TF_CLI_CONFIG_FILE too; a TOFU_-prefixed variable the
        # user may have set must not point elsewhere.
        TOFU_CLI_CONFIG_FILE=str(config_file),
        TF_IN_AUTOMATION="1",  # no "now run terraform apply" hints in the output
        TF_INPUT="0",
        CHECKPOINT_DISABLE="1",  # no version check over the network
    )
    # Nothing else may redirect providers or add arguments behind our back.
    for key in (
        "TF_PLUGIN_CACHE_DIR",
        "TF_REATTACH_PROVIDERS",
        "TF_DATA_DIR",
    ):
        env.pop(key, None)
    for key in list(env):
        if key.startswith("TF_CLI_ARGS"):
            del env[key]
    # The stand-ins run on this interpreter (it has grpcio & co.), whatever
    # the launchers' default (.venv/bin/python) would be.
    env["TFSTANDIN_PYTHON"] = python or sys.executable
    return env


def find_tool(preferred: str | None = None) -> str:
    """``terraform`` (default) or ``tofu``; ``TFSTANDIN_TOOL`` overrides."""
    name = preferred or os.environ.get("TFSTANDIN_TOOL") or "terraform"
    path = shutil.which(name)
    if path is None:
        raise FileNotFoundError(
            f"{name} is not on PATH; install Terraform (this project tests with 1.11.4), "
            "or OpenTofu and pass --tool tofu / set TFSTANDIN_TOOL=tofu"
        )
    return path


# --- the backend ----------------------------------------------------------------
# A configuration with a ``backend`` block needs ``init`` before ``plan``, and
# ``init`` also installs every required provider — from the network, even
# when dev_overrides name them. So the backend is initialised on its own: a
# scratch folder holding only the stack's backend block is initialised with
# TF_DATA_DIR pointing at the stack's data folder. No provider is required
# there, nothing is fetched, and the backend configuration (and its hash) is
# exactly the stack's.


def _skip_string(text: str, i: int) -> int:
    """Index after the quoted string starting at ``text[i] == '"'``."""
    i += 1
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] == '"':
            return i + 1
        i += 1
    raise ValueError("unterminated string")


def _block_end(text: str, open_brace: int) -> int:
    """Index after the ``}`` matching the ``{`` at ``open_brace`` (strings and comments skipped)."""
    depth, i = 0, open_brace
    while i < len(text):
        c = text[i]
        if c == '"':
            i = _skip_string(text, i)
            continue
        if c == "#" or text.startswith("//", i):
            i = text.find("\n", i)
            i = len(text) if i < 0 else i
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise ValueError("unbalanced braces")


_TERRAFORM_BLOCK = re.compile(r"^terraform\s*\{", re.MULTILINE)
_BACKEND = re.compile(r"backend\s+\"[^\"]+\"\s*\{")


def backend_block(config: str) -> str | None:
    """The text of the ``backend`` block in a configuration's top-level ``terraform`` block."""
    for match in _TERRAFORM_BLOCK.finditer(config):
        end = _block_end(config, match.end() - 1) - 1
        pos = match.end()
        while pos < end:
            c = config[pos]
            if c == '"':
                pos = _skip_string(config, pos)
                continue
            if c == "#" or config.startswith("//", pos):
                newline = config.find("\n", pos)
                pos = end if newline < 0 else newline
                continue
            found = _BACKEND.match(config, pos)
            if found and config[pos - 1] in " \t\n{":
                return config[pos : _block_end(config, found.end() - 1)]
            if c == "{":  # a nested block (required_providers, cloud): not ours
                pos = _block_end(config, pos)
                continue
            pos += 1
    return None


_VARIABLE = re.compile(r'^variable\s+"([^"]+)"\s*\{', re.MULTILINE)
_DEFAULT = re.compile(r"^\s*default\s*=", re.MULTILINE)
_TYPE = re.compile(r"^\s*type\s*=\s*(\S+)\s*$", re.MULTILINE)


def _without_nested_blocks(body: str) -> str:
    out, pos = [], 0
    while pos < len(body):
        c = body[pos]
        if c == '"':
            end = _skip_string(body, pos)
            out.append(body[pos:end])
            pos = end
        elif c == "{":
            pos = _block_end(body, pos)
        else:
            out.append(c)
            pos += 1
    return "".join(out)


def placeholder_variables(config: str) -> dict[str, str]:
    """A placeholder for every required string variable (no default) of a configuration.

    The OpenStack lab asks for its fence credential (a sensitive
    ``clouds.yaml``) as a variable; an offline plan has none to give. The
    placeholder names the variable, so it is recognisable wherever it shows.
    """
    out: dict[str, str] = {}
    for match in _VARIABLE.finditer(config):
        start = match.end() - 1
        body = _without_nested_blocks(config[start + 1 : _block_end(config, start) - 1])
        if _DEFAULT.search(body):
            continue
        declared = _TYPE.search(body)
        if declared is None or declared.group(1) == "string":
            out[match.group(1)] = f"placeholder for variable {match.group(1)} (tfstandin)"
    return out


@dataclass(frozen=True)
class Result:
    args: tuple[str, ...]
    returncode: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


_COPY_IGNORE = shutil.ignore_patterns(
    ".terraform", "*.tfstate", "*.tfstate.backup", ".terraform.lock.hcl", "*.tfplan"
)


class Workspace:
    """A private copy of a stack folder in which Terraform runs with the stand-ins.

    ``root`` holds the CLI configuration, a scratch folder for the backend,
    and ``stack/`` — the copy, where state and plans are written.
    """

    def __init__(
        self,
        root: Path,
        *,
        tool: str | None = None,
        python: str | None = None,
        timeout_s: float = 300.0,
    ) -> None:
        self.root = root
        self.dir = root / "stack"
        self.tool = find_tool(tool)
        self.timeout_s = timeout_s
        root.mkdir(parents=True, exist_ok=True)
        self.config_file = root / "standin.tfrc"
        self.config_file.write_text(cli_config())
        self.env = environment(self.config_file, python)
        self.placeholders: dict[str, str] = {}

    def load(self, stack_dir: Path) -> None:
        """Copy a synthesized stack in, over the previous one; state and .terraform stay."""
        self.dir.mkdir(exist_ok=True)
        for old in self.dir.glob("*.tf*"):
            if old.is_file() and not old.name.endswith((".tfstate", ".tfstate.backup", ".tfplan")):
                old.unlink()
        shutil.copytree(stack_dir, self.dir, ignore=_COPY_IGNORE, dirs_exist_ok=True)
        self.placeholders.clear()
        for tf in sorted(self.dir.glob("*.tf")):
            self.placeholders.update(placeholder_variables(tf.read_text()))
        if self.placeholders:
            (self.dir / PLACEHOLDER_FILE).write_text(
                json.dumps(self.placeholders, indent=2, sort_keys=True) + "\n"
            )
        self._init_backend()

    def _init_backend(self) -> None:
        block = None
        for tf in sorted(self.dir.glob("*.tf")):
            block = backend_block(tf.read_text()) or block
        if block is None:
            return
        scratch = self.root / "backend-init"
        shutil.rmtree(scratch, ignore_errors=True)
        scratch.mkdir()
        (scratch / "backend.tf").write_text("terraform {\n" + block + "\n}\n")
        env = dict(self.env, TF_DATA_DIR=str(self.dir / ".terraform"))
        self._run(scratch, env, ("init", "-input=false", "-no-color"), check=True)

    def run(self, *args: str, check: bool = True) -> Result:
        return self._run(self.dir, self.env, args, check=check)

    def _run(self, cwd: Path, env: dict[str, str], args: Sequence[str], *, check: bool) -> Result:
        cmd = (self.tool, *args)
        proc = subprocess.run(
            cmd,
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            timeout=self.timeout_s,
            check=False,
        )
        result = Result(tuple(cmd), proc.returncode, proc.stdout, proc.stderr)
        if check and proc.returncode != 0:
            raise RuntimeError(
                f"{' '.join(cmd)} (in {cwd}) exited {proc.returncode}:\n{result.output}"
            )
        return result
