"""Which way a package's definitions travel: into botocore (input), out of it (output), or both.

A TypedDict or alias is an input where a method parameter (a `**kwargs: Unpack[...]` too) reaches it, an
output where a return type or a class attribute does, through the keys of TypedDicts and the types of aliases
in between. `forward` follows every method of facts already read; `Uses` walks backwards from the names asked
about, so it reads only the statements on a path to them: a statement whose facts mention an identifier
mentions it in its text, so the text finds every candidate and the facts decide.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate
from typing import Iterable, Iterator, Optional, Protocol

from .definitions import ClassParts, class_parts, member_facts, private
from .facts import AliasFact, ClassFact, Definition, Direction, MethodFact, Name, Signature, TypedDictFact


class Statements(Protocol):
    """One package as its modules' top-level statements (see reader.PackageFiles)."""

    texts: dict[str, bytes]

    def body(self, module: str) -> bytes: ...

    def statements(self, module: str) -> Optional[list[tuple[str, bytes]]]: ...

    def starts(self, module: str) -> list[int]: ...

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
# a unit by where it is: (module, statement, member); a module read whole is (module, -1, -1), a statement
# read whole (module, statement, -1), a class's header member 0 and its members 1, 2, ...
_Unit = tuple[str, int, int]


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
            self._reset()
            try:
                return {name: self._direction(name.name) for name in asked}
            except _Resplit:
                continue

    def _reset(self) -> None:
        """Forget what was read: a module sent to be read whole splits into other units."""
        self._bodies: dict[str, tuple[bytes, Optional[list[tuple[str, bytes]]], list[int]]] = {}
        self._parts: dict[tuple[str, int], tuple[Optional[ClassParts], list[int]]] = {}  # with members' ends
        self._read: dict[_Unit, _Read] = {}
        self._referrers: dict[str, _Referrers] = {}

    def _units_mentioning(self, identifier: str) -> set[_Unit]:
        """The units whose text has `identifier` as a word, found by searching the modules' texts."""
        units: set[_Unit] = set()
        word = identifier.encode()
        for module in self.package.texts:
            if module == "__init__":
                continue
            text, statements, starts = self._body(module)
            for at in _words(text, word):
                if statements is None:
                    units.add((module, -1, -1))
                    continue
                index = bisect_right(starts, at) - 1
                if index < 0 or at >= starts[index] + len(statements[index][1]):
                    continue  # an import, a guard or a private name's statement: no unit
                unit = self._unit(module, index, at - starts[index])
                if unit is not None:
                    units.add(unit)
        return units

    def _body(self, module: str) -> tuple[bytes, Optional[list[tuple[str, bytes]]], list[int]]:
        if module not in self._bodies:
            statements = self.package.statements(module)
            text = self.package.texts[module] if statements is None else self.package.body(module)
            self._bodies[module] = (text, statements, self.package.starts(module) if statements else [])
        return self._bodies[module]

    def _unit(self, module: str, index: int, offset: int) -> Optional[_Unit]:
        """The unit of the statement `index` at `offset` in it: the statement, or a class's header or member."""
        if (module, index) not in self._parts:
            statements = self._bodies[module][1]
            assert statements is not None
            try:
                parts = class_parts(statements[index][1])
            except (SyntaxError, ValueError):  # read as a statement, which sends its module to be read whole
                parts = None
            ends = list(accumulate(len(member) for member in [parts.header, *parts.members])) if parts else []
            self._parts[module, index] = (parts, ends)
        parts, ends = self._parts[module, index]
        if parts is None:
            return (module, index, -1)
        if parts.name.startswith("_"):
            return None
        return (module, index, bisect_right(ends, offset))

    def _read_unit(self, unit: _Unit) -> _Read:
        module, index, member = unit
        if index < 0:
            return self._module(module)
        if member < 0:
            statements = self._bodies[module][1]
            assert statements is not None
            return self._statement(module, statements[index][1])
        parts = self._parts[module, index][0]
        assert parts is not None
        return _uses_of(parts.facts) if member == 0 else _member(parts.members[member - 1])

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
            for unit in self._units_mentioning(identifier):
                if unit not in self._read:
                    self._read[unit] = self._read_unit(unit)
                for name, definition, uses in self._read[unit]:
                    if uses is not None:
                        direction |= Direction.INPUT if identifier in uses[0] else Direction.NONE
                        direction |= Direction.OUTPUT if identifier in uses[1] else Direction.NONE
                    elif definition is not None and identifier in mentions(definition):
                        referrers.add(name)
            self._referrers[identifier] = (direction, frozenset(referrers))
        return self._referrers[identifier]


_WORD = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")
_DIGITS = frozenset(b"0123456789")


def _words(text: bytes, word: bytes) -> Iterator[int]:
    """Where `word` (an identifier) is one of the identifiers of `text`, as a tokenizer finds them: no
    identifier character after it, and before it none but digits that no letter or underscore starts.
    """
    at = text.find(word) if word else -1
    while at >= 0:
        end = at + len(word)
        if end >= len(text) or text[end] not in _WORD:
            before = at - 1
            while before >= 0 and text[before] in _DIGITS:
                before -= 1
            if before < 0 or text[before] not in _WORD:
                yield at
        at = text.find(word, at + 1)


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
