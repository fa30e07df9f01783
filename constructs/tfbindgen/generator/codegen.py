"""Layer 3: lay the intermediate model out as Python files (jinja2 templates).

Pure: :func:`render_provider` returns file contents, it writes nothing, and
the same inputs always give the same bytes (sorted, no timestamps, no
absolute paths). Writing and comparing trees lives in :mod:`tfbindgen.tree`.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import jinja2

from tfbindgen import __version__
from tfbindgen.generator import ir
from tfbindgen.generator.schema import Document, Extras, ProviderSchema

_META = {
    "resource": (
        ("connection", "_rt.Connection"),
        ("count", "_rt.Count"),
        ("depends_on", "_t.Sequence[_rt.ITerraformDependable]"),
        ("for_each", "_rt.ITerraformIterator"),
        ("lifecycle", "_rt.Lifecycle"),
        ("provider", "_rt.TerraformProvider"),
        ("provisioners", "_t.Sequence[_rt.Provisioner]"),
    ),
    "data": (
        ("count", "_rt.Count"),
        ("depends_on", "_t.Sequence[_rt.ITerraformDependable]"),
        ("for_each", "_rt.ITerraformIterator"),
        ("lifecycle", "_rt.Lifecycle"),
        ("provider", "_rt.TerraformProvider"),
    ),
    "provider": (("alias", "str"),),
}
_BASE = {"resource": "Resource", "data": "DataSource", "provider": "Provider"}


class GenerationError(ValueError):
    """The inputs cannot be turned into bindings; the message says which and why."""


@dataclass(frozen=True)
class Source:
    """One input document: its bytes and the name to show for it."""

    name: str
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @classmethod
    def read(cls, path: Path) -> Source:
        return cls(path.name, path.read_bytes())


@dataclass(frozen=True)
class Target:
    """A provider to generate: where its schema is and how to name it."""

    schema: Source
    extras: Source | None
    name: str | None = None  # local name; default: the type in the source address
    source: str | None = None  # e.g. dmacvicar/libvirt; picks one of several providers
    version: str | None = None
    command: str = "python -m tfbindgen"


@dataclass(frozen=True)
class Result:
    files: dict[str, bytes]  # path relative to the provider package -> content
    notes: tuple[str, ...]
    model: ir.ProviderIR


def docstring(text: str, indent: int = 4) -> str:
    """``text`` as the body of a triple-quoted docstring at ``indent``."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").expandtabs(4)
    text = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    text = "".join(
        c if c == "\n" or c.isprintable() else c.encode("unicode_escape").decode("ascii")
        for c in text
    )
    lines = [line.rstrip() for line in text.strip("\n").split("\n")]
    pad = " " * indent
    body = lines[0] + "".join("\n" + (pad + line if line else "") for line in lines[1:])
    # A docstring ending in a quote would run into the closing quotes.
    return body[:-1] + '\\"' if body.endswith('"') else body


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("tfbindgen.generator", "templates"),
        autoescape=False,  # Python source, not HTML
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["docstring"] = docstring
    env.filters["pyrepr"] = repr
    return env


def _pick(document: Document, target: Target) -> tuple[str, ProviderSchema]:
    addresses = sorted(document.provider_schemas)
    if target.source:
        wanted = target.source.lower()
        found = [a for a in addresses if a.lower() == wanted or a.lower().endswith("/" + wanted)]
    else:
        found = addresses
    if len(found) != 1:
        listed = ", ".join(addresses) or "none"
        raise GenerationError(
            f"{target.schema.name}: cannot choose a provider "
            f"({'source ' + repr(target.source) if target.source else 'no --provider given'}); "
            f"the document holds: {listed}. Name one with its source address."
        )
    return found[0], document.provider_schemas[found[0]]


def _short_source(address: str) -> str:
    host, _, rest = address.partition("/")
    return rest if host == "registry.terraform.io" else address


def render_provider(target: Target) -> Result:
    """All files of one provider package, by path relative to the package."""
    # JSONDecodeError, UnicodeDecodeError and SchemaError are all ValueErrors.
    try:
        document = Document.read(json.loads(target.schema.data))
    except ValueError as exc:
        raise GenerationError(
            f"{target.schema.name}: not a provider schema document: {exc}"
        ) from exc
    extras = None
    if target.extras is not None:
        try:
            extras = Extras.read(json.loads(target.extras.data))
        except ValueError as exc:
            raise GenerationError(f"{target.extras.name}: not an extras document: {exc}") from exc
    address, schema = _pick(document, target)
    source = _short_source(address)
    name = target.name or address.rsplit("/", 1)[-1]
    try:
        model = ir.build(schema, extras, name=name, source=source, version=target.version)
    except ValueError as exc:
        raise GenerationError(f"{target.schema.name}: {exc}") from exc

    header = _header(target)
    env = _environment()
    files: dict[str, bytes] = {}
    resource_template = env.get_template("resource.py.jinja")
    for item in (model.provider, *model.modules):
        getters = () if item.kind == "provider" else item.getters
        read_only = [g for g in getters if not g.settable]
        arguments = item.provider_arguments if item.kind == "provider" else ()
        text = resource_template.render(
            header=header,
            r=item,
            provider=model,
            base=_BASE[item.kind],
            meta=_META[item.kind],
            getters=getters,
            read_only=read_only,
            arguments=arguments,
            methods=() if item.kind == "provider" else item.methods,
        )
        files[f"{item.module_name}.py"] = text.encode()
    exports = [(m.module_name, m.class_name) for m in (model.provider, *model.modules)]
    version = f" {model.version}" if model.version else ""
    doc = (
        f"Typed CDK bindings for the Terraform provider {model.source}{version}.\n\n"
        f"Classes load lazily from their modules: ``{model.provider.class_name}`` "
        f"(``provider``), one module per resource, ``data_*`` modules for data sources."
    )
    if model.notes:
        doc += "\n\nGeneration notes:\n\n" + "\n".join(f"* {n}" for n in model.notes)
    files["__init__.py"] = (
        env.get_template("package_init.py.jinja")
        .render(header=header, doc=doc, exports=sorted(exports))
        .encode()
    )
    files["py.typed"] = b""
    return Result(files=files, notes=model.notes, model=model)


def render_root(package: str, models: list[ir.ProviderIR], command: str) -> bytes:
    """``__init__.py`` of the package holding several provider packages."""
    lines = "\n".join(
        f"* ``{package}.{m.name}``: {m.source} {m.version or ''}".rstrip() for m in models
    )
    header = (
        f"# Generated by tfbindgen {__version__}.\n"
        f"# Regenerate with `{command}`; do not edit by hand."
    )
    doc = f"Generated Terraform provider bindings (tfbindgen).\n\n{lines}"
    return _environment().get_template("root_init.py.jinja").render(header=header, doc=doc).encode()


def _header(target: Target) -> str:
    lines = [
        f"# Generated by tfbindgen {__version__} from {target.schema.name}",
        f"# (schema sha256 {target.schema.sha256})",
    ]
    if target.extras is not None:
        lines.append(f"# and {target.extras.name} (extras sha256 {target.extras.sha256}).")
    lines.append(f"# Regenerate with `{target.command}`; do not edit by hand.")
    return "\n".join(lines)
