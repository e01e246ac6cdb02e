"""Members of generated classes, shared by the client, paginators, waiters and resources: methods, their
parameters and decorators."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Optional

from .defs import TypedDictDef
from .types import Import, TypeExpr


@dataclass(frozen=True)
class Parameter:
    """One parameter of a generated method."""

    name: str
    type: TypeExpr
    default: Optional[str] = None
    unpacked: bool = False  # **kwargs: Unpack[TypedDict]

    def render(self) -> str:
        if self.unpacked:
            return f"**{self.name}: Unpack[{self.type.render()}]"
        text = f"{self.name}: {self.type.render()}"
        return text if self.default is None else f"{text} = {self.default}"

    def imports(self) -> Iterator[Import]:
        if self.unpacked:
            yield Import("typing", "Unpack")
        yield from self.type.imports()


@dataclass(frozen=True)
class Decorator:
    """`@overload` and the like; `pragma` is a checker comment that must sit on the decorator's line."""

    expr: TypeExpr
    pragma: str = ""

    @property
    def text(self) -> str:
        return f"{self.expr.render()}  {self.pragma}" if self.pragma else self.expr.render()


@dataclass(frozen=True)
class Method:
    """A method of a generated class; `operation_name` is empty for the ones botocore adds."""

    name: str
    parameters: tuple[Parameter, ...]
    return_type: TypeExpr
    summary: str
    doc_url: str
    operation_name: str = ""
    request: Optional[TypedDictDef] = None
    decorators: tuple[Decorator, ...] = ()
    # a checker comment for the `def` line (an override the base class types more loosely)
    pragma: str = ""

    @property
    def docstring(self) -> str:
        """The summary, made safe inside a triple-quoted string."""
        return self.summary.replace("\\", "\\\\").replace('"', '\\"')

    @property
    def signature(self) -> str:
        return ", ".join(("self", *(parameter.render() for parameter in self.parameters)))

    def imports(self) -> Iterator[Import]:
        for decorator in self.decorators:
            yield from decorator.expr.imports()
        for parameter in self.parameters:
            yield from parameter.imports()
        yield from self.return_type.imports()
