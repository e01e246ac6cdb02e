"""The client class: one method per operation, the methods botocore adds, and the modeled errors."""

from __future__ import annotations

from botocore import xform_name

from ..ir import fixed
from ..ir.package import ClientDef, Method, Parameter
from ..ir.types import ANY, BOOL, INT, NONE, STR, External, map_of
from .shapes import ShapeConverter
from .source import ServiceSource
from .text import first_sentence

_REFERENCE = "https://boto3.amazonaws.com/v1/documentation/api/latest/reference/services"


def service_doc_url(service_name: str) -> str:
    return f"{_REFERENCE}/{service_name}.html"


def method_doc_url(service_name: str, method_name: str) -> str:
    return f"{_REFERENCE}/{service_name}/client/{method_name}.html"


def build_client(source: ServiceSource, shapes: ShapeConverter) -> ClientDef:
    service = source.name
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
        ),
        Method(
            "close",
            (),
            NONE,
            "Closes underlying endpoint connections.",
            method_doc_url(service, "close"),
        ),
    ]
    for operation_name in sorted(source.model.operation_names, key=xform_name):
        operation = source.model.operation_model(operation_name)
        types = shapes.operation_types(operation)
        name = xform_name(operation_name)
        parameters = (Parameter("kwargs", types.request.ref, unpacked=True),) if types.request else ()
        result = types.result or fixed.EMPTY_RESPONSE_METADATA
        methods.append(
            Method(
                name,
                parameters,
                result.ref,
                first_sentence(operation.documentation),
                method_doc_url(service, name),
                operation_name,
                types.request,
            )
        )
    errors = sorted({shape.name for shape in source.model.error_shapes})
    return ClientDef(
        f"{source.class_prefix}Client",
        tuple(methods),
        tuple(sorted({"ClientError", *errors})),
        service_doc_url(service),
    )
