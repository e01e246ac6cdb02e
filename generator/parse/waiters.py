"""botocore's waiters-2 model into waiter classes and their `XRequestWaitTypeDef` requests."""

from __future__ import annotations

from typing import Any

from botocore import xform_name

from ..errors import ModelError
from ..ir import fixed
from ..ir.defs import Direction, Field, TypedDictDef
from ..ir.members import Method, Override, unpacked
from ..ir.package import ClassDef
from ..ir.types import NONE, Module
from .client import reference_url
from .shapes import ShapeConverter
from .source import ServiceSource
from .text import first_sentence

# the published packages name a second, third... waiter on one operation XRequestWaitExtraTypeDef, ...
_SUFFIXES = tuple("Extra" * count for count in range(8))


def build_waiters(source: ServiceSource, shapes: ShapeConverter) -> tuple[ClassDef, ...]:
    """One class per waiter whose operation the service model has, by waiter name."""
    waiters = []
    # in the model's order, which decides who gets XWaitTypeDef and who XWaitExtraTypeDef, as published
    for waiter_name, config in source.waiters.items():
        if not isinstance(config, dict) or not isinstance(config.get("operation"), str):
            raise ModelError(f"{source.name}: waiter {waiter_name!r} names no operation")
        if config["operation"] not in source.model.operation_names:
            continue  # botocore would fail to build it too
        waiters.append((waiter_name, _waiter(source.name, waiter_name, config, shapes)))
    return tuple(waiter for _, waiter in sorted(waiters, key=lambda item: item[0]))


def _waiter(service: str, waiter_name: str, config: dict[str, Any], shapes: ShapeConverter) -> ClassDef:
    operation = shapes.model.operation_model(config["operation"])
    types = shapes.operation_types(operation)
    base = operation.input_shape.name if operation.input_shape is not None else f"{operation.name}Request"
    request = TypedDictDef(
        shapes.claim(f"{base}Wait", _SUFFIXES),
        (
            *(types.request.fields if types.request else ()),
            Field("WaiterConfig", fixed.WAITER_CONFIG.ref, False),
        ),
        base,
        Direction.INPUT,
        types.request.documentation if types.request else "",
    )
    url = reference_url(service, "waiter", waiter_name)
    summary = first_sentence(config.get("description")) or (
        f"Poll {xform_name(operation.name)} until it reports {xform_name(waiter_name)}."
    )
    wait = Method(
        "wait",
        (unpacked("kwargs", request.ref),),
        NONE,
        summary,
        url,
        operation.name,
        request,
        override=Override.NARROWS_KWARGS,  # botocore's takes **kwargs: Any
        awaitable=shapes.family.asynchronous,  # aiobotocore's AIOWaiter.wait is a coroutine function
    )
    return ClassDef(
        f"{waiter_name}Waiter",
        xform_name(waiter_name),
        Module.WAITER,
        shapes.family.external("botocore.waiter", "Waiter"),
        (wait,),
        summary,
        url,
    )
