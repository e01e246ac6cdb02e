"""What a generated package states, as plain facts: no text, no formatting, no definition order.

A `Type` is a normalised type expression: its text with module qualifiers dropped, `X | Y` and `Optional[X]`
written as `Union[...]`, and a union's members as a set. Names it refers to are kept so that direction
(input or output) can be followed from methods through TypedDicts to Literals.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Optional, Union

from ..ir.records import record


class Direction(enum.Flag):
    """Which way a definition's values travel: into botocore (INPUT), out of it (OUTPUT), or both."""

    NONE = 0
    INPUT = enum.auto()
    OUTPUT = enum.auto()
    BOTH = INPUT | OUTPUT


@record
class Type:
    """A normalised type expression: the members of a union (one member for anything else)."""

    members: frozenset[str]
    names: frozenset[str]  # the identifiers it mentions

    def render(self) -> str:
        if len(self.members) == 1:
            return next(iter(self.members))
        return "Union[" + ", ".join(sorted(self.members)) + "]"


@record
class Key:
    """One key of a TypedDict."""

    type: Type
    required: bool


@record
class TypedDictFact:
    """A TypedDict: its keys, and its docstring."""

    keys: dict[str, Key]
    doc: str = ""


@record
class AliasFact:
    """`X = <type>`; `values` holds a Literal's values (None when the alias is not a plain Literal)."""

    type: Type
    values: Optional[frozenset[str]] = None


@record
class Parameter:
    """One parameter of a signature: its annotation, whether it is required, its kind."""

    type: Optional[Type]
    required: bool
    kind: str  # "positional", "keyword", "*args", "**kwargs"


@record
class Signature:
    """One signature of a method: parameters by name, the return type, the docstring."""

    parameters: dict[str, Parameter]
    returns: Optional[Type]
    doc: str = ""


@record
class MethodFact:
    """A method; an overloaded one has several signatures."""

    signatures: tuple[Signature, ...]


@record
class ClassFact:
    """A class: its bases, methods and annotated attributes, and its docstring."""

    bases: frozenset[str]
    methods: dict[str, MethodFact]
    attributes: dict[str, Type]
    doc: str = ""


Definition = Union[TypedDictFact, AliasFact, ClassFact]


@record
class Name:
    """A public name as users import it: `<module>.<name>` (`type_defs.GetObjectOutputTypeDef`)."""

    module: str
    name: str

    def render(self) -> str:
        return f"{self.module}.{self.name}"


@dataclass
class PackageFacts:
    """One generated stub package."""

    service: str  # the botocore service name (literals' ServiceName), or the distribution's folder name
    distribution: str  # types-boto3-s3
    version: str  # version.py's __version__ ("" when absent)
    definitions: dict[Name, Definition] = field(default_factory=dict)
    directions: dict[Name, Direction] = field(default_factory=dict)

    def direction(self, name: Name) -> Direction:
        return self.directions.get(name, Direction.NONE)
