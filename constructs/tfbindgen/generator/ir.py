"""Layer 2: the intermediate model, built from a schema document and its extras.

Every object here already knows its Python name, annotation, docstring text
and the source of its runtime spec, so the templates only lay out text.
Problems (extras naming unknown attributes, enumerations that cannot be
enforced, renames) are collected in :attr:`ProviderIR.notes`, never raised
at the first one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from tfbindgen.generator import ctytype, naming, validate
from tfbindgen.generator.doctext import blocks_text, fact_notes, flags, join, sentences
from tfbindgen.generator.facts import Context, Kind, lookup, rules_spec, validation
from tfbindgen.generator.schema import (
    Attribute,
    Block,
    BlockType,
    Extras,
    ProviderSchema,
)

_EXTRAS_KIND = {"resource": "resources", "data": "data_sources", "provider": "provider"}
_DOCS_KIND = {"resource": "resources", "data": "data-sources"}


@dataclass(frozen=True)
class AttributeIR:
    tf_name: str
    py_name: str
    required: bool
    settable: bool
    annotation: str
    getter: str
    spec: str
    doc: str


@dataclass(frozen=True)
class BlockTypeIR:
    tf_name: str
    py_name: str
    class_name: str
    required: bool
    annotation: str
    spec: str
    doc: str
    settable: bool = True
    getter: str = "BlockListAttribute"


@dataclass(frozen=True)
class ClassIR:
    """A nested block or a ``nested_type`` object: one frozen dataclass."""

    class_name: str
    tf_path: str
    doc: str
    attributes: tuple[AttributeIR, ...]
    block_types: tuple[BlockTypeIR, ...]
    spec: str

    @property
    def arguments(self) -> tuple[AttributeIR | BlockTypeIR, ...]:
        """Constructor arguments: required first (dataclass order does not matter
        with keyword-only fields, but readers expect it), then by name."""
        args: list[AttributeIR | BlockTypeIR] = [a for a in self.attributes if a.settable]
        args += self.block_types
        return tuple(sorted(args, key=lambda a: (not a.required, a.py_name)))


@dataclass(frozen=True)
class ResourceIR:
    kind: Kind
    tf_type: str
    class_name: str
    module_name: str
    doc: str
    doc_url: str
    root: ClassIR
    nested: tuple[ClassIR, ...]

    @property
    def arguments(self) -> tuple[AttributeIR | BlockTypeIR, ...]:
        return self.root.arguments

    @property
    def getters(self) -> tuple[AttributeIR | BlockTypeIR, ...]:
        items: list[AttributeIR | BlockTypeIR] = [*self.root.attributes, *self.root.block_types]
        return tuple(sorted(items, key=lambda a: a.py_name))

    @property
    def provider_arguments(self) -> tuple[AttributeIR | BlockTypeIR, ...]:
        """A provider's arguments, readable and assignable after construction."""
        return self.root.arguments

    @property
    def methods(self) -> tuple[MethodIR, ...]:
        """Stock bindings' ``reset_<optional argument>()`` and ``put_<block>(value)``."""
        taken = {a.py_name for a in self.getters} | naming.ENGINE_MEMBERS
        found: list[MethodIR] = []
        for arg in self.arguments:
            block = arg.getter.startswith("Block")
            if block and f"put_{arg.py_name}" not in taken:
                found.append(MethodIR(f"put_{arg.py_name}", arg, put=True))
            if not arg.required and f"reset_{arg.py_name}" not in taken:
                found.append(MethodIR(f"reset_{arg.py_name}", arg, put=False))
        return tuple(sorted(found, key=lambda m: m.name))


@dataclass(frozen=True)
class MethodIR:
    name: str
    arg: AttributeIR | BlockTypeIR
    put: bool


@dataclass(frozen=True)
class ProviderIR:
    name: str
    source: str
    version: str | None
    provider: ResourceIR
    resources: tuple[ResourceIR, ...]
    data_sources: tuple[ResourceIR, ...]
    notes: tuple[str, ...]

    @property
    def modules(self) -> tuple[ResourceIR, ...]:
        return (*self.resources, *self.data_sources)


def build(
    schema: ProviderSchema,
    extras: Extras | None,
    *,
    name: str,
    source: str,
    version: str | None,
) -> ProviderIR:
    """The intermediate model of one provider."""
    refused = validate.problems(schema)
    if refused:
        lines = "".join(f"\n  - {p}" for p in refused)
        raise ValueError(
            f"the schema cannot be generated ({len(refused)} "
            f"problem{'s' if len(refused) > 1 else ''}):{lines}"
        )
    extras = extras or Extras()
    notes: list[str] = []
    if schema.ephemeral_resource_schemas:
        notes.append(
            "skipped ephemeral resources (not generated): "
            + ", ".join(sorted(schema.ephemeral_resource_schemas))
        )
    class_names: set[str] = {naming.camel(name) + "Provider"}
    modules: set[str] = set(naming.RESERVED_MODULES)

    provider_block = schema.provider.block if schema.provider else Block()
    provider = _resource(
        "provider",
        name,
        provider_block,
        extras,
        notes,
        class_name=naming.camel(name) + "Provider",
        module_name="provider",
        doc_url=_docs_url(source, version, None, None),
    )

    def build_all(kind: Literal["resource", "data"], items: Mapping[str, Any]) -> list[ResourceIR]:
        built = []
        for tf_type in sorted(items):
            cls = naming.unique(naming.class_name(tf_type, name, kind), class_names, suffix="_")
            module = naming.unique(naming.module_name(tf_type, name, kind), modules)
            built.append(
                _resource(
                    kind,
                    tf_type,
                    items[tf_type].block,
                    extras,
                    notes,
                    class_name=cls,
                    module_name=module,
                    doc_url=_docs_url(
                        source,
                        version,
                        kind,
                        tf_type[len(name) + 1 :] if tf_type.startswith(name + "_") else tf_type,
                    ),
                )
            )
        return built

    resources = build_all("resource", schema.resource_schemas)
    data_sources = build_all("data", schema.data_source_schemas)
    known = {f"{_EXTRAS_KIND[r.kind]}:{r.tf_type}" for r in (*resources, *data_sources)}
    known |= {f"ephemeral_resources:{n}" for n in schema.ephemeral_resource_schemas}
    for key in sorted(set(extras.sections) - known):
        notes.append(f"extras: section {key!r} names nothing in the schema; ignored")
    return ProviderIR(
        name=name,
        source=source,
        version=version,
        provider=provider,
        resources=tuple(resources),
        data_sources=tuple(data_sources),
        notes=tuple(notes),
    )


def _docs_url(source: str, version: str | None, kind: str | None, short: str | None) -> str:
    base = f"https://registry.terraform.io/providers/{source}/{version or 'latest'}/docs"
    if kind is None or short is None:
        return base
    return f"{base}/{_DOCS_KIND[kind]}/{short}"


def _resource(
    kind: Kind,
    tf_type: str,
    block: Block,
    extras: Extras,
    notes: list[str],
    *,
    class_name: str,
    module_name: str,
    doc_url: str,
) -> ResourceIR:
    facts = extras.facts(_EXTRAS_KIND[kind], tf_type)
    ctx = Context(kind=kind, tf_type=tf_type, facts=facts, notes=notes)
    ctx.class_names.add(class_name)
    rules = rules_spec(ctx, block)
    root = _class(ctx, block, class_name, path=(), context=kind, rules=rules)
    for path in sorted(set(facts) - ctx.used_facts):
        notes.append(f"extras: {kind} {tf_type}: {path!r} is not in the schema; ignored")
    what = {"resource": "Resource", "data": "Data source", "provider": "Provider"}[kind]
    doc = join(
        block.description or f"{what} ``{tf_type}``.",
        f"Terraform: ``{tf_type}`` ({doc_url})",
    )
    return ResourceIR(
        kind=kind,
        tf_type=tf_type,
        class_name=class_name,
        module_name=module_name,
        doc=doc,
        doc_url=doc_url,
        root=root,
        nested=tuple(ctx.classes),
    )


def _class(
    ctx: Context,
    block: Block,
    class_name: str,
    *,
    path: tuple[str, ...],
    context: naming.Context,
    rules: str = "",
    attributes: Mapping[str, Attribute] | None = None,
) -> ClassIR:
    attributes = block.attributes if attributes is None else attributes
    names, renames = naming.python_names([*attributes, *block.block_types], context)
    where = ".".join((ctx.tf_type, *path))
    ctx.notes.extend(f"renamed {ctx.kind} {where}.{r}" for r in renames)
    attrs = tuple(
        _attribute(
            ctx, attributes[n], tf_name=n, py_name=names[n], path=(*path, n), owner=class_name
        )
        for n in sorted(attributes)
    )
    blocks = tuple(
        _block_type(
            ctx,
            block.block_types[n],
            tf_name=n,
            py_name=names[n],
            path=(*path, n),
            owner=class_name,
        )
        for n in sorted(block.block_types)
    )
    spec = f"_rt.Spec(\n        {where!r},\n"
    settable = [a for a in attrs if a.settable]
    if settable:
        spec += "        attrs=(\n" + "".join(f"            {a.spec},\n" for a in settable)
        spec += "        ),\n"
    if blocks:
        spec += "        blocks=(\n" + "".join(f"            {b.spec},\n" for b in blocks)
        spec += "        ),\n"
    computed = [a for a in attrs if not a.settable]
    if path and computed:  # what block references (vm.disk.get(0).wwn) read
        spec += "        computed=(\n" + "".join(f"            {a.spec},\n" for a in computed)
        spec += "        ),\n"
    spec += rules + "    )"
    doc = block.description or f"``{where}``."
    return ClassIR(class_name, where, doc, attrs, blocks, spec)


def _attribute(
    ctx: Context,
    attr: Attribute,
    *,
    tf_name: str,
    py_name: str,
    path: tuple[str, ...],
    owner: str,
) -> AttributeIR:
    dotted = ".".join(path)
    facts = lookup(ctx, dotted)
    settable = attr.required or attr.optional
    env = facts.default_func.env if facts and facts.default_func else ()
    # SDKv2 turns a Required attribute with an environment DefaultFunc into an
    # optional one whenever that variable is set: omission is valid then.
    required = attr.required and not env
    if attr.nested_type is not None:
        nt = attr.nested_type
        cls = naming.unique(owner + naming.camel(tf_name), ctx.class_names, suffix="2")
        nested = _class(ctx, Block(), cls, path=path, context="block", attributes=nt.attributes)
        ctx.classes.append(nested)
        annotation = _nested_annotation(cls, nt.nesting_mode, nt.max_items)
        kind_text = f"nested {nt.nesting_mode} of {cls}"
        spec_args = [repr(tf_name), repr(py_name), "None"]
        spec_args.append(f"nested={cls}")
        spec_args.append(f"nesting={nt.nesting_mode!r}")
        if nt.min_items:
            spec_args.append(f"min_items={nt.min_items}")
        if nt.max_items:
            spec_args.append(f"max_items={nt.max_items}")
        getter = _block_getter(nt.nesting_mode, nt.max_items) if settable else "ComplexAttribute"
    else:
        cty = ctytype.parse(attr.type, f"{ctx.tf_type}.{dotted}")
        annotation = ctytype.annotation(cty)
        kind_text = ctytype.describe(cty)
        spec_args = [repr(tf_name), repr(py_name), repr(cty)]
        getter = ctytype.getter(cty)
        if facts and facts.go_type == "TypeInt" and _is_number(cty):
            spec_args.append("integer=True")
        if facts and facts.min_items:
            spec_args.append(f"min_items={facts.min_items}")
        if facts and facts.max_items:
            spec_args.append(f"max_items={facts.max_items}")
    if required:
        spec_args.insert(3, "required=True")
    enum_text = ""
    if facts and facts.validate:
        spec_args += validation(ctx, dotted, facts)
        if facts.validate.one_of:
            enum_text = "One of: " + ", ".join(repr(v) for v in facts.validate.one_of) + "."
    doc = sentences(
        attr.description,
        flags(attr, required, env, kind_text),
        enum_text,
        fact_notes(facts, ctx.kind),
    )
    return AttributeIR(
        tf_name=tf_name,
        py_name=py_name,
        required=required,
        settable=settable,
        annotation=annotation,
        getter=getter,
        spec=f"_rt.Attr({', '.join(spec_args)})",
        doc=doc,
    )


def _block_type(
    ctx: Context,
    bt: BlockType,
    *,
    tf_name: str,
    py_name: str,
    path: tuple[str, ...],
    owner: str,
) -> BlockTypeIR:
    facts = lookup(ctx, ".".join(path))
    cls = naming.unique(owner + naming.camel(tf_name), ctx.class_names, suffix="2")
    nested = _class(ctx, bt.block, cls, path=path, context="block")
    ctx.classes.append(nested)
    # A "group" block is always present (framework); a single block is
    # required only when the schema says so through min_items.
    required = bt.min_items > 0 and bt.nesting_mode != "group"
    mode = "single" if bt.nesting_mode == "group" else bt.nesting_mode
    spec_args = [repr(tf_name), repr(py_name), cls, repr(mode)]
    if bt.min_items:
        spec_args.append(f"min_items={bt.min_items}")
    if bt.max_items:
        spec_args.append(f"max_items={bt.max_items}")
    counts = ""
    if mode in ("list", "set", "map"):
        low, high = bt.min_items, bt.max_items
        if low and high:
            counts = f"{low} to {high} blocks." if low != high else f"Exactly {blocks_text(low)}."
        elif low:
            counts = f"At least {blocks_text(low)}."
        elif high:
            counts = f"At most {blocks_text(high)}."
    doc = sentences(
        bt.block.description,
        f"{'Required' if required else 'Optional'} {mode} block of ``{cls}``. {counts}".strip(),
        fact_notes(facts, ctx.kind),
    )
    return BlockTypeIR(
        tf_name=tf_name,
        py_name=py_name,
        class_name=cls,
        required=required,
        annotation=_nested_annotation(cls, mode, bt.max_items),
        spec=f"_rt.Blocks({', '.join(spec_args)})",
        doc=doc,
        getter=_block_getter(mode, bt.max_items),
    )


def _nested_annotation(cls: str, mode: str, max_items: int = 0) -> str:
    item = f"{cls} | _t.Mapping[str, _t.Any]"
    if mode in ("single", "group"):
        return item
    if mode == "map":
        return f"_t.Mapping[str, {item}]"
    if max_items == 1:  # the block alone will do, as in stock bindings
        return f"{item} | _t.Sequence[{item}]"
    return f"_t.Sequence[{item}]"


def _block_getter(mode: str, max_items: int) -> str:
    """The runtime getter of a block type: stock bindings' indexing by nesting mode."""
    if mode in ("single", "group") or (mode in ("list", "set") and max_items == 1):
        return "BlockObjectAttribute"
    return "BlockMapAttribute" if mode == "map" else "BlockListAttribute"


def _is_number(cty: ctytype.Spec) -> bool:
    return cty == "number" or (isinstance(cty, tuple) and cty[0] != "object" and cty[1] == "number")
