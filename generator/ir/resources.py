"""The service-resource IR: boto3's resource classes, their collections, and the service resource itself."""

from __future__ import annotations

import enum
from typing import Iterator

from .members import Method
from .records import record
from .types import DefRef, Import, Module, TypeExpr


def resource_ref(resource_name: str) -> DefRef:
    """A resource class as methods name it: `_Queue`, since a sub-resource method may shadow `Queue`."""
    return DefRef("_" + resource_name, Module.SERVICE_RESOURCE)


class AttributeKind(enum.Enum):
    """What a class-level annotation of a resource is (the docs group them by it)."""

    IDENTIFIER = "identifier"
    ATTRIBUTE = "attribute"  # a member of the resource's shape, filled by load()
    REFERENCE = "reference"
    COLLECTION = "collection"
    META = "meta"


@record
class Attribute:
    """A class-level annotation: identifier, attribute, reference, collection or meta."""

    name: str
    type: TypeExpr
    kind: AttributeKind = AttributeKind.ATTRIBUTE
    narrows: bool = False  # its type is a subclass of the type the base class gives the attribute of its name

    def imports(self) -> Iterator[Import]:
        return self.type.imports()


@record
class CollectionDef:
    """A `ResourceCollection` subclass: what iterating yields, and its chainable methods."""

    name: str
    item: str  # the resource class the collection yields
    methods: tuple[Method, ...]
    doc_url: str

    def imports(self) -> Iterator[Import]:
        yield Import("boto3.resources.collection", "ResourceCollection")
        for method in self.methods:
            yield from method.imports()


@record
class ResourceDef:
    """A `ServiceResource` subclass: one of boto3's resources, or the service resource itself."""

    name: str
    attributes: tuple[Attribute, ...]
    methods: tuple[Method, ...]
    doc_url: str

    @property
    def alias(self) -> str:
        return resource_ref(self.name).name

    def imports(self) -> Iterator[Import]:
        yield Import("boto3.resources.base", "ServiceResource")
        for attribute in self.attributes:
            yield from attribute.imports()
        for method in self.methods:
            yield from method.imports()


@record
class ServiceResourceDef:
    """Everything service_resource.pyi declares for one service."""

    service: ResourceDef  # XServiceResource
    meta_name: str  # XResourceMeta: ResourceMeta whose client is the typed client
    meta_client: Attribute
    resources: tuple[ResourceDef, ...]
    collections: tuple[CollectionDef, ...]

    @property
    def name(self) -> str:
        return self.service.name

    @property
    def exports(self) -> tuple[str, ...]:
        names = [self.service.name, *(item.name for item in self.resources)]
        names.extend(collection.name for collection in self.collections)
        return tuple(sorted(names))

    def imports(self) -> Iterator[Import]:
        yield Import("boto3.resources.base", "ResourceMeta")
        yield from self.meta_client.imports()
        yield from self.service.imports()
        for resource in self.resources:
            yield from resource.imports()
        for collection in self.collections:
            yield from collection.imports()
