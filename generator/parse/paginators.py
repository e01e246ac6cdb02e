"""botocore's paginators-1 model into paginator classes and their `XRequestPaginateTypeDef` requests."""

from __future__ import annotations

from typing import Any, Iterable

from botocore import xform_name
from botocore.model import OperationModel

from ..errors import ModelError
from ..ir import fixed
from ..ir.defs import Direction, Field, TypedDictDef
from ..ir.members import Method, Override, unpacked
from ..ir.package import ClassDef
from ..ir.types import External, Module, Subscript
from .client import reference_url
from .paginator_names import export_paginator_names
from .shapes import ShapeConverter
from .source import ServiceSource

_PAGINATOR = External("botocore.paginate", "Paginator")
_PAGE_ITERATOR = External("botocore.paginate", "PageIterator")


def build_paginators(source: ServiceSource, shapes: ShapeConverter) -> tuple[ClassDef, ...]:
    """One class per paginator whose operation the service model has, by operation name."""
    paginators = []
    # in the model's order, which decides who gets XPaginateTypeDef and who XPaginateExtraTypeDef
    for operation_name, config in source.paginators.items():
        if operation_name not in source.model.operation_names:
            continue  # botocore would fail to build it too
        if not isinstance(config, dict):
            raise ModelError(f"{source.name}: paginator {operation_name!r} is not a JSON object")
        operation = source.model.operation_model(operation_name)
        paginators.append((operation_name, _paginator(source.name, operation, config, shapes)))
    export_paginator_names(shapes, (source.model.operation_model(name) for name, _ in paginators))
    return tuple(paginator for _, paginator in sorted(paginators, key=lambda item: item[0]))


def _paginator(
    service: str, operation: OperationModel, config: dict[str, Any], shapes: ShapeConverter
) -> ClassDef:
    types = shapes.operation_types(operation)
    managed = {*_names(config.get("input_token")), *_names(config.get("limit_key"))}
    kept = [item for item in (types.request.fields if types.request else ()) if item.name not in managed]
    base = operation.input_shape.name if operation.input_shape is not None else f"{operation.name}Request"
    request = TypedDictDef(
        shapes.claim(f"{base}Paginate", ("",) + tuple("Extra" * count for count in range(1, 4))),
        (*kept, Field("PaginationConfig", fixed.PAGINATOR_CONFIG.ref, False)),
        base,
        Direction.INPUT,
        types.request.documentation if types.request else "",
    )
    result = (types.result or fixed.EMPTY_RESPONSE_METADATA).ref
    url = reference_url(service, "paginator", operation.name)
    paginate = Method(
        "paginate",
        (unpacked("kwargs", request.ref),),
        Subscript(_PAGE_ITERATOR, (result,)),
        f"Iterate over the pages of {xform_name(operation.name)}'s results.",
        url,
        operation.name,
        request,
        override=Override.NARROWS_KWARGS,  # botocore's takes **kwargs: Any
    )
    return ClassDef(
        f"{operation.name}Paginator",
        xform_name(operation.name),
        Module.PAGINATOR,
        Subscript(_PAGINATOR, (result,)),
        (paginate,),
        f"A paginator for {xform_name(operation.name)}.",
        url,
    )


def _names(value: object) -> Iterable[str]:
    """input_token is a key or a list of keys; limit_key is a key or absent."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        yield from (item for item in value if isinstance(item, str))
