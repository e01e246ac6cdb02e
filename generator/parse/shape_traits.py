"""What kind a botocore shape is (a document, a stream, a JSON header, one that reads differently in a request
and in a result), the traits botocore keeps only in the raw model, and how a definition name is claimed."""

from __future__ import annotations

from typing import Any, Iterable, Iterator, Mapping, Optional, TypeGuard

from botocore.model import ListShape, MapShape, OperationModel, Shape, StructureShape

from ..ir.defs import Direction
from ..ir.types import BOOL, FLOAT, INT, STR, TypeExpr
from .text import plain_text

# how botocore's scalar shape types are written, on either side of a call
SCALAR_TYPES: dict[str, TypeExpr] = {
    "string": STR,
    "character": STR,
    "integer": INT,
    "long": INT,
    "short": INT,
    "byte": INT,
    "bigdecimal": FLOAT,
    "float": FLOAT,
    "double": FLOAT,
    "boolean": BOOL,
}


def deprecation_note(traits: Mapping[str, Any]) -> str:
    """Deprecated members and operations still work, so they stay typed; their docs say so first."""
    if not traits.get("deprecated"):
        return ""
    message = plain_text(traits.get("deprecatedMessage"))
    return f"Deprecated: {message.rstrip('.')}. " if message else "Deprecated. "


def claim_name(taken: set[str], name: str, suffixes: Iterable[str]) -> str:
    for suffix in suffixes:
        candidate = f"{name}{suffix}TypeDef"
        if candidate not in taken:
            taken.add(candidate)
            return candidate
    counter = 2
    while f"{name}{counter}TypeDef" in taken:
        counter += 1
    taken.add(f"{name}{counter}TypeDef")
    return f"{name}{counter}TypeDef"


def member_traits(shape: StructureShape, name: str) -> Mapping[str, Any]:
    # botocore keeps a member's own traits (deprecated, deprecatedMessage) only in the raw model
    members = getattr(shape, "_shape_model", {}).get("members", {})
    traits = members.get(name, {}) if isinstance(members, dict) else {}
    return traits if isinstance(traits, dict) else {}


def has_members(shape: Optional[Shape]) -> TypeGuard[StructureShape]:
    return isinstance(shape, StructureShape) and bool(shape.members)


def is_document(shape: Shape) -> bool:
    return bool(getattr(shape, "is_document_type", False) or shape.metadata.get("document"))


def is_streaming(shape: Shape) -> bool:
    return bool(shape.serialization.get("streaming") or shape.metadata.get("streaming"))


def auto_filled(shape: Shape, direction: Direction) -> bool:
    # botocore fills idempotency tokens itself, so callers may leave them out
    return direction is Direction.INPUT and bool(shape.metadata.get("idempotencyToken"))


def differs_by_direction(shape: Shape) -> bool:
    if isinstance(shape, (ListShape, MapShape)):
        return True
    if isinstance(shape, StructureShape):
        return is_document(shape) or bool(shape.serialization.get("eventstream"))
    return shape.type_name in ("timestamp", "blob") or is_json_header(shape)


def member_enum_name(values: Iterable[str]) -> str:
    """An enum no shape names is named by its values, as published: JSON, YAML → JSONYAMLType."""
    return "".join(sorted(value[:1].upper() + value[1:] for value in values)) + "Type"


def differs_in_published(shape: Shape) -> bool:
    # the published packages write an empty structure as Mapping[str, Any] in, dict[str, Any] out
    empty = isinstance(shape, StructureShape) and not shape.members
    return empty or differs_by_direction(shape)


def is_json_header(shape: Shape) -> bool:
    # botocore JSON-encodes (and decodes) a jsonvalue string only in a header; in a body it stays a string
    return bool(shape.serialization.get("jsonvalue")) and shape.serialization.get("location") == "header"


def held_structures(shape: StructureShape) -> Iterable[str]:
    for member in shape.members.values():
        held = held_structure(member)
        if held is not None:
            yield held.name


def held_by(shapes: Iterable[StructureShape]) -> set[str]:
    """The structures that some of `shapes` hold."""
    return {name for shape in shapes for name in held_structures(shape)}


def held_structure(member: Shape) -> Optional[StructureShape]:
    """The structure a member holds, directly or in a list or a map's values (a map's keys are strings)."""
    while isinstance(member, (ListShape, MapShape)):
        member = member.member if isinstance(member, ListShape) else member.value
    return member if isinstance(member, StructureShape) else None


def structures_in(shape: StructureShape) -> Iterable[str]:
    for member in shape.members.values():
        if isinstance(member, StructureShape):
            yield member.name


def reachable_structures(shape: Shape) -> Iterator[StructureShape]:
    """Every structure reachable from a shape, itself included, each once."""
    seen: set[str] = set()
    stack = [shape]
    while stack:
        item = stack.pop()
        if isinstance(item, StructureShape):
            if item.name in seen:
                continue
            seen.add(item.name)
            yield item
            stack.extend(item.members.values())
        elif isinstance(item, ListShape):
            stack.append(item.member)
        elif isinstance(item, MapShape):
            stack.extend((item.key, item.value))


def union_holders(operations: Iterable[OperationModel], two_sided: set[str]) -> set[str]:
    """The structures whose input members write a two-sided structure X as `XUnionTypeDef`, as the published
    packages do: every request, and every structure a request reaches through a member that is not itself
    two-sided. A two-sided member passed whole takes the union (a value a result gave fits), and what it
    holds keeps the input side, `XTypeDef`, unless another way in reaches it."""
    holders: set[str] = set()
    for operation in operations:
        shape = operation.input_shape
        if not isinstance(shape, StructureShape):
            continue
        holders.add(shape.name)
        for member in shape.members.values():
            if not (isinstance(member, StructureShape) and member.name in two_sided):
                holders.update(item.name for item in reachable_structures(member))
    return holders


def _graph(shapes: Mapping[str, StructureShape]) -> dict[str, set[str]]:
    """Each structure reachable from `shapes` with the structures its members hold (through lists and maps)."""
    graph: dict[str, set[str]] = {}
    stack = list(shapes.values())
    while stack:
        shape = stack.pop()
        if shape.name in graph:
            continue
        held = graph[shape.name] = set()
        for member in shape.members.values():
            item = held_structure(member)
            if item is not None:
                held.add(item.name)
                if item.name not in graph:
                    stack.append(item)
    return graph


def _cyclic(graph: dict[str, set[str]]) -> set[str]:
    """The structures on a cycle: in a strongly connected component of two or more, or holding themselves
    (Tarjan's algorithm, without recursion: a model nests deeper than Python's stack)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    cyclic: set[str] = set()
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, edges = work[-1]
            for target in edges:
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(sorted(graph[target]))))
                    break
                if target in on_stack:
                    low[node] = min(low[node], index[target])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        item = stack.pop()
                        on_stack.discard(item)
                        component.append(item)
                        if item == node:
                            break
                    if len(component) > 1 or node in graph[node]:
                        cyclic.update(component)
    return cyclic


def cyclic_structures(shapes: Mapping[str, StructureShape]) -> set[str]:
    """Structures that reach themselves."""
    return _cyclic(_graph(shapes)) & set(shapes)


def reaching_a_cycle(shapes: Mapping[str, StructureShape]) -> set[str]:
    """Structures that are, or reach, a structure that reaches itself."""
    graph = _graph(shapes)
    cyclic = _cyclic(graph) & set(shapes)
    holders: dict[str, set[str]] = {}
    for name, held in graph.items():
        for item in held:
            holders.setdefault(item, set()).add(name)
    found, stack = set(cyclic), list(cyclic)
    while stack:
        for holder in holders.get(stack.pop(), ()):
            if holder not in found:
                found.add(holder)
                stack.append(holder)
    return found & set(shapes)
