"""A ServiceSource into the ServicePackage the renderers draw from."""

from __future__ import annotations

from ..ir import fixed
from ..ir.defs import LiteralDef, TypeDef
from ..ir.order import dependency_order
from ..ir.package import ServicePackage
from .client import build_client, service_doc_url
from .shapes import ShapeConverter
from .source import ServiceSource


def build_package(source: ServiceSource) -> ServicePackage:
    shapes = ShapeConverter(source.model)
    client = build_client(source, shapes)
    definitions: list[TypeDef] = [fixed.RESPONSE_METADATA, *shapes.definitions()]
    if any(method.return_type == fixed.EMPTY_RESPONSE_METADATA.ref for method in client.methods):
        definitions.append(fixed.EMPTY_RESPONSE_METADATA)
    prefix = source.class_prefix
    literals = [
        *shapes.literals(),
        LiteralDef(f"{prefix}ServiceName", (source.name,)),
        LiteralDef("ServiceName", source.all_services),
        LiteralDef("RegionName", source.regions),
    ]
    return ServicePackage(
        service_name=source.name,
        class_prefix=prefix,
        service_full_name=source.model.metadata.get("serviceFullName", prefix),
        botocore_version=source.botocore_version,
        client=client,
        type_defs=dependency_order(definitions),
        literals=tuple(sorted(literals, key=lambda literal: literal.name)),
        boto3_doc_url=service_doc_url(source.name),
    )
