"""The client class: one method per operation, the methods botocore adds, and the modeled errors."""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from botocore import xform_name

from ..ir import fixed
from ..ir.defs import TypeDef
from ..ir.members import Method, Override, Parameter, unpacked
from ..ir.package import ClassDef, ClientDef
from ..ir.records import record
from ..ir.types import (
    ANY,
    BOOL,
    INT,
    NONE,
    STR,
    Builtin,
    DefRef,
    External,
    LiteralValues,
    Module,
    Subscript,
    TypeExpr,
    map_of,
    union,
)
from .shape_traits import deprecation_note
from .shapes import ShapeConverter
from .source import ServiceSource
from .text import first_sentence

_REFERENCE = "https://boto3.amazonaws.com/v1/documentation/api/latest/reference/services"


@record
class ClientExtras:
    """What one service's client gains and loses at runtime beyond its model (see injected.py)."""

    methods: tuple[Method, ...] = ()
    definitions: tuple[TypeDef, ...] = ()
    # request members (by name, string in the model) that botocore's handlers take in a richer form
    input_members: tuple[tuple[str, TypeExpr], ...] = ()


def service_doc_url(service_name: str) -> str:
    return f"{_REFERENCE}/{service_name}.html"


def reference_url(service_name: str, kind: str, name: str) -> str:
    """boto3's page for a client method, paginator or waiter: kind is client, paginator or waiter."""
    return f"{_REFERENCE}/{service_name}/{kind}/{name}.html"


def method_doc_url(service_name: str, method_name: str) -> str:
    return reference_url(service_name, "client", method_name)


def build_client(
    source: ServiceSource,
    shapes: ShapeConverter,
    removed: frozenset[str],  # the operations botocore deletes from the client class (handlers.py)
    paginators: Sequence[ClassDef] = (),
    waiters: Sequence[ClassDef] = (),
    extras: ClientExtras = ClientExtras(),
) -> ClientDef:
    service = source.name
    awaitable = shapes.family.asynchronous  # aiobotocore: every call that sends a request is awaited
    methods = [
        Method(
            "can_paginate",
            (Parameter("operation_name", STR),),
            BOOL,
            "Check if an operation can be paginated.",
            method_doc_url(service, "can_paginate"),
        ),
        Method(
            "generate_presigned_url",
            (
                Parameter("ClientMethod", STR),
                Parameter("Params", map_of(True, STR, ANY), "..."),
                Parameter("ExpiresIn", INT, "3600"),
                Parameter("HttpMethod", STR, "..."),
            ),
            STR,
            "Generate a presigned url given a client, its method, and arguments.",
            method_doc_url(service, "generate_presigned_url"),
            awaitable=awaitable,
        ),
        Method(
            "close",
            (),
            NONE,
            "Closes underlying endpoint connections.",
            method_doc_url(service, "close"),
            # aiobotocore's is a coroutine function where botocore's BaseClient has a plain one
            override=Override.NARROWS_KWARGS if awaitable else Override.NONE,
            awaitable=awaitable,
        ),
        *(_context_methods(service, f"{source.class_prefix}Client") if awaitable else ()),
    ]
    for operation_name in sorted(source.model.operation_names, key=xform_name):
        if operation_name in removed:
            continue
        operation = source.model.operation_model(operation_name)
        types = shapes.operation_types(operation)
        name = xform_name(operation_name)
        parameters = (unpacked("kwargs", types.request.ref),) if types.request else ()
        result = types.result or fixed.EMPTY_RESPONSE_METADATA
        methods.append(
            Method(
                name,
                parameters,
                result.ref,
                # the raw model keeps deprecatedMessage, which OperationModel does not expose
                deprecation_note(getattr(operation, "_operation_model", {})) + first_sentence(operation.documentation),
                method_doc_url(service, name),
                operation_name,
                types.request,
                awaitable=awaitable,
            )
        )
    methods.extend(replace(method, awaitable=awaitable) for method in extras.methods)
    methods.extend(
        _accessors(service, "get_paginator", "operation_name", paginators, "Create a paginator for an operation.")
    )
    methods.extend(
        _accessors(service, "get_waiter", "waiter_name", waiters, "Returns an object that can wait for some condition.")
    )
    errors = sorted({shape.name for shape in source.model.error_shapes})
    return ClientDef(
        f"{source.class_prefix}Client",
        tuple(methods),
        tuple(sorted({"ClientError", *errors})),
        service_doc_url(service),
        shapes.family.external("botocore.client", "BaseClient"),
    )


def _context_methods(service: str, client: str) -> tuple[Method, ...]:
    """aiobotocore's client is an async context manager: `async with session.create_client(...) as client`."""
    url = service_doc_url(service)
    exception = union(Builtin("BaseException"), NONE)
    return (
        Method("__aenter__", (), DefRef(client, Module.CLIENT), "Open the client's connections.", url, awaitable=True),
        Method(
            "__aexit__",
            (
                Parameter("exc_type", union(Subscript(Builtin("type"), (Builtin("BaseException"),)), NONE)),
                Parameter("exc_val", exception),
                Parameter("tb", union(External("types", "TracebackType"), NONE)),
            ),
            NONE,
            "Close the client's connections.",
            url,
            awaitable=True,
        ),
    )


def _accessors(service: str, name: str, parameter: str, classes: Sequence[ClassDef], summary: str) -> list[Method]:
    """`get_paginator` / `get_waiter`: one overload per class, keyed by its Literal name."""
    if not classes:
        return []  # BaseClient's own, untyped, stays
    url = method_doc_url(service, name)
    if len(classes) == 1:
        only = classes[0]
        key = Parameter(parameter, LiteralValues((only.key,)))
        return [Method(name, (key,), only.ref, summary, url, override=Override.INCOMPATIBLE)]
    # BaseClient takes any name; each overload takes one of this service's names
    return [
        Method(
            name,
            (Parameter(parameter, LiteralValues((item.key,))),),
            item.ref,
            summary,
            url,
            overload=True,
            override=Override.INCOMPATIBLE,
        )
        for item in classes
    ]
