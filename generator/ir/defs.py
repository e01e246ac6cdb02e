"""Definitions of the IR: the named things a stub package declares (TypedDicts, aliases, Literals)."""

from __future__ import annotations

import enum
import keyword
from dataclasses import field
from functools import cached_property
from typing import Container, Iterator, Optional, Union

from .records import record
from .types import STR, DefRef, Deferred, Import, LiteralValues, Module, TypeExpr, not_required, quote


class Direction(enum.Enum):
    """Which side of a call a shape is rendered for."""

    INPUT = "input"
    OUTPUT = "output"


@record
class Field:
    """One key of a TypedDict."""

    name: str
    type: TypeExpr
    required: bool
    documentation: str = ""

    @cached_property  # read by every rendering of the key (stub, run-time module, docs); the field is frozen
    def annotation(self) -> TypeExpr:
        return self.type if self.required else not_required(self.type)

    @property
    def key(self) -> str:
        """The key as a string literal, for the functional TypedDict form."""
        return quote(self.name)

    def runtime_annotation(self, pending: Container[str]) -> str:
        """The annotation as evaluated at run time. A type naming a `pending` definition is one string,
        which get_type_hints evaluates whole on every Python (3.9 leaves a string nested in
        `Sequence[...]` unresolved); NotRequired stays outside it, or the key would count as required."""
        written = self.type
        if any(ref.name in pending for ref in written.runtime_refs()):
            written = Deferred(written)
        return (written if self.required else not_required(written)).runtime()


@record
class TypedDictDef:
    """A TypedDict rendered from a structure shape (or a fixed one like ResponseMetadata)."""

    name: str
    fields: tuple[Field, ...]
    shape_name: str = ""
    direction: Direction = Direction.INPUT
    documentation: str = ""
    # a structure no operation uses any more, kept because an earlier generation exported it (kept_names.py)
    unused: bool = False
    kind: str = field(default="TypedDict", init=False)

    @property
    def ref(self) -> DefRef:
        return DefRef(self.name, Module.TYPE_DEFS)

    @property
    def functional(self) -> bool:
        """Keys that are not identifiers, or that shadow a name the body uses, need the call form."""
        used = {name for item in self.fields for name in item.annotation.names()}
        return any(
            not item.name.isidentifier() or keyword.iskeyword(item.name) or item.name in used
            for item in self.fields
        )

    @property
    def mangled_in_a_class(self) -> bool:
        """A class body would mangle a private name its keys or annotations use (mediapackage's
        `__AdTriggersElementType` becomes `_XTypeDef__AdTriggersElementType` at run time)."""
        names = {item.name for item in self.fields} | {name for item in self.fields for name in item.annotation.names()}
        return any(name.startswith("__") and not name.endswith("__") for name in names)

    def type_exprs(self) -> Iterator[TypeExpr]:
        for item in self.fields:
            yield item.annotation

    def imports(self) -> Iterator[Import]:
        yield Import("typing", "TypedDict")
        for expr in self.type_exprs():
            yield from expr.imports()


@record
class AliasDef:
    """A type alias in type_defs: TimestampTypeDef, BlobTypeDef, XUnionTypeDef."""

    name: str
    type: TypeExpr
    deprecated: bool = False  # a former name of its target, kept so that imports of it keep working
    kind: str = field(default="Union", init=False)

    @property
    def ref(self) -> DefRef:
        return DefRef(self.name, Module.TYPE_DEFS)

    def type_exprs(self) -> Iterator[TypeExpr]:
        yield self.type

    def imports(self) -> Iterator[Import]:
        return self.type.imports()


@record
class LiteralErratum:
    """Values a service sends that its model's enum lacks, added to the Literal; why, and where it is reported."""

    added: tuple[str, ...]
    model_values: tuple[str, ...]
    reason: str
    reference: str


@record
class LiteralDef:
    """A Literal alias in literals: one per enum shape, plus service and region names."""

    name: str
    values: tuple[str, ...]
    documentation: str = ""
    erratum: Optional[LiteralErratum] = None

    @property
    def ref(self) -> DefRef:
        return DefRef(self.name, Module.LITERALS)

    @property
    def type(self) -> TypeExpr:
        # a service botocore lists no region for still gets a usable RegionName
        return LiteralValues(self.values) if self.values else STR


TypeDef = Union[TypedDictDef, AliasDef]
