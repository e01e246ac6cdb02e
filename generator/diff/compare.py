"""Facts of two generations → changes, each with its verdict for user code.

The rules, by the direction of the definition (reader.py decides it from how methods use it):
- input (a request): breaking when it accepts less — a key removed or made required, a required key added,
  a type some old value no longer fits (a Literal value gone); compatible when it accepts more.
- output (a result): breaking when it gives something else — a key removed or made NotRequired, a type with
  a value the old one did not allow (other than a Literal value); compatible when it gives less or only adds
  keys. A Literal value added is compatible, and said so: an exhaustive match sees the new value.
- a changed type is compared by what it allows, names resolved in each generation (assignable.py), so a key
  that moves from `XTypeDef` to `XUnionTypeDef` (which contains it) accepts more.
- both, or used by no method (a user may build it or read it): breaking if either reading is.
- a public name, method or attribute removed, or a parameter removed or made required: breaking; anything
  added that is optional: compatible; docstring changes: compatible.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from functools import partial
from typing import Callable, Iterator, Mapping, Optional, TypeVar

from .assignable import Fit
from .changes import Change, Report, ServiceChanges, Verdict
from .members import changed_methods
from .reader import PackageFiles
from .facts import (
    AliasFact,
    ClassFact,
    Definition,
    Direction,
    MethodFact,
    Name,
    Signature,
    Type,
    TypedDictFact,
)

B, C = Verdict.BREAKING, Verdict.COMPATIBLE


# literals every package writes alike from botocore's list of services: facts of a release, not of a service
SHARED = frozenset({Name("literals", "ServiceName"), Name("literals", "ResourceServiceName")})


def compare_generations(old: dict[str, PackageFiles], new: dict[str, PackageFiles], jobs: int = 1) -> Report:
    """Each service's changes; those of the names every package shares (SHARED) once, from the first service
    on both sides, and not again under each service (a package added or gone still lists them)."""
    services = sorted(set(old) | set(new))
    pairs = [(old.get(service), new.get(service)) for service in services]
    with _no_collections():  # forked workers inherit it
        found = _in_workers(pairs, jobs) if jobs > 1 and len(pairs) > 1 else [_compare_pair(p) for p in pairs]
    report = []
    for service, (before, after), changes in zip(services, pairs, found):
        versions = (before.version if before else "", after.version if after else "")
        report.append(ServiceChanges(service, *versions, changes=changes))
    both = [(before, after) for before, after in pairs if before is not None and after is not None]
    shared = sorted(compare_packages(*both[0], names=lambda name: name in SHARED)) if both else []
    return Report(report, shared)


_Pairs = list[tuple[Optional[PackageFiles], Optional[PackageFiles]]]
# the pairs a forked worker compares, by index: inherited with the parent's memory, not sent through a pipe
_FORKED: _Pairs = []


def _in_workers(pairs: _Pairs, jobs: int) -> list[list[Change]]:
    """Each pair's changes in `jobs` processes; forked ones read the packages already in memory, as a
    generation's texts (about 90 MB a side) cost more to pickle to the workers than to compare."""
    import multiprocessing  # only a many-service diff pays for the processes
    from concurrent.futures import ProcessPoolExecutor

    if "fork" not in multiprocessing.get_all_start_methods():
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            return list(pool.map(_compare_pair, pairs, chunksize=8))
    _FORKED[:] = pairs
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            return list(pool.map(_compare_forked, range(len(pairs)), chunksize=8))
    finally:
        _FORKED.clear()


def _compare_forked(index: int) -> list[Change]:
    return _compare_pair(_FORKED[index])


@contextmanager
def _no_collections() -> Iterator[None]:
    """Facts, parsed trees and caches by text make no reference cycles worth a collection (the peak memory
    is the same without any), yet allocating them triggered one every 700 objects: about a fifth of the CPU."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _compare_pair(pair: tuple[Optional[PackageFiles], Optional[PackageFiles]]) -> list[Change]:
    old, new = pair
    if old is None or new is None:
        return sorted(compare_packages(old, new))
    return sorted(compare_packages(old, new, names=lambda name: name not in SHARED))


def compare_packages(
    old: Optional[PackageFiles], new: Optional[PackageFiles], names: Callable[[Name], bool] = lambda name: True
) -> Iterator[Change]:
    """The changes of the modules whose text differs (a module the same on both sides has the same facts)."""
    modules = set(old.texts if old else ()) | set(new.texts if new else ())
    changed = [
        module
        for module in sorted(modules)
        if old is None
        or new is None
        or module not in old.texts
        or module not in new.texts
        or old.body(module) != new.body(module)
    ]
    before: dict[Name, Definition] = {}
    after: dict[Name, Definition] = {}
    for module in changed:
        changed_names = _changed_names(old, new, module) if old is not None and new is not None else None
        if changed_names is not None and old is not None and new is not None:
            for class_name, (was, now) in _changed_classes(old, new, module, changed_names).items():
                before[Name(module, class_name)], after[Name(module, class_name)] = was, now
                changed_names.discard(class_name)
        if old is not None and module in old.texts:
            before.update(old.definitions(module) if changed_names is None else old.named(module, changed_names))
        if new is not None and module in new.texts:
            after.update(new.definitions(module) if changed_names is None else new.named(module, changed_names))
    before = {name: definition for name, definition in before.items() if names(name)}
    after = {name: definition for name, definition in after.items() if names(name)}
    kept = [name for name in set(before) & set(after) if before[name] != after[name]]
    directions = _Directions(old, new, [name for name in kept if not isinstance(after[name], ClassFact)])
    pair = _Pair(old, new) if old is not None and new is not None else None
    for name in set(before) | set(after):
        label = name.render()
        if name not in after:
            yield Change(label, "removed", B)
        elif name not in before:
            yield Change(label, "added", C)
        elif before[name] != after[name]:
            assert pair is not None  # a name on both sides has both sides
            yield from _definition(pair, label, before[name], after[name], partial(directions.of, name))


def _changed_classes(
    old: PackageFiles, new: PackageFiles, module: str, names: set[str]
) -> dict[str, tuple[ClassFact, ClassFact]]:
    """The classes among `names` defined by one statement on each side, as facts of the methods that differ."""
    statements: dict[str, tuple[list[bytes], list[bytes]]] = {}
    for side, package in enumerate((old, new)):
        for name, statement in package.statements(module) or ():
            if name in names and statement.startswith(b"class "):
                statements.setdefault(name, ([], []))[side].append(statement)
    found = {}
    for name, (was, now) in statements.items():
        pair = changed_methods(was[0], now[0]) if len(was) == len(now) == 1 else None
        if pair is not None:
            found[name] = pair
    return found


def _changed_names(old: PackageFiles, new: PackageFiles, module: str) -> Optional[set[str]]:
    """The names a module defines by another text on each side (a statement the same on both has the same
    facts), or None when either side's module does not split into statements."""
    if module not in old.texts or module not in new.texts:
        return None
    before, after = old.statements(module), new.statements(module)
    if before is None or after is None:
        return None
    pairs = set(before) ^ set(after)  # (name, statement) on one side only
    if len({name for name, _ in before}) < len(before) or len({name for name, _ in after}) < len(after):
        texts: dict[str, tuple[list[bytes], list[bytes]]] = {}  # a name defined twice: its statements in order
        for side, statements in enumerate((before, after)):
            for name, statement in statements:
                texts.setdefault(name, ([], []))[side].append(statement)
        return {name for name, (was, now) in texts.items() if was != now}
    return {name for name, _ in pairs}


# a definition's direction, found when a verdict first needs it (most changes' verdicts do not)
Way = Callable[[], Direction]


class _Directions:
    """Each name's direction on either side (a definition used both ways in the two counts as both; one
    that no method reaches, as both), found for all the names at once when the first is asked for."""

    def __init__(self, old: Optional[PackageFiles], new: Optional[PackageFiles], names: list[Name]) -> None:
        self.old, self.new, self.names = old, new, names
        self._found: Optional[dict[Name, Direction]] = None

    def of(self, name: Name) -> Direction:
        if self._found is None:
            self._found = {}
            if self.names and self.old is not None and self.new is not None:
                before, after = self.old.directions(self.names), self.new.directions(self.names)
                self._found = {n: before.get(n, Direction.NONE) | after.get(n, Direction.NONE) for n in self.names}
        return self._found.get(name) or Direction.BOTH


def _input() -> Direction:
    return Direction.INPUT


def _output() -> Direction:
    return Direction.OUTPUT


class _Pair:
    """The two generations of one package a change is read in."""

    def __init__(self, old: PackageFiles, new: PackageFiles) -> None:
        self.old, self.new = old, new

    def verdict(self, old: Type, new: Type, direction: Direction) -> tuple[Verdict, str]:
        """Input: does every old value fit the new type? Output: did every new value fit the old one?"""
        reasons = []
        if Direction.INPUT in direction:
            reasons.append(Fit(self.old, self.new, closed=True).misfit(old, new))
        if Direction.OUTPUT in direction:
            reasons.append(Fit(self.new, self.old, closed=False).misfit(new, old))
        found = [reason for reason in reasons if reason is not None]
        return (B, found[0]) if found else (C, "")


def _definition(pair: _Pair, label: str, old: Definition, new: Definition, direction: Way) -> Iterator[Change]:
    if type(old) is not type(new):
        yield Change(label, "kind-changed", B, detail=f"{_kind(old)} → {_kind(new)}")
    elif isinstance(old, TypedDictFact) and isinstance(new, TypedDictFact):
        yield from _typed_dict(pair, label, old, new, direction)
    elif isinstance(old, AliasFact) and isinstance(new, AliasFact):
        yield from _type_change(pair, label, "type", "", old.type, new.type, direction)
    elif isinstance(old, ClassFact) and isinstance(new, ClassFact):
        yield from _class(pair, label, old, new)


def _kind(definition: Definition) -> str:
    return {TypedDictFact: "TypedDict", AliasFact: "alias", ClassFact: "class"}[type(definition)]


def _worst(direction: Direction, if_input: Verdict, if_output: Verdict) -> Verdict:
    verdicts = [v for d, v in ((Direction.INPUT, if_input), (Direction.OUTPUT, if_output)) if d in direction]
    return B if B in verdicts else C


def _typed_dict(pair: _Pair, label: str, old: TypedDictFact, new: TypedDictFact, direction: Way) -> Iterator[Change]:
    for key, before, after in _paired(old.keys, new.keys):
        if after is None:
            yield Change(label, "key-removed", B, key)
        elif before is None:
            required = "required" if after.required else "optional"
            verdict = _worst(direction(), B, C) if after.required else C
            yield Change(label, f"key-added-{required}", verdict, key, after.type.render())
        else:
            if before.required != after.required:
                kind = "key-required" if after.required else "key-not-required"
                verdict = _worst(direction(), B if after.required else C, C if after.required else B)
                yield Change(label, kind, verdict, key)
            yield from _type_change(pair, label, "key-type", key, before.type, after.type, direction)
    if old.doc != new.doc:
        yield Change(label, "docstring", C)


def _type_change(
    pair: _Pair, label: str, kind: str, subject: str, old: Type, new: Type, direction: Way
) -> Iterator[Change]:
    if old.members == new.members:
        return
    gone, added = old.members - new.members, new.members - old.members
    literal = all(member.startswith("Literal[") for member in gone | added)
    if literal and added and not gone:
        # a new value in a result is compatible by the rule, though an exhaustive match sees it
        note = "; exhaustive matches see it" if Direction.OUTPUT in direction() else ""
        yield Change(label, "literal-values-added", C, subject, _values(added) + note)
    elif literal:  # values gone (and maybe others added): two changes, each with its own verdict
        yield Change(label, "literal-values-removed", _worst(direction(), B, C), subject, _values(gone))
        if added:
            note = "; exhaustive matches see it" if Direction.OUTPUT in direction() else ""
            yield Change(label, "literal-values-added", C, subject, _values(added) + note)
    else:
        verdict, reason = pair.verdict(old, new, direction())
        because = f" ({reason})" if reason else ""
        yield Change(label, kind, verdict, subject, f"{old.render()} → {new.render()}{because}")


def _values(members: frozenset[str]) -> str:
    return ", ".join(sorted(member[len("Literal[") : -1] for member in members))


def _class(pair: _Pair, label: str, old: ClassFact, new: ClassFact) -> Iterator[Change]:
    for method, before, after in _paired(old.methods, new.methods):
        if after is None:
            yield Change(label, "method-removed", B, method)
        elif before is None:
            yield Change(label, "method-added", C, method)
        else:
            yield from _method(pair, label, method, before, after)
    for attribute, was, now in _paired(old.attributes, new.attributes):
        if now is None:
            yield Change(label, "attribute-removed", B, attribute)
        elif was is None:
            yield Change(label, "attribute-added", C, attribute)
        else:
            yield from _type_change(pair, label, "attribute-type", attribute, was, now, _output)
    if old.doc != new.doc:
        yield Change(label, "docstring", C)


def _method(pair: _Pair, label: str, method: str, old: MethodFact, new: MethodFact) -> Iterator[Change]:
    if len(old.signatures) == 1 and len(new.signatures) == 1:
        yield from _signature(pair, label, method, old.signatures[0], new.signatures[0])
        return
    before = {_render_signature(signature) for signature in old.signatures}
    after = {_render_signature(signature) for signature in new.signatures}
    for gone in sorted(before - after):
        yield Change(label, "overload-removed", B, method, gone)
    for added in sorted(after - before):
        yield Change(label, "overload-added", C, method, added)
    if sorted(s.doc for s in old.signatures) != sorted(s.doc for s in new.signatures):
        yield Change(label, "docstring", C, method)


def _signature(pair: _Pair, label: str, method: str, old: Signature, new: Signature) -> Iterator[Change]:
    for parameter, before, after in _paired(old.parameters, new.parameters):
        subject = f"{method}({parameter})"
        if after is None:
            yield Change(label, "parameter-removed", B, subject)
        elif before is None:
            required = "required" if after.required else "optional"
            yield Change(label, f"parameter-added-{required}", B if after.required else C, subject)
        else:
            if before.required != after.required:
                kind = "parameter-required" if after.required else "parameter-optional"
                yield Change(label, kind, B if after.required else C, subject)
            if before.kind != after.kind:
                yield Change(label, "parameter-kind", B, subject, f"{before.kind} → {after.kind}")
            if before.type is not None and after.type is not None:
                types = before.type, after.type
                yield from _type_change(pair, label, "parameter-type", subject, *types, _input)
    if old.returns is not None and new.returns is not None:
        yield from _type_change(pair, label, "return-type", method, old.returns, new.returns, _output)
    if old.doc != new.doc:
        yield Change(label, "docstring", C, method)


def _render_signature(signature: Signature) -> str:
    parameters = ", ".join(
        f"{name}: {parameter.type.render() if parameter.type else 'Any'}{'' if parameter.required else ' = ...'}"
        for name, parameter in signature.parameters.items()
    )
    returns = signature.returns.render() if signature.returns else "Any"
    return f"({parameters}) -> {returns}"


T = TypeVar("T")


def _paired(old: Mapping[str, T], new: Mapping[str, T]) -> Iterator[tuple[str, Optional[T], Optional[T]]]:
    """Every name of either side in order, with its value on each side (None where it is absent)."""
    for name in sorted(set(old) | set(new)):
        yield name, old.get(name), new.get(name)
