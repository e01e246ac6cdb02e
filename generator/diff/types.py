"""Type expressions from stub annotations → normalised `Type` facts, independent of how they are written."""

from __future__ import annotations

import ast
import re
from functools import lru_cache

from .facts import Type

# spellings of the same generic: typing's old aliases and the builtins / collections.abc names
_SAME = {
    "List": "list",
    "Dict": "dict",
    "Set": "set",
    "FrozenSet": "frozenset",
    "Tuple": "tuple",
    "Type": "type",
}


# the shapes most annotations have, read without ast: `X`, `Sequence[X]`, `dict[str, X]`, `Literal["a", "b"]`
_NAME = re.compile(r"[A-Za-z_]\w*\Z")
_GENERIC = re.compile(r"([A-Za-z_]\w*)\[([A-Za-z_]\w*)(?:, ([A-Za-z_]\w*))?\]\Z")
_LITERAL = re.compile(r"Literal\[\s*((?:\"[^\"'\\]*\",\s*)*\"[^\"'\\]*\",?)\s*\]\Z")
_STRING = re.compile(r'"([^"]*)"')
_SPECIAL = {"Union", "Optional", "Literal"}


@lru_cache(maxsize=None)
def type_of(text: str) -> Type:
    """The type an annotation's source text says; the same text recurs thousands of times in a package."""
    text = text.strip()
    if _NAME.match(text):
        return Type(frozenset({_SAME.get(text, text)}), frozenset({_SAME.get(text, text)}))
    generic = _GENERIC.match(text)
    if generic and generic.group(1) not in _SPECIAL:
        parts = [_SAME.get(part, part) for part in generic.groups() if part is not None]
        written = f"{parts[0]}[{', '.join(parts[1:])}]"
        return Type(frozenset({written}), frozenset(parts))
    literal = _LITERAL.match(text)
    if literal:  # ast writes a plain string constant in single quotes
        values = frozenset(f"Literal['{value}']" for value in _STRING.findall(literal.group(1)))
        return Type(values, frozenset({"Literal"}))
    return to_type(ast.parse(text, mode="eval").body)


def to_type(node: ast.expr) -> Type:
    normal = _normalise(node)
    members = _union_members(normal)
    texts: set[str] = set()
    for member in members:
        texts.update(_split_literal(member))
    names = frozenset(found.id for member in members for found in ast.walk(member) if isinstance(found, ast.Name))
    return Type(frozenset(texts), names)


def _split_literal(node: ast.expr) -> list[str]:
    """`Literal['a', 'b']` is the union of its values, so a value added or gone is a member added or gone."""
    if _subscripted(node) == "Literal":
        assert isinstance(node, ast.Subscript)
        values = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        return [f"Literal[{ast.unparse(value)}]" for value in values]
    return [ast.unparse(node)]


def _union_members(node: ast.expr) -> list[ast.expr]:
    if _subscripted(node) == "Union":
        assert isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Tuple)
        return list(node.slice.elts)
    return [node]


def _subscripted(node: ast.expr) -> str:
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name):
        return node.value.id
    return ""


def _normalise(node: ast.expr) -> ast.expr:
    """Qualifiers dropped, `X | Y` and `Optional[X]` as `Union`, union members flattened, unique and sorted."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        try:  # a quoted forward reference
            return _normalise(ast.parse(node.value, mode="eval").body)
        except SyntaxError:
            return node
    if isinstance(node, ast.Attribute):
        return ast.Name(_SAME.get(node.attr, node.attr))
    if isinstance(node, ast.Name):
        return ast.Name(_SAME.get(node.id, node.id))
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return _union([node.left, node.right])
    if isinstance(node, ast.Subscript):
        head = _normalise(node.value)
        parts = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        if isinstance(head, ast.Name) and head.id == "Union":
            return _union(parts)
        if isinstance(head, ast.Name) and head.id == "Optional":
            return _union([*parts, ast.Constant(None)])
        if isinstance(head, ast.Name) and head.id == "Literal":
            values = sorted({ast.unparse(part): part for part in parts}.items())
            return _subscript(head, [value for _, value in values])
        return _subscript(head, [_normalise(part) for part in parts])
    if isinstance(node, ast.List):  # Callable[[int], Any]
        return ast.List([_normalise(item) for item in node.elts])
    return node


def _union(parts: list[ast.expr]) -> ast.expr:
    members: dict[str, ast.expr] = {}
    for part in parts:
        for member in _union_members(_normalise(part)):
            members[ast.unparse(member)] = member
    if len(members) == 1:
        return next(iter(members.values()))
    return _subscript(ast.Name("Union"), [members[text] for text in sorted(members)])


def _subscript(head: ast.expr, parts: list[ast.expr]) -> ast.expr:
    index: ast.expr = parts[0] if len(parts) == 1 else ast.Tuple(parts)
    return ast.Subscript(head, index)
