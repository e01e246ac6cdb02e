"""Which way a package's definitions travel: into botocore (input), out of it (output), or both.

A TypedDict or alias is an input where a method parameter (a `**kwargs: Unpack[...]` too) reaches it, an
output where a return type or a class attribute does, through the keys of TypedDicts and the types of aliases
in between. `forward` follows every method of facts already read; `Uses` walks backwards from the names asked
about, so it reads only the statements on a path to them: a statement whose facts mention an identifier
mentions it in its text, so the text finds every candidate and the facts decide.
"""

from __future__ import annotations

import re
from functools import partial
from typing import Callable, Iterable, Optional, Protocol

from .definitions import class_parts, member_facts, private
from .facts import AliasFact, ClassFact, Definition, Direction, MethodFact, Name, Signature, TypedDictFact

_IDENTIFIER = re.compile(rb"[A-Za-z_][A-Za-z0-9_]*")


class Statements(Protocol):
    """One package as its modules' top-level statements (see reader.PackageFiles)."""

    texts: dict[str, bytes]

    def statements(self, module: str) -> Optional[list[tuple[str, bytes]]]: ...

    def read(self, module: str, statement: bytes) -> Optional[list[tuple[str, Definition]]]: ...

    def definitions(self, module: str) -> dict[Name, Definition]: ...


def forward(definitions: dict[Name, Definition]) -> dict[Name, Direction]:
    """The direction of every definition given, from the classes among them."""
    by_identifier: dict[str, list[Name]] = {}
    for name in definitions:
        if name.module != "__init__":
            by_identifier.setdefault(name.name, []).append(name)
    directions: dict[Name, Direction] = {}
    pending: list[tuple[str, Direction]] = []
    for definition in definitions.values():
        if isinstance(definition, ClassFact):
            inputs, outputs = _uses(definition)
            pending += [(identifier, Direction.INPUT) for identifier in inputs]
            pending += [(identifier, Direction.OUTPUT) for identifier in outputs]
    while pending:
        identifier, direction = pending.pop()
        for name in by_identifier.get(identifier, ()):
            known = directions.get(name, Direction.NONE)
            if direction in known:
                continue
            directions[name] = known | direction
            pending += [(mentioned, direction) for mentioned in mentions(definitions[name])]
    return directions


def mentions(definition: Definition) -> Iterable[str]:
    """The identifiers a TypedDict's keys or an alias's type name (a class passes nothing on)."""
    if isinstance(definition, TypedDictFact):
        for key in definition.keys.values():
            yield from key.type.names
    elif isinstance(definition, AliasFact):
        yield from definition.type.names


def _uses(definition: ClassFact) -> tuple[set[str], set[str]]:
    """The identifiers a class's parameters name, and those its return types and attributes name."""
    inputs: set[str] = set()
    outputs: set[str] = set()
    for method in definition.methods.values():
        for signature in method.signatures:
            for parameter in signature.parameters.values():
                if parameter.type is not None:
                    inputs |= parameter.type.names
            if signature.returns is not None:
                outputs |= signature.returns.names
    for attribute in definition.attributes.values():
        outputs |= attribute.names
    return inputs, outputs


class _Resplit(Exception):
    """A statement did not read alone: its module is read whole and the walk starts again."""


# what classes give an identifier, and the names of the TypedDicts and aliases that mention it
_Referrers = tuple[Direction, frozenset[str]]
# a unit's definitions (a class's members give no definition), each with what a class passes on, else None
_Read = list[tuple[str, Optional[Definition], Optional[tuple[set[str], set[str]]]]]


class Uses:
    """Backwards from names to the methods that reach them, in one package (modules other than the root).

    The package is read as units found by text: a statement, each member of a class other than a TypedDict
    (a client's methods are read only where they mention a name on the way), or a whole module where its
    statements cannot be read alone.
    """

    def __init__(self, package: Statements) -> None:
        self.package = package

    def directions(self, names: Iterable[Name]) -> dict[Name, Direction]:
        asked = list(names)
        while True:
            self._index([name.name for name in asked])
            try:
                return {name: self._direction(name.name) for name in asked}
            except _Resplit:
                continue

    def _index(self, asked: list[str]) -> None:
        self._units: list[Callable[[], _Read]] = []
        self._by_identifier: dict[bytes, list[int]] = {}
        self._read: dict[int, _Read] = {}
        self._referrers: dict[str, _Referrers] = {}
        modules = {module: self.package.statements(module) for module in self.package.texts if module != "__init__"}
        # only a name some statement defines (or one asked about) is ever walked to: no other needs an entry
        wanted: Optional[set[bytes]] = {name.encode() for name in asked}
        for module, statements in modules.items():
            if statements is None or wanted is None:
                wanted = None
            else:
                wanted |= {name.encode() for name, _ in statements}
        for module, statements in modules.items():
            if statements is None:
                self._add(self.package.texts[module], wanted, partial(self._module, module))
            for _, statement in statements or ():
                try:
                    parts = class_parts(statement)
                except (SyntaxError, ValueError):  # read as a statement, which sends its module to be read whole
                    parts = None
                if parts is None:
                    self._add(statement, wanted, partial(self._statement, module, statement))
                elif not parts.name.startswith("_"):
                    self._add(parts.header, wanted, partial(_uses_of, parts.facts))
                    for member in parts.members:
                        self._add(member, wanted, partial(_member, member))

    def _add(self, text: bytes, wanted: Optional[set[bytes]], read: Callable[[], _Read]) -> None:
        unit = len(self._units)
        self._units.append(read)
        mentioned = _mentioned(text)
        for identifier in mentioned if wanted is None else mentioned & wanted:
            self._by_identifier.setdefault(identifier, []).append(unit)

    def _module(self, module: str) -> _Read:
        return _with_uses([(name.name, d) for name, d in self.package.definitions(module).items()])

    def _statement(self, module: str, statement: bytes) -> _Read:
        found = self.package.read(module, statement)
        if found is None:
            raise _Resplit()
        return _with_uses(found)

    def _direction(self, identifier: str) -> Direction:
        """The union of what classes give every identifier from which `identifier` is reached."""
        direction = Direction.NONE
        seen = {identifier}
        pending = [identifier]
        while pending and direction != Direction.BOTH:
            given, referrers = self._referrers_of(pending.pop())
            direction |= given
            for referrer in referrers - seen:
                seen.add(referrer)
                pending.append(referrer)
        return direction

    def _referrers_of(self, identifier: str) -> _Referrers:
        if identifier not in self._referrers:
            direction = Direction.NONE
            referrers: set[str] = set()
            for unit in self._by_identifier.get(identifier.encode(), ()):
                if unit not in self._read:
                    self._read[unit] = self._units[unit]()
                for name, definition, uses in self._read[unit]:
                    if uses is not None:
                        direction |= Direction.INPUT if identifier in uses[0] else Direction.NONE
                        direction |= Direction.OUTPUT if identifier in uses[1] else Direction.NONE
                    elif definition is not None and identifier in mentions(definition):
                        referrers.add(name)
            self._referrers[identifier] = (direction, frozenset(referrers))
        return self._referrers[identifier]


# a text's identifiers, by the text: the two sides of a package share most statements
_MENTIONED: dict[bytes, frozenset[bytes]] = {}


def _mentioned(text: bytes) -> frozenset[bytes]:
    found = _MENTIONED.get(text)
    if found is None:
        if len(_MENTIONED) > 100_000:  # the sides of the packages compared before this one share little with it
            _MENTIONED.clear()
        found = _MENTIONED[text] = frozenset(_IDENTIFIER.findall(text))
    return found


def _with_uses(found: list[tuple[str, Definition]]) -> _Read:
    return [(name, d, _uses(d) if isinstance(d, ClassFact) else None) for name, d in found]


def _uses_of(header: ClassFact) -> _Read:
    return [("", None, _uses(header))]


def _member(member: bytes) -> _Read:
    """A class member's methods and attributes as a class of their own (a private method passes nothing)."""
    methods, attributes = member_facts(member)
    public: dict[str, list[Signature]] = {}
    for name, signature in methods:
        if not private(name):
            public.setdefault(name, []).append(signature)
    found = ClassFact(frozenset(), {name: MethodFact(tuple(each)) for name, each in public.items()}, attributes)
    return [("", None, _uses(found))]
