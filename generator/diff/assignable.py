"""Whether every value one type allows is still allowed by another, each read in its own generation's facts.

An input accepts less when some old value no longer fits the new type; an output gives something else when
some new value did not fit the old type. Names are resolved where they are defined: an alias stands for its
type, a TypedDict for its keys (compared recursively, a pair under comparison counting as fitting, so that
recursive shapes end). A name spelled the same on both sides stands for itself: its own changes are
reported under its own name, not again under every key that uses it.
"""

from __future__ import annotations

import ast
from functools import lru_cache
from typing import Optional, Protocol

from .facts import AliasFact, Definition, Type, TypedDictFact


class Side(Protocol):
    """One generation of one package, as far as resolving a name goes."""

    def lookup(self, identifier: str) -> Optional[Definition]: ...


# how a value's container may stand in for a target's: each head accepts itself and those listed
_SEQUENCES = {
    "Iterable": {"Iterable", "Collection", "Sequence", "list", "tuple"},
    "Collection": {"Collection", "Sequence", "list", "tuple"},
    "Sequence": {"Sequence", "list", "tuple"},
}
_MAPPINGS = {"Mapping": {"Mapping", "dict"}}
_COVARIANT_WRAPPERS = {"Unpack", "Required", "NotRequired"}
# PEP 484's numeric tower: type checkers take an int where a float is expected, a bool where an int is
_NUMERIC = {("int", "float"), ("bool", "int"), ("bool", "float")}
_LITERAL_BASES = {str: "str", int: "int", bool: "bool", bytes: "bytes", float: "float"}


@lru_cache(maxsize=None)
def _node(text: str) -> ast.expr:
    return ast.parse(text, mode="eval").body


def _head(node: ast.expr) -> str:
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name):
        return node.value.id
    return ""


def _arguments(node: ast.Subscript) -> list[ast.expr]:
    return list(node.slice.elts) if isinstance(node.slice, ast.Tuple) else [node.slice]


class Fit:
    """`misfit` says why a value of one type is not a value of another (None when it always is).

    `closed` is the reading of TypedDicts: closed for inputs (botocore rejects a key its model lacks, so an
    old key gone is an old value refused), open for outputs (a reader never sees a key it does not ask for,
    so a new key is no new value, and a key gone is).
    """

    def __init__(self, value_side: Side, target_side: Side, closed: bool) -> None:
        self.value_side, self.target_side, self.closed = value_side, target_side, closed
        self._assumed: set[tuple[str, str]] = set()

    def misfit(self, value: Type, target: Type) -> Optional[str]:
        return self._type(sorted(value.members), sorted(target.members))

    def _type(self, value: list[str], target: list[str]) -> Optional[str]:
        if set(value) <= set(target):  # the same text stands for the same thing (see the module's docstring)
            return None
        targets = self._expand(target, self.target_side)
        texts = {text for text, _ in targets} | set(target)
        for text, member in self._expand(value, self.value_side):
            if text in texts:
                continue
            reasons = []
            for _, each in targets:
                reason = self._member(member, each)
                if reason is None:
                    break
                reasons.append(reason)
            else:
                found = [reason for reason in reasons if reason]
                return found[0] if len(found) == 1 else f"{text} is no {_written(targets)}"
        return None

    def _expand(self, members: list[str], side: Side, depth: int = 0) -> list[tuple[str, ast.expr]]:
        """Union members with aliases replaced by their own members (Literal and union aliases flatten)."""
        expanded: list[tuple[str, ast.expr]] = []
        for text in members:
            node = _node(text)
            found = side.lookup(node.id) if isinstance(node, ast.Name) else None
            if isinstance(found, AliasFact) and depth < 20:
                expanded += self._expand(sorted(found.type.members), side, depth + 1)
            else:
                expanded.append((text, node))
        return expanded

    def _member(self, value: ast.expr, target: ast.expr) -> Optional[str]:
        """Why `value` (one member, no union) is no `target` member: "" when there is nothing more to say."""
        if isinstance(target, ast.Name) and target.id in ("Any", "object"):
            return None
        if _head(value) == "Literal":
            return self._literal(value, target)
        if isinstance(value, ast.Name) and isinstance(target, ast.Name):
            return self._names(value.id, target.id)
        if isinstance(value, ast.Subscript) and isinstance(target, ast.Subscript):
            return self._generic(value, target)
        return ""

    def _literal(self, value: ast.expr, target: ast.expr) -> Optional[str]:
        assert isinstance(value, ast.Subscript)
        constant = value.slice
        if isinstance(target, ast.Name) and isinstance(constant, ast.Constant):
            base = _LITERAL_BASES.get(type(constant.value))
            if base == target.id or (base, target.id) in _NUMERIC:
                return None
        if not self.closed and _head(target) == "Literal":
            return None  # a value added to a result: compatible by the rule, an exhaustive match sees it
        return f"{ast.unparse(constant)} not accepted" if _head(target) == "Literal" else ""

    def _names(self, value: str, target: str) -> Optional[str]:
        if (value, target) in _NUMERIC:
            return None
        before, after = self.value_side.lookup(value), self.target_side.lookup(target)
        if isinstance(before, TypedDictFact) and isinstance(after, TypedDictFact):
            if (value, target) in self._assumed:
                return None
            self._assumed.add((value, target))
            return self._typed_dict(before, after)
        return ""

    def _typed_dict(self, value: TypedDictFact, target: TypedDictFact) -> Optional[str]:
        for key in sorted(set(value.keys) | set(target.keys)):
            mine, theirs = value.keys.get(key), target.keys.get(key)
            if theirs is None:
                if self.closed:
                    return f"key {key} is not accepted"
            elif mine is None:
                if theirs.required or not self.closed:
                    return f"key {key} {'is required' if theirs.required else 'is gone'}"
            else:
                if theirs.required and not mine.required:
                    return f"key {key} {'is required' if self.closed else 'may be absent'}"
                reason = self._type(sorted(mine.type.members), sorted(theirs.type.members))
                if reason is not None:
                    return f"{key}: {reason}" if reason else f"key {key}: {mine.type.render()} ≠ {theirs.type.render()}"
        return None

    def _generic(self, value: ast.Subscript, target: ast.Subscript) -> Optional[str]:
        have, want = _head(value), _head(target)
        values, targets = _arguments(value), _arguments(target)
        if want in _SEQUENCES and have in _SEQUENCES[want]:
            if have == "tuple" and not (len(values) == 2 and isinstance(values[1], ast.Constant)):
                return ""  # a fixed-length tuple: no element type to compare
            return self._covariant(values[0], targets[0])
        if want in _MAPPINGS and have in _MAPPINGS[want] and len(values) == len(targets) == 2:
            reason = self._invariant(values[0], targets[0])
            return reason if reason is not None else self._covariant(values[1], targets[1])
        if have != want or len(values) != len(targets):
            return ""
        if want in _COVARIANT_WRAPPERS:
            return self._covariant(values[0], targets[0])
        for mine, theirs in zip(values, targets):  # list, dict and anything unknown: the same arguments
            reason = self._invariant(mine, theirs)
            if reason is not None:
                return reason
        return None

    def _covariant(self, value: ast.expr, target: ast.expr) -> Optional[str]:
        return self._type(_members(value), _members(target))

    def _invariant(self, value: ast.expr, target: ast.expr) -> Optional[str]:
        """Both ways (a `list` or `dict` argument): a type checker takes no other element type, even a wider one."""
        if ast.unparse(value) == ast.unparse(target):
            return None
        back = Fit(self.target_side, self.value_side, self.closed)
        back._assumed = {(b, a) for a, b in self._assumed}
        if self._covariant(value, target) is None and back._covariant(target, value) is None:
            return None
        return f"{ast.unparse(value)} is not {ast.unparse(target)}, and the container is invariant"


def _members(node: ast.expr) -> list[str]:
    if _head(node) == "Union":
        assert isinstance(node, ast.Subscript)
        return sorted(ast.unparse(member) for member in _arguments(node))
    if _head(node) == "Literal":
        assert isinstance(node, ast.Subscript)
        return sorted(f"Literal[{ast.unparse(value)}]" for value in _arguments(node))
    return [ast.unparse(node)]


def _written(members: list[tuple[str, ast.expr]]) -> str:
    texts = [text for text, _ in members]
    return " | ".join(texts) if len(texts) <= 4 else " | ".join(texts[:3]) + f" | … ({len(texts)} members)"
