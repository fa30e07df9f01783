"""The pydantic base every model class shares, and the strict scalar types.

Every model is frozen (a spec or plan never changes after validation: derive
a new one instead) and forbids unknown keys (a typo in a lab file is an error,
never a silently ignored setting). Scalars are strict: YAML's ``count: yes``
or ``count: "3"`` must not quietly become an integer.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from openstack_ha.model.limits import limits_json_schema

__all__ = ["Bool", "Frozen", "Int", "Str"]


class Frozen(BaseModel):
    """Frozen, ``extra="forbid"``, attribute docstrings become descriptions."""

    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        use_attribute_docstrings=False,
        validate_default=False,
        json_schema_extra=limits_json_schema,
    )


Int = Annotated[int, Field(strict=True)]
Bool = Annotated[bool, Field(strict=True)]
Str = Annotated[str, Field(strict=True)]
