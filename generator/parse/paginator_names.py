"""The names the published packages give structures seen through a paginator.

They parse a paginator's shapes anew and break recursion there on its own, so every structure of a paginated
operation that is or reaches a recursive one gets a second definition, `XPaginatorTypeDef` (and
`XPaginatorOutputTypeDef`, `XPaginatorUnionTypeDef` where both sides differ), the result
`<Output>PaginatorTypeDef`. Ours keep the one recursive definition and export those names as aliases of it.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from botocore.model import ListShape, MapShape, OperationModel, Shape, StructureShape

from .shapes import Role, ShapeConverter


def export_paginator_names(shapes: ShapeConverter, operations: Iterable[OperationModel]) -> None:
    """Alias every published `XPaginator…TypeDef` of these operations (in the model's order)."""
    recursive = _recursive_structures(shapes)
    # each structure's sides over all the paginators (in order of first use), as the published parse sees them
    sides: dict[str, set[Role]] = {}
    for operation in operations:
        if isinstance(operation.input_shape, StructureShape):  # its own request is XRequestPaginateTypeDef
            for member in operation.input_shape.members.values():
                for shape in _structures(member):
                    sides.setdefault(shape.name, set()).add(Role.INPUT)
        if isinstance(operation.output_shape, StructureShape):
            sides.setdefault(operation.output_shape.name, set()).add(Role.RESULT)
            for member in operation.output_shape.members.values():
                for shape in _structures(member):
                    sides.setdefault(shape.name, set()).add(Role.OUTPUT)
    for name, roles in sides.items():
        if name in recursive:
            shapes.alias_for_paginator(name, roles)


def _recursive_structures(shapes: ShapeConverter) -> set[str]:
    """Structures that are, or reach, a structure that reaches itself."""
    reach = {
        name: {item.name for member in shape.members.values() for item in _structures(member)}
        for name, shape in shapes.structures().items()
    }
    cyclic = {name for name, found in reach.items() if name in found}
    return {name for name, found in reach.items() if name in cyclic or found & cyclic}


def _structures(shape: Shape) -> Iterator[StructureShape]:
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
