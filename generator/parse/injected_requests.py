"""The request TypedDicts the published packages give methods boto3 and botocore inject, whose parameters no
model names: `<Owner><Method>RequestTypeDef` (ClientUploadFileRequestTypeDef, TableBatchWriterRequestTypeDef),
one key per parameter, NotRequired where it has a default. Ours keep the typed parameters on the method and
export the TypedDict for code that builds the keywords first."""

from __future__ import annotations

from typing import Optional

from ..ir.defs import Direction, Field, TypedDictDef
from ..ir.members import Method, ParameterKind
from ..ir.types import NONE, External, Subscript, TypeExpr, union


def injected_request(owner: str, method: Method) -> Optional[TypedDictDef]:
    """`<Owner><Method>RequestTypeDef` for an injected method with keyword parameters, else None."""
    parameters = [item for item in method.parameters if item.kind is ParameterKind.POSITIONAL_OR_KEYWORD]
    if not parameters or len(parameters) != len(method.parameters):
        return None
    name = owner + "".join(part[:1].upper() + part[1:] for part in method.name.split("_")) + "RequestTypeDef"
    fields = tuple(
        Field(item.name, _without_none(item.type) if item.default == "None" else item.type, item.default is None)
        for item in parameters
    )
    return TypedDictDef(name, fields, "", Direction.INPUT, method.summary)


def _without_none(expr: TypeExpr) -> TypeExpr:
    """A key that defaults to None is left out instead: NotRequired[X], not NotRequired[Optional[X]]."""
    if isinstance(expr, Subscript) and expr.base == External("typing", "Union") and NONE in expr.args:
        rest = tuple(item for item in expr.args if item != NONE)
        return rest[0] if len(rest) == 1 else union(*rest)
    return expr
