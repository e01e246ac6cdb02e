"""A ServiceSource into the ServicePackage the renderers draw from."""

from __future__ import annotations

from typing import Iterable, Mapping, Optional, Sequence

from ..ir import fixed
from ..ir.defs import AliasDef, Direction, LiteralDef, TypeDef
from ..ir.family import BOTO3, Family
from ..ir.order import dependency_order
from ..ir.package import ClassDef, ServicePackage
from .client import build_client, service_doc_url
from .injected import TRANSFER_METHODS, client_extras
from .handler_facts import handler_facts
from .paginators import build_paginators
from .published_extras import Extra, published_extras
from .quirks import client_methods, client_request_names
from .resource_models import resource_service_names
from .result_keys import left_out_keys
from .shapes import BotocoreKeys, ShapeConverter
from .source import ServiceSource
from .versions import library_version
from .waiters import build_waiters


def build_package(
    source: ServiceSource, family: Family = BOTO3, previous: Optional[Mapping[str, Direction]] = None
) -> ServicePackage:
    """`previous`: the structures an earlier generation named (`--keep-names-from`), kept where unreached."""
    extras = client_extras(source.name, client_methods(source.name), family.transfer_methods)
    handled = handler_facts(source.model)
    keys = BotocoreKeys(handled.aliases, left_out_keys(source.model, source.paginators), handled.filled)
    shapes = ShapeConverter(source.model, dict(extras.input_members), keys, family, previous)
    paginators = build_paginators(source, shapes)
    waiters = build_waiters(source, shapes)
    client = build_client(source, shapes, handled.removed, paginators, waiters, extras)
    resource, resource_requests = None, []
    if family.resources and source.name in resource_service_names():
        from .resources import build_resource  # the resource parser (and boto3) only for a service with resources

        resource, resource_requests = build_resource(source, shapes)
    accessors = [method for item in paginators + waiters for method in item.methods]
    methods = [*client.methods, *accessors]
    definitions: list[TypeDef] = [fixed.RESPONSE_METADATA, *shapes.definitions(), *extras.definitions]
    definitions.extend(method.request for method in accessors if method.request)
    definitions.extend(resource_requests)
    aliases = client_request_names(source.name)
    definitions.extend(
        AliasDef(aliases[method.operation_name], method.request.ref)
        for method in client.methods
        if method.operation_name in aliases and method.request
    )
    extras_named = _new_names(published_extras(source.name, shapes), definitions)
    definitions.extend(item for item in extras_named if not isinstance(item, LiteralDef))
    if any(fixed.EMPTY_RESPONSE_METADATA.ref in method.return_type.refs() for method in methods):
        definitions.append(fixed.EMPTY_RESPONSE_METADATA)
    if paginators:
        definitions.append(fixed.PAGINATOR_CONFIG)
    if waiters:
        definitions.append(fixed.WAITER_CONFIG)
    prefix = source.class_prefix
    transferring = any(method.name in TRANSFER_METHODS for method in extras.methods)
    literals = [
        *shapes.literals(),
        LiteralDef(f"{prefix}ServiceName", (source.name,)),
        LiteralDef("ServiceName", source.all_services),
        LiteralDef("RegionName", source.regions),
        LiteralDef("ResourceServiceName", resource_service_names()),
        *_name_literals("Paginator", paginators),
        *_name_literals("Waiter", waiters),
    ]
    literals.extend(item for item in _new_names(extras_named, literals) if isinstance(item, LiteralDef))
    return ServicePackage(
        service_name=source.name,
        class_prefix=prefix,
        service_full_name=source.model.metadata.get("serviceFullName", prefix),
        botocore_version=source.botocore_version,
        client=client,
        type_defs=dependency_order(definitions),
        literals=tuple(sorted(literals, key=lambda literal: literal.name)),
        boto3_doc_url=service_doc_url(source.name),
        paginators=paginators,
        waiters=waiters,
        resource=resource,
        # service_resource.pyi builds on boto3.resources, and the transfer methods on boto3.s3.transfer,
        # which the family's companion package (types-boto3, boto3-stubs) types
        dependencies=(family.companion,) if resource or transferring else (),
        family=family,
        library_version=library_version(family.versioned_by),
    )


def _new_names(extras: Sequence[Extra], known: Iterable[Extra]) -> list[Extra]:
    """The published extras whose names the model's own definitions leave free (a model may add them one day)."""
    taken = {item.name for item in known}
    return [item for item in extras if item.name not in taken]


def _name_literals(kind: str, classes: tuple[ClassDef, ...]) -> list[LiteralDef]:
    """`ListBucketsPaginatorName = Literal["list_buckets"]` each, and `PaginatorName` for all."""
    if not classes:
        return []
    each = [LiteralDef(f"{item.name}Name", (item.key,)) for item in classes]
    return [*each, LiteralDef(f"{kind}Name", tuple(sorted(item.key for item in classes)))]
