"""The jinja2 environment over the templates in the top-level ``cloud-init/``.

``cloud-init/`` ships inside the wheel as the package ``openstack_ha.templates``
(``constructs/openstack_ha/templates`` is a symlink to it: setuptools' package
discovery follows it, both for the editable install and for a built wheel), so
a stack in another repository renders the same files. Templates only lay out
text: every default and every decision lives in Python.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2

__all__ = ["add_template_dir", "render_template", "template_names"]

_PACKAGE = "openstack_ha.templates"
# Folders searched after the shipped templates: a service defined outside
# this package (another repository, a test) brings its own templates.
_EXTRA_DIRS: list[Path] = []


def add_template_dir(directory: Path) -> Callable[[], None]:
    """Search ``directory`` for templates too; returns the function that undoes it."""
    _EXTRA_DIRS.append(directory)
    return lambda: _EXTRA_DIRS.remove(directory)


def _load(name: str) -> str:
    try:
        return resources.files(_PACKAGE).joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError:
        for directory in _EXTRA_DIRS:
            path = directory / name
            if path.is_file():
                return path.read_text(encoding="utf-8")
        raise jinja2.TemplateNotFound(name) from None


@functools.cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FunctionLoader(_load),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,  # none of these outputs is HTML; XML and YAML are never templated
    )


def render_template(name: str, **context: Any) -> str:
    """Render ``cloud-init/<name>`` with ``context`` (undefined names are errors)."""
    return _environment().get_template(name).render(**context)


def template_names() -> list[str]:
    """Every template shipped, sorted (for tests and packaging checks)."""
    root = resources.files(_PACKAGE)
    return sorted(p.name for p in root.iterdir() if p.name.endswith(".j2"))
