"""Members of generated classes, shared by the client, paginators, waiters and resources: methods, their
parameters, and how each relates to the member of its name in the boto3 or botocore base class."""

from __future__ import annotations

import enum
from typing import Iterator, Optional

from .defs import TypedDictDef
from .records import record
from .types import Import, TypeExpr


class ParameterKind(enum.Enum):
    """How a caller passes a parameter, as `inspect.Parameter.kind` says it."""

    POSITIONAL_OR_KEYWORD = "positional or keyword"
    KEYWORD_ONLY = "keyword-only"
    VAR_KEYWORD = "var-keyword"  # **kwargs, each keyword a key of the TypedDict that is its type


class Override(enum.Enum):
    """What a member does to the member of its name in the base class, which checkers may call incompatible."""

    NONE = "none"  # the base has no such member, or the same signature
    # takes a TypedDict's keys (**kwargs: Unpack[...]) where the base takes **kwargs: Any
    NARROWS_KWARGS = "narrows kwargs"
    # accepts less than the base: a Literal for its str, named keywords for its **kwargs, another return type
    INCOMPATIBLE = "incompatible"


@record
class Parameter:
    """One parameter of a generated method."""

    name: str
    type: TypeExpr
    default: Optional[str] = None
    kind: ParameterKind = ParameterKind.POSITIONAL_OR_KEYWORD

    def imports(self) -> Iterator[Import]:
        if self.kind is ParameterKind.VAR_KEYWORD:
            yield Import("typing", "Unpack")
        yield from self.type.imports()


def unpacked(name: str, request: TypeExpr) -> Parameter:
    """`**name`, whose keywords are the keys of the TypedDict `request`."""
    return Parameter(name, request, kind=ParameterKind.VAR_KEYWORD)


@record
class Method:
    """A method of a generated class; `operation_name` is empty for the ones botocore adds.

    Overloads of one name follow each other in their class's list of methods, each with `overload` set.
    """

    name: str
    parameters: tuple[Parameter, ...]
    return_type: TypeExpr
    summary: str
    doc_url: str
    operation_name: str = ""
    request: Optional[TypedDictDef] = None
    overload: bool = False
    override: Override = Override.NONE
    awaitable: bool = False  # a call gives a coroutine to await (aiobotocore's operations)

    def imports(self) -> Iterator[Import]:
        if self.overload:
            yield Import("typing", "overload")
        for parameter in self.parameters:
            yield from parameter.imports()
        yield from self.return_type.imports()
