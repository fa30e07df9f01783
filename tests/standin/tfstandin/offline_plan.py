"""``scripts/offline-plan STACK_DIR``: validate and plan a synthesized stack with the stand-ins.

The stack folder is copied to a private workspace (so neither state nor
``.terraform`` lands in it), its backend is initialised without touching the
network, then ``validate`` and ``plan`` run and their own output is printed.
The last line is Terraform's ``Plan: …`` line (or its "No changes." line).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from .wiring import Result, Workspace

_SUMMARY = re.compile(r"^(Plan: .*|No changes\..*)$", re.MULTILINE)


def _show(result: Result) -> None:
    sys.stdout.write(result.stdout)
    sys.stdout.write(result.stderr)
    sys.stdout.flush()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="scripts/offline-plan",
        description="terraform validate + plan on a synthesized stack folder, offline, "
        "with stand-in providers serving the pinned schemas",
    )
    parser.add_argument("stack_dir", type=Path, help="e.g. cdktf.out/stacks/ha-lab")
    parser.add_argument("--tool", help="terraform (default) or tofu; or set TFSTANDIN_TOOL")
    parser.add_argument(
        "--workdir",
        type=Path,
        help="keep the workspace (stack copy, CLI configuration, plan file) here "
        "instead of a temporary folder",
    )
    parser.add_argument(
        "--timeout", type=float, default=600.0, help="seconds per command (default 600)"
    )
    args = parser.parse_args(argv)

    stack = args.stack_dir
    if not stack.is_dir() or (not any(stack.glob("*.tf")) and not any(stack.glob("*.tf.json"))):
        print(
            f"offline-plan: {stack} is not a synthesized stack folder "
            "(no *.tf or *.tf.json in it); synthesize one first, e.g. "
            "`python stacks/main.py` writes cdktf.out/stacks/ha-lab",
            file=sys.stderr,
        )
        return 2

    def run(root: Path) -> int:
        ws = Workspace(root, tool=args.tool, timeout_s=args.timeout)
        ws.load(stack.resolve())
        for name in ws.placeholders:
            print(
                f"offline-plan: required variable {name} has no value offline; "
                "it gets a placeholder naming it"
            )
        validate = ws.run("validate", "-no-color", check=False)
        _show(validate)
        if validate.returncode != 0:
            return validate.returncode
        plan = ws.run("plan", "-no-color", "-input=false", "-out=offline.tfplan", check=False)
        _show(plan)
        if plan.returncode != 0:
            return plan.returncode
        summary = _SUMMARY.findall(plan.stdout)
        if not summary:
            print("offline-plan: the plan printed no 'Plan:' line", file=sys.stderr)
            return 1
        # Terraform prints warnings after its summary; repeat the summary last.
        print(summary[-1])
        return 0

    try:
        if args.workdir is not None:
            return run(args.workdir.resolve())
        with tempfile.TemporaryDirectory(prefix="offline-plan-") as tmp:
            return run(Path(tmp))
    except FileNotFoundError as exc:  # no terraform/tofu on PATH
        print(f"offline-plan: {exc}", file=sys.stderr)
        return 2
    except (RuntimeError, subprocess.TimeoutExpired) as exc:  # backend init failed / hung
        print(f"offline-plan: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
