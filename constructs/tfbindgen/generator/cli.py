"""``python -m tfbindgen``: generate (or check) provider bindings.

Modes:

* no input option: every provider listed in ``[tool.tfbindgen]`` of the
  nearest pyproject.toml, into its ``out`` folder;
* ``--schema FILE [--extras FILE]``: one schema document (``terraform
  providers schema -json`` output) into ``--out DIR/<package>``;
* ``--from terraform|tofu SOURCE@VERSION``: capture the schema first (needs
  the tool and network access to its registry).

``--check`` regenerates in memory and compares byte for byte with what is on
disk, writing nothing; it exits 1 when anything differs. Generation never
imports the CDK engine. A package is written all at once or not at all (see
:func:`tfbindgen.generator.tree.write`).

Exit status: see ``EXIT_STATUS``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tfbindgen import __version__
from tfbindgen.generator import codegen, config, tree

CONFIG_COMMAND = "python -m tfbindgen"

EXIT_OK, EXIT_DIFFERENT, EXIT_BAD_INPUT, EXIT_IO = 0, 1, 2, 3
EXIT_STATUS = (
    "exit status: 0 done (--check: no difference); 1 --check found differences; "
    "2 bad input (options, configuration, a schema or extras document, or a schema "
    "Terraform would refuse), nothing written; 3 I/O error while writing (the output "
    "folder is left as it was)"
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m tfbindgen",
        description="Typed Python CDK bindings for Terraform/OpenTofu providers, from their "
        "schema JSON. Without --schema/--from: regenerate every provider in [tool.tfbindgen] "
        "of pyproject.toml.",
        epilog=EXIT_STATUS,
    )
    parser.add_argument("--version", action="version", version=f"tfbindgen {__version__}")
    parser.add_argument(
        "--check",
        action="store_true",
        help="regenerate in memory and fail (exit 1) if any file differs from the one on disk",
    )
    parser.add_argument("--config", type=Path, help="pyproject.toml to read (default: nearest)")
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--schema", type=Path, help="a `providers schema -json` document")
    source.add_argument(
        "--from",
        dest="capture",
        nargs=2,
        metavar=("TOOL", "SOURCE@VERSION"),
        help="capture the schema with terraform or tofu (needs network), e.g. "
        "--from tofu dmacvicar/libvirt@0.8.3",
    )
    parser.add_argument("--extras", type=Path, help="extras JSON (ForceNew, enums, conflicts...)")
    parser.add_argument("--out", type=Path, help="folder that receives the provider package")
    parser.add_argument(
        "--package", help="name of the provider package (default: the provider's local name)"
    )
    parser.add_argument(
        "--provider", help="source address to pick when the document holds several providers"
    )
    parser.add_argument(
        "--provider-version", help="the provider version the schema is from (pinned in bindings)"
    )
    parser.add_argument("--save-schema", type=Path, help="with --from: keep the captured schema")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.schema is not None or args.capture is not None:
            return _single(args)
        return _configured(args)
    except (codegen.GenerationError, config.ConfigError) as exc:  # CaptureError is one too
        print(f"tfbindgen: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as exc:
        where = f" {exc.filename}" if exc.filename else ""
        print(
            f"tfbindgen: cannot write{where}: {exc.strerror or exc}; the output folder is "
            "left as it was",
            file=sys.stderr,
        )
        return EXIT_IO


def _configured(args: argparse.Namespace) -> int:
    for option in ("extras", "out", "package", "provider", "provider_version", "save_schema"):
        if getattr(args, option) is not None:
            raise config.ConfigError(
                f"--{option.replace('_', '-')} needs --schema or --from; without them the "
                "providers come from [tool.tfbindgen] of pyproject.toml"
            )
    pyproject = args.config or config.find_pyproject(Path.cwd())
    if pyproject is None:
        raise config.ConfigError(
            f"no pyproject.toml with [tool.tfbindgen] in {Path.cwd()} or above; run from the "
            "project, pass --config PATH, or use --schema FILE --out DIR"
        )
    settings = config.load(pyproject)
    root = pyproject.parent
    files: dict[str, bytes] = {}
    models = []
    for entry in settings.providers:
        target = codegen.Target(
            schema=_source(root / entry.schema_path, f"providers[{entry.name}].schema"),
            extras=_source(root / entry.extras, f"providers[{entry.name}].extras")
            if entry.extras
            else None,
            name=entry.name,
            source=entry.source,
            version=entry.version,
            command=CONFIG_COMMAND,
        )
        result = codegen.render_provider(target)
        models.append(result.model)
        files.update({f"{entry.name}/{rel}": data for rel, data in result.files.items()})
        if not args.check:
            _notes(entry.name, result.notes)
    files["__init__.py"] = codegen.render_root(settings.package, models, CONFIG_COMMAND)
    files["py.typed"] = b""
    return _finish(args, root / settings.out, files, CONFIG_COMMAND)


def _single(args: argparse.Namespace) -> int:
    # Imported here: subprocess and tempfile serve only --from, and every
    # millisecond of start-up shows in each regeneration.
    from tfbindgen.generator import capture  # noqa: PLC0415 - see above

    if args.capture is not None:
        capture.check(*args.capture)
    if args.out is None:
        raise config.ConfigError("--out DIR is required with --schema or --from")
    extras = _source(args.extras, "--extras") if args.extras else None
    if args.capture is not None:
        tool, spec = args.capture
        provider_source, local, version = capture.parse_spec(spec)
        data = capture.capture(tool, spec)
        if args.save_schema:
            args.save_schema.write_bytes(data)
        schema = codegen.Source(
            args.save_schema.name if args.save_schema else f"{local}-{version}.json", data
        )
        args.provider = args.provider or provider_source
        args.provider_version = args.provider_version or version
    else:
        schema = _source(args.schema, "--schema")
    command = f"python -m tfbindgen --schema {schema.name}"
    if extras:
        command += f" --extras {extras.name}"
    if args.provider:
        command += f" --provider {args.provider}"
    if args.provider_version:
        command += f" --provider-version {args.provider_version}"
    target = codegen.Target(
        schema=schema,
        extras=extras,
        source=args.provider,
        version=args.provider_version,
        command=command + " --out DIR" + (f" --package {args.package}" if args.package else ""),
    )
    result = codegen.render_provider(target)
    package = args.package or result.model.name
    if not package.isidentifier():
        raise config.ConfigError(f"--package: {package!r} is not a Python package name")
    if package in sys.stdlib_module_names:
        if args.package:
            print(
                f"tfbindgen: warning: --package {package} is a standard-library module name; "
                f"with {args.out} on sys.path it hides the standard module",
                file=sys.stderr,
            )
        else:
            # DIR/random on sys.path would break `import random` (and tempfile).
            package = f"{package}_provider"
            print(
                f"tfbindgen: note: the provider's name {result.model.name!r} is a standard-"
                f"library module; the package is {package!r} (choose one with --package)",
                file=sys.stderr,
            )
    if not args.check:
        _notes(package, result.notes)
    return _finish(args, args.out / package, result.files, command)


def _source(path: Path, what: str) -> codegen.Source:
    try:
        return codegen.Source.read(path)
    except OSError as exc:
        raise config.ConfigError(f"{what}: cannot read {path}: {exc.strerror}") from exc


def _notes(package: str, notes: tuple[str, ...]) -> None:
    for note in notes:
        print(f"tfbindgen: {package}: note: {note}", file=sys.stderr)


def _finish(args: argparse.Namespace, out: Path, files: dict[str, bytes], command: str) -> int:
    if args.check:
        differences = tree.compare(out, files)
        if not differences:
            print(f"tfbindgen --check: {len(files)} files in {out} are up to date")
            return EXIT_OK
        for difference in differences:
            print(difference)
        print(
            f"tfbindgen --check: {len(differences)} of the generated files in {out} differ from "
            f"what the schemas give; run `{command}` and commit the result",
            file=sys.stderr,
        )
        return EXIT_DIFFERENT
    written, deleted = tree.write(out, files)
    print(
        f"tfbindgen: {len(files)} files in {out} ({len(written)} written, "
        f"{len(deleted)} stale deleted)"
    )
    return EXIT_OK
