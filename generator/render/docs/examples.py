"""Example values for the docs' usage snippets: a plausible Python value for each type of the IR."""

from __future__ import annotations

import keyword
import re
from typing import Mapping, Optional, Union

from ...ir import fixed
from ...ir.defs import AliasDef, LiteralDef, TypedDictDef
from ...ir.records import record
from ...ir.types import Builtin, DefRef, External, LiteralValues, Subscript, TypeExpr, quote

# a snippet line longer than this is split one entry a line, as black would
WIDTH = 80
# a recursive shape with required keys all the way down stops here, as an empty dict
MAX_DEPTH = 6

_SCALARS = {"int": "123", "float": "1.5", "bool": "True", "bytes": 'b"bytes"', "None": "None"}
# botocore accepts ISO 8601 strings for timestamps and bytes for blobs: no import needed
_ALIASES = {fixed.TIMESTAMP.name: '"2024-01-01T00:00:00Z"', fixed.BLOB.name: 'b"bytes"'}
_FILE_OBJECT = 'open("file.bin", "r+b")'
_SEQUENCES = frozenset({"Sequence", "list"})
_MAPPINGS = frozenset({"Mapping", "dict"})
_WORD = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")

Definition = Union[TypedDictDef, AliasDef, LiteralDef]


@record
class Example:
    """A Python expression: plain text, or a list (keys empty) or dict whose entries are examples."""

    text: str = ""
    entries: tuple[tuple[str, Example], ...] = ()
    brackets: str = ""  # "[]" or "{}" for a container

    @property
    def inline(self) -> str:
        if not self.brackets:
            return self.text
        body = ", ".join(key + value.inline for key, value in self.entries)
        return self.brackets[0] + body + self.brackets[1]

    def lines(self, head: str = "", tail: str = "", width: int = WIDTH) -> list[str]:
        """`head + value + tail`, split over lines when it is too long for one."""
        one = f"{head}{self.inline}{tail}"
        if not self.entries or len(one) <= width:
            return [one]
        body = [
            "    " + line
            for key, value in self.entries
            for line in value.lines(key, ",", width - 4)
        ]
        return [head + self.brackets[0], *body, self.brackets[1] + tail]


def call_lines(head: str, arguments: tuple[tuple[str, Example], ...]) -> list[str]:
    """`head(Name=value, ...)`: keyword arguments, and `**{...}` for keys that are not identifiers."""
    entries = [(f"{name}=", value) for name, value in arguments if is_identifier(name)]
    others = tuple((quote(name) + ": ", value) for name, value in arguments if not is_identifier(name))
    if others:
        entries.append(("**", Example(entries=others, brackets="{}")))
    return Example(entries=tuple(entries), brackets="()").lines(head)


def is_identifier(name: str) -> bool:
    return name.isidentifier() and not keyword.iskeyword(name)


def words(name: str) -> list[str]:
    """DeviceFleetName -> device, fleet, name."""
    return [word.lower() for word in _WORD.findall(name)]


class ExampleValues:
    """Example values for the types of one package, looked up by definition name."""

    def __init__(self, definitions: Mapping[str, Definition]) -> None:
        self.definitions = definitions

    def for_type(self, expr: TypeExpr, name: str = "", depth: int = 0) -> Example:
        if isinstance(expr, Builtin):
            return Example(_SCALARS.get(expr.name) or quote("-".join(words(name)) or "string"))
        if isinstance(expr, LiteralValues):
            return Example(quote(expr.values[0]))
        if isinstance(expr, DefRef):
            return self._for_definition(self.definitions[expr.name], name, depth)
        if isinstance(expr, Subscript):
            return self._for_subscript(expr, name, depth)
        if isinstance(expr, External) and expr.name == "Any":
            return Example(quote("value"))
        return Example("...")

    def for_typed_dict(self, definition: TypedDictDef, depth: int = 0) -> Example:
        if depth > MAX_DEPTH:
            return Example(entries=(), brackets="{}")
        entries = tuple(
            (quote(item.name) + ": ", self.for_type(item.type, item.name, depth + 1))
            for item in definition.fields
            if item.required
        )
        return Example(entries=entries, brackets="{}")

    def required_arguments(self, request: Optional[TypedDictDef]) -> tuple[tuple[str, Example], ...]:
        if request is None:
            return ()
        return tuple(
            (item.name, self.for_type(item.type, item.name, 1))
            for item in request.fields
            if item.required
        )

    def _for_definition(self, definition: Definition, name: str, depth: int) -> Example:
        if isinstance(definition, LiteralDef):
            if definition.values:
                return Example(quote(definition.values[0]))
            return self.for_type(definition.type, name, depth)
        if isinstance(definition, TypedDictDef):
            return self.for_typed_dict(definition, depth)
        if definition.name in _ALIASES:
            return Example(_ALIASES[definition.name])
        return self.for_type(definition.type, name, depth)

    def _for_subscript(self, expr: Subscript, name: str, depth: int) -> Example:
        base = expr.base.render()
        if base in _SEQUENCES:
            return Example(entries=(("", self.for_type(expr.args[0], name, depth)),), brackets="[]")
        if base in _MAPPINGS:
            key = self.for_type(expr.args[0], "key", depth).inline
            value = self.for_type(expr.args[1], name, depth)
            return Example(entries=((key + ": ", value),), brackets="{}")
        if base == "Union":
            # the first member that needs no import: a TypedDict for XUnionTypeDef
            plain = [arg for arg in expr.args if not isinstance(arg, External)]
            return self.for_type((plain or list(expr.args))[0], name, depth)
        if base == "NotRequired":
            return self.for_type(expr.args[0], name, depth)
        if base == "IO":
            # a file object needs no import; read-write suits both uploads and downloads
            return Example(_FILE_OBJECT)
        return Example("...")
