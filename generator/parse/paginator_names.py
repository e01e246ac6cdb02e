"""The names the published packages give structures seen through a paginator.

They parse a paginator's shapes anew and break recursion there on its own, so every structure of a paginated
operation that is or reaches a recursive one gets a second definition, `XPaginatorTypeDef` (and
`XPaginatorOutputTypeDef`, `XPaginatorUnionTypeDef` where both sides differ), the result
`<Output>PaginatorTypeDef`. Ours keep the one recursive definition and export those names as aliases of it.
"""

from __future__ import annotations

from typing import Iterable

from botocore.model import OperationModel, StructureShape

from .roles import Role
from .shape_traits import reachable_structures, reaching_a_cycle
from .shapes import ShapeConverter


def export_paginator_names(shapes: ShapeConverter, operations: Iterable[OperationModel]) -> None:
    """Alias every published `XPaginator…TypeDef` of these operations (in the model's order)."""
    recursive = reaching_a_cycle(shapes.structures())
    # each structure's sides over all the paginators (in order of first use), as the published parse sees them
    sides: dict[str, set[Role]] = {}
    for operation in operations:
        if isinstance(operation.input_shape, StructureShape):  # its own request is XRequestPaginateTypeDef
            for member in operation.input_shape.members.values():
                for shape in reachable_structures(member):
                    sides.setdefault(shape.name, set()).add(Role.INPUT)
        if isinstance(operation.output_shape, StructureShape):
            sides.setdefault(operation.output_shape.name, set()).add(Role.RESULT)
            for member in operation.output_shape.members.values():
                for shape in reachable_structures(member):
                    sides.setdefault(shape.name, set()).add(Role.OUTPUT)
    for name, roles in sides.items():
        if name in recursive:
            shapes.alias_for_paginator(name, roles)
