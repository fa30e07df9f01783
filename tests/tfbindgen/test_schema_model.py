"""Layer 1 (the input documents) and cty types: what is read, what is refused."""

from __future__ import annotations

import json

import pytest

from tfbindgen.generator import ctytype
from tfbindgen.generator.schema import Document, Extras, SchemaError


@pytest.mark.parametrize(
    ("raw", "spec", "annotation", "described", "getter"),
    [
        ("string", "string", "str", "string", "StringAttribute"),
        ("number", "number", "float", "number", "NumberAttribute"),
        ("bool", "bool", "bool | _rt.IResolvable", "bool", "BooleanAttribute"),
        ("dynamic", "dynamic", "_t.Any", "dynamic", "ComplexAttribute"),
        (
            ["set", "string"],
            ("set", "string"),
            "_t.Sequence[str] | _rt.IResolvable",
            "set(string)",
            "StringListAttribute",
        ),
        (
            ["map", ["list", "string"]],
            ("map", ("list", "string")),
            "_t.Mapping[str, _t.Sequence[str]] | _rt.IResolvable",
            "map(list(string))",
            "AnyMapAttribute",
        ),
        (
            ["list", ["map", "string"]],
            ("list", ("map", "string")),
            "_t.Sequence[_t.Mapping[str, str]] | _rt.IResolvable",
            "list(map(string))",
            "ComplexAttribute",
        ),
        (
            ["object", {"b": "number", "a": "string"}, ["b"]],
            ("object", (("a", "string"), ("b", "number"))),
            "_t.Mapping[str, _t.Any] | _rt.IResolvable",
            "object({a=string, b=number})",
            "ComplexAttribute",
        ),
        (
            ["tuple", ["string", "bool"]],
            ("tuple", ("string", "bool")),
            "_t.Sequence[_t.Any] | _rt.IResolvable",
            "tuple([string, bool])",
            "ComplexAttribute",
        ),
    ],
)
def test_a_cty_type_gives_its_spec_annotation_notation_and_getter(
    raw: object, spec: ctytype.Spec, annotation: str, described: str, getter: str
) -> None:
    parsed = ctytype.parse(raw, "x.attr")
    assert parsed == spec
    assert ctytype.annotation(parsed) == annotation
    assert ctytype.describe(parsed) == described
    assert ctytype.getter(parsed) == getter


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("text", "x.attr: unknown primitive type 'text'; allowed: string, number, bool, dynamic"),
        (
            ["list"],
            "x.attr: ['list'] is not a cty type; expected a primitive name or "
            '["list"|"set"|"map", T], ["object", {...}], ["tuple", [...]]',
        ),
        (
            ["map", "strin"],
            "x.attr.map: unknown primitive type 'strin'; allowed: string, number, bool, dynamic",
        ),
    ],
)
def test_an_unknown_cty_type_is_refused_naming_where_it_is(raw: object, message: str) -> None:
    with pytest.raises(ctytype.CtyTypeError) as caught:
        ctytype.parse(raw, "x.attr")
    assert str(caught.value) == message


def test_a_schema_document_of_another_major_format_is_refused() -> None:
    with pytest.raises(SchemaError) as caught:
        Document.read({"format_version": "2.0", "provider_schemas": {}})
    assert str(caught.value) == (
        "format_version '2.0' is not supported; tfbindgen reads 1.x "
        "(the format of `terraform providers schema -json` since Terraform 0.12)"
    )


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ([], "document: expected an object, got list"),
        (
            {"format_version": "1.0"},
            "document: no provider_schemas; is this `providers schema -json`?",
        ),
        (
            {"format_version": "1.0", "provider_schemas": {"p": {"resource_schemas": {"r": {
                "block": {"block_types": {"b": {"nesting_mode": "tuple", "block": {}}}}}}}}},
            "document.provider_schemas.p.resource_schemas.r.block.block_types.b.nesting_mode: "
            "'tuple' is not one of single, list, set, map, group",
        ),
        (
            {"format_version": "1.0", "provider_schemas": {"p": {"resource_schemas": {"r": {
                "block": {"attributes": {"a": {"type": "string", "optional": "yes"}}}}}}}},
            "document.provider_schemas.p.resource_schemas.r.block.attributes.a.optional: "
            "expected bool, got 'yes'",
        ),
        (
            {"format_version": "1.0", "provider_schemas": {"p": {"resource_schemas": {"r": {
                "block": {"attributes": {"a": {"optional": True}}}}}}}},
            "document.provider_schemas.p.resource_schemas.r.block.attributes.a: an attribute "
            "needs a type or a nested_type",
        ),
    ],
)  # fmt: skip
def test_a_malformed_document_is_refused_naming_the_json_path(
    document: object, message: str
) -> None:
    with pytest.raises(SchemaError) as caught:
        Document.read(document)
    assert str(caught.value) == message


def test_keys_added_by_later_terraform_releases_are_ignored() -> None:
    document = Document.read(
        {
            "format_version": "1.0",
            "provider_schemas": {
                "registry.terraform.io/x/y": {
                    "provider": {"version": 0, "block": {"description_kind": "plain"}},
                    "functions": {"f": {}},
                    "resource_identity_schemas": {},
                    "resource_schemas": {
                        "y_r": {
                            "version": 0,
                            "block": {
                                "attributes": {"a": {"type": "string", "optional": True, "new": 1}},
                                "description_kind": "plain",
                            },
                        }
                    },
                }
            },
        }
    )
    attribute = document.provider_schemas["registry.terraform.io/x/y"].resource_schemas["y_r"]
    assert attribute.block.attributes["a"].optional


def test_extras_normalise_the_provider_section_to_the_resource_shape() -> None:
    extras = Extras.read(
        json.loads(
            """{"provider": {"uri": {"DefaultFunc":
                    {"env": ["LIBVIRT_DEFAULT_URI"], "default": null}}},
                "resources:libvirt_pool": {"_meta": {"Importer": true},
                    "attributes": {"path":
                        {"ConflictsWith": ["target.0.path"], "Default": null}}}}"""
        )
    )
    uri = extras.facts("provider", "libvirt")["uri"]
    assert uri.default_func is not None
    assert uri.default_func.env == ("LIBVIRT_DEFAULT_URI",)
    path = extras.facts("resources", "libvirt_pool")["path"]
    assert path.conflicts_with == ("target.0.path",)
    assert path.has_default  # an explicit null default is still a stated fact
    assert not uri.has_default
    assert extras.facts("resources", "libvirt_domain") == {}
