"""YAML lab files: only what differs from the default lab, keys mirroring the model.

``load_lab("lab.yaml")`` reads the file, deep-merges it onto the default lab
(mappings merge key by key, everything else replaces: a list given in the
file is the whole list), validates the structure, runs every rule, and
raises ``LabError`` with EVERY problem found, each carrying ``file:line``.

Structural errors (unknown keys, wrong types) and rule problems are
reported together: the erroneous parts are set back to their defaults, and
the rules that do not read them still run on the rest.

YAML specifics caught here because PyYAML lets them through: a key given
twice in one mapping (PyYAML keeps the last silently) and non-string keys.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from openstack_ha.model.errors import (
    LabError,
    Problem,
    did_you_mean,
    format_choices,
    format_value,
)
from openstack_ha.model.rules import check_rules
from openstack_ha.model.spec import LabSpec

__all__ = ["default_document", "lab_json_schema", "load_lab", "parse_lab", "parse_lab_text"]

Path_ = tuple[str | int, ...]


# ---------------------------------------------------------------- YAML with line numbers


class _Loader(yaml.SafeLoader):
    """SafeLoader; only used to compose nodes and construct scalars."""


def _line_of(text: str, line: int) -> str:
    lines = text.splitlines()
    return lines[line].strip() if 0 <= line < len(lines) else ""


def _load_yaml(text: str, source: str) -> tuple[Any, dict[Path_, int]]:
    try:
        loader = _Loader(text)
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, max(exc.position, 0)) + 1
        raise LabError(
            [
                Problem(
                    loc="",
                    code="yaml_syntax",
                    message=(
                        f"not valid YAML (a character YAML does not allow), got "
                        f"#x{exc.character:04x}; remove it"
                    ),
                    source=f"{source}:{line}",
                )
            ]
        ) from None
    try:
        try:
            node = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line if mark is not None else 0
            column = mark.column + 1 if mark is not None else 1
            what = exc.problem or "unreadable YAML"
            if exc.context:
                what = f"{exc.context}, {what}"
            shown = _line_of(text, line)
            raise LabError(
                [
                    Problem(
                        loc="",
                        code="yaml_syntax",
                        message=(
                            f"not valid YAML ({what}), got "
                            f"{repr(shown) if shown else 'the end of the file'}; "
                            f"fix the syntax at column {column}"
                        ),
                        source=f"{source}:{line + 1}",
                    )
                ]
            ) from None
        except yaml.YAMLError as exc:  # anything else PyYAML refuses
            raise LabError(
                [
                    Problem(
                        loc="",
                        code="yaml_syntax",
                        message=f"not valid YAML, got {str(exc).splitlines()[0]}; fix the file",
                        source=source,
                    )
                ]
            ) from None
        lines: dict[Path_, int] = {}
        problems: list[Problem] = []
        if node is None:
            return {}, lines
        value = _walk(loader, node, (), lines=lines, problems=problems, source=source)
        if problems:
            raise LabError(problems)
        return value, lines
    finally:
        loader.dispose()


def _walk(
    loader: _Loader,
    node: yaml.Node,
    path: Path_,
    *,
    lines: dict[Path_, int],
    problems: list[Problem],
    source: str,
) -> Any:
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)  # resolve `<<` merge keys like SafeLoader does
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1
            if not isinstance(key, str):
                problems.append(
                    Problem(
                        loc=_loc_str(path),
                        code="invalid_type",
                        message=f"keys are setting names, got {format_value(key)}; rename it",
                        source=f"{source}:{line}",
                    )
                )
                continue
            child = (*path, key)
            if key in out:
                problems.append(
                    Problem(
                        loc=_loc_str(child),
                        code="yaml_duplicate_key",
                        message=(
                            f"the key is given twice in one mapping (first at line "
                            f"{lines[child]}), got {key!r} again; keep one"
                        ),
                        source=f"{source}:{line}",
                    )
                )
                continue
            lines[child] = line
            out[key] = _walk(
                loader, value_node, child, lines=lines, problems=problems, source=source
            )
        return out
    if isinstance(node, yaml.SequenceNode):
        return [
            _walk(loader, item, (*path, i), lines=lines, problems=problems, source=source)
            for i, item in enumerate(node.value)
        ]
    return loader.construct_object(node, deep=True)


# ---------------------------------------------------------------- merge onto the default


def default_document() -> dict[str, Any]:
    """The default lab as a plain document (what a lab file is merged onto)."""
    doc: dict[str, Any] = LabSpec().model_dump(mode="json")
    return doc


def _merge(base: Mapping[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        current = out.get(key)
        if isinstance(current, Mapping) and isinstance(value, Mapping):
            out[key] = _merge(current, value)
        else:
            out[key] = value
    return out


def _without(doc: Mapping[str, Any], path: Path_) -> dict[str, Any]:
    """``doc`` minus the deepest key of ``path`` that ``doc`` has (its default comes back)."""
    out = dict(doc)
    if not path or not isinstance(path[0], str) or path[0] not in out:
        return out
    key, rest = path[0], path[1:]
    value = out[key]
    if rest and isinstance(rest[0], str) and isinstance(value, Mapping) and rest[0] in value:
        out[key] = _without(value, rest)
    else:
        del out[key]
    return out


# ---------------------------------------------------------------- pydantic errors -> problems


def _loc_str(path: Sequence[str | int]) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


def _loc_path(loc: str) -> Path_:
    out: list[str | int] = []
    for part in loc.split("."):
        if not part:
            continue
        name, *indexes = re.split(r"\[(\d+)\]", part)
        if name:
            out.append(name)
        out.extend(int(i) for i in indexes if i)
    return tuple(out)


def _model_at(path: Sequence[str | int]) -> type[BaseModel] | None:
    model: type[BaseModel] = LabSpec
    for part in path:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part)
        if field is None:
            return None
        inner = _model_in(field.annotation)
        if inner is None:
            return None
        model = inner
    return model


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _shown(value: Any) -> str:
    text = format_value(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _convert(error: Mapping[str, Any]) -> Problem:
    path: Path_ = tuple(error["loc"])
    loc = _loc_str(path)
    kind = error["type"]
    value = error.get("input")
    got = _shown(value)
    if kind == "extra_forbidden":
        key = str(path[-1])
        model = _model_at(path[:-1])
        allowed = sorted(model.model_fields) if model is not None else []
        return Problem(
            loc=loc,
            code="unknown_key",
            message=f"unknown key {key!r}; allowed: {', '.join(allowed)}"
            + did_you_mean(key, allowed),
        )
    if kind == "literal_error":
        choices = re.findall(r"'([^']*)'", str(error.get("ctx", {}).get("expected", "")))
        hint = did_you_mean(str(value), choices) if isinstance(value, str) else ""
        return Problem(
            loc=loc,
            code="invalid_choice",
            message=f"not an allowed value, got {got}; use {format_choices(choices)}{hint}",
        )
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return Problem(
            loc=loc,
            code="invalid_type",
            message=f"expected a whole number, got {got}; write it without quotes",
        )
    if kind in ("bool_type", "bool_parsing"):
        return Problem(
            loc=loc,
            code="invalid_type",
            message=f"expected true or false, got {got}; write true or false",
        )
    if kind == "string_type":
        return Problem(
            loc=loc, code="invalid_type", message=f"expected a text value, got {got}; quote it"
        )
    if kind in ("tuple_type", "list_type"):
        return Problem(
            loc=loc, code="invalid_type", message=f"expected a list, got {got}; write [a, b]"
        )
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return Problem(
            loc=loc,
            code="invalid_type",
            message=f"expected a mapping of settings, got {got}; write key: value pairs",
        )
    if kind == "ip_v4_address":
        return Problem(
            loc=loc,
            code="invalid_address",
            message=f"not an IPv4 address, got {got}; write e.g. 10.20.0.10",
        )
    if kind == "ip_v4_network":
        return Problem(loc=loc, code="invalid_network", message=_network_message(value, got))
    if kind == "missing":
        return Problem(
            loc=loc,
            code="missing_key",
            message=f"a required setting is missing, got nothing; add {path[-1]}",
        )
    return Problem(
        loc=loc,
        code="invalid_value",
        message=f"{error.get('msg', 'invalid')}, got {got}; see `openstack-ha schema`",
    )


def _network_message(value: Any, got: str) -> str:
    import ipaddress  # noqa: PLC0415

    if isinstance(value, str):
        try:
            network = ipaddress.IPv4Network(value, strict=False)
        except ValueError:
            pass
        else:
            if "/" in value:
                return (
                    f"the network address has host bits set, got {got}; use {network} "
                    "(the network address)"
                )
    return f"not an IPv4 network in CIDR notation, got {got}; write e.g. 10.20.0.0/24"


# ---------------------------------------------------------------- entry points


def _with_sources(
    problems: Sequence[Problem], source: str, lines: Mapping[Path_, int]
) -> list[Problem]:
    if not source:
        return list(problems)
    out = []
    for problem in problems:
        path = _loc_path(problem.loc)
        where = source
        for end in range(len(path), 0, -1):
            line = lines.get(path[:end])
            if line is not None:
                where = f"{source}:{line}"
                break
        out.append(
            Problem(
                loc=problem.loc,
                code=problem.code,
                message=problem.message,
                source=problem.source or where,
            )
        )
    return out


def parse_lab(data: Any, *, source: str = "", lines: Mapping[Path_, int] | None = None) -> LabSpec:
    """A lab from a document (dict) holding only what differs from the default lab."""
    lines = lines or {}
    if not isinstance(data, Mapping):
        raise LabError(
            [
                Problem(
                    loc="",
                    code="yaml_not_mapping",
                    message=(
                        f"a lab is a mapping of settings, got {_shown(data)}; write key: value "
                        "lines such as 'database: {count: 5}'"
                    ),
                    source=source,
                )
            ]
        )
    default = default_document()
    problems: list[Problem] = []
    bad: list[str] = []
    spec: LabSpec | None
    try:
        spec = LabSpec.model_validate(_merge(default, data))
    except ValidationError as exc:
        errors = exc.errors()
        problems += [_convert(e) for e in errors]
        bad = [_loc_str(e["loc"]) for e in errors]
        repaired: dict[str, Any] = dict(data)
        for error in errors:
            repaired = _without(repaired, tuple(error["loc"]))
        try:
            spec = LabSpec.model_validate(_merge(default, repaired))
        except ValidationError:
            spec = None
    if spec is not None:
        problems += check_rules(spec, skip_reading=bad)
    if problems:
        raise LabError(_with_sources(problems, source, lines))
    assert spec is not None
    return spec


def parse_lab_text(text: str, *, source: str = "<lab>") -> LabSpec:
    """A lab from YAML text; ``source`` names it in messages (``file:line``)."""
    doc, lines = _load_yaml(text, source)
    return parse_lab(doc, source=source, lines=lines)


def load_lab(path: str | Path) -> LabSpec:
    """A lab from a YAML file; problems name the file as given (never made absolute)."""
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise LabError(
            [
                Problem(
                    loc="",
                    code="lab_file",
                    message=f"cannot read the lab file ({reason}), got {name!r}; check the path",
                    source=name,
                )
            ]
        ) from None
    return parse_lab_text(text, source=name)


def _drop_required(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _drop_required(v) for k, v in node.items() if k != "required"}
    if isinstance(node, list):
        return [_drop_required(v) for v in node]
    return node


def lab_json_schema() -> dict[str, Any]:
    """JSON Schema of a lab file, for editors.

    Nothing is required: a lab file is merged onto the default lab, so every
    key may be left out (the loader still reports a storage_management network
    given without its cidr).
    """
    schema = _drop_required(LabSpec.model_json_schema(mode="validation"))
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "openstack-ha lab file"
    schema["description"] = (
        "An HA OpenStack control-plane lab. State only what differs from the default lab; "
        "mappings are merged onto it key by key, lists and values replace."
    )
    result: dict[str, Any] = schema
    return result
