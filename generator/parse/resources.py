"""boto3's resource models (boto3/data/*/resources-1.json, read by resource_models.py) into the service-resource IR."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional, cast


from ..errors import ModelError
from ..ir.defs import Direction, TypeDef
from ..ir.members import Method, Override, Parameter
from ..ir.resources import (
    Attribute,
    AttributeKind,
    CollectionDef,
    ResourceDef,
    ServiceResourceDef,
    resource_ref,
)
from ..ir.types import INT, NONE, STR, DefRef, External, Module, Subscript, TypeExpr, list_of
from .resource_actions import (
    SERVICE_OWNER,
    ActionBuilder,
    filled_for_collection,
    is_plural,
    request_of,
    resource_of,
)
from .quirks import high_level_values, resource_methods, resource_request_stems
from .resource_injected import injected_methods
from .resource_models import load_resource_model
from .shapes import ShapeConverter
from .source import ServiceSource

if TYPE_CHECKING:
    from boto3.resources.model import Collection, ResourceModel
    from botocore.model import Shape

_IDENTIFIER_TYPES: dict[str, TypeExpr] = {"integer": INT}
_SEQUENCE_OF_STR = Subscript(External("collections.abc", "Sequence"), (STR,))


def build_resource(
    source: ServiceSource, shapes: ShapeConverter
) -> tuple[Optional[ServiceResourceDef], list[TypeDef]]:
    """The service resource of a service (None without one) and the request TypedDicts its actions add."""
    data = load_resource_model(source.name)
    if data is None:
        return None, []
    try:
        return _ResourceParser(source, shapes, data).build()
    except (KeyError, TypeError, AttributeError) as error:
        raise ModelError(
            f"boto3 resources-1 model of {source.name}: unexpected structure ({error!r})"
        ) from None


class _ResourceParser:
    def __init__(self, source: ServiceSource, shapes: ShapeConverter, data: dict[str, Any]):
        self.source = source
        self.shapes = shapes
        self.definitions: dict[str, Any] = data["resources"]
        self.service_definition: dict[str, Any] = data["service"]
        self.actions = ActionBuilder(
            source, shapes, high_level_values(source.name), resource_request_stems(source.name)
        )
        self.collections: list[CollectionDef] = []
        self.meta = DefRef(f"{source.class_prefix}ResourceMeta", Module.SERVICE_RESOURCE)

    def build(self) -> tuple[ServiceResourceDef, list[TypeDef]]:
        # boto3 tells the service resource apart by a name that is not one of the resources
        service = self._resource(
            f"{self.source.class_prefix}ServiceResource", SERVICE_OWNER, self.service_definition
        )
        resources = [self._resource(name, name, self.definitions[name]) for name in sorted(self.definitions)]
        collections = tuple(sorted(self.collections, key=lambda item: item.name))
        # ResourceMeta's client is a BaseClient
        client = Attribute("client", DefRef(f"{self.source.class_prefix}Client", Module.CLIENT), narrows=True)
        definition = ServiceResourceDef(service, self.meta.name, client, tuple(resources), collections)
        return definition, self.actions.definitions

    # a resource class -----------------------------------------------------------------------
    def _resource(self, class_name: str, owner: str, definition: dict[str, Any]) -> ResourceDef:
        """`definition` is the raw JSON, for the names as written before boto3 snake-cases them."""
        model_name = self.source.name if owner == SERVICE_OWNER else owner
        # boto3-stubs wants its TypedDict of the definition; this is the same JSON
        model = self._model(model_name, definition)
        shape = self._shape(model)
        attributes = [*self._identifiers(model, definition), *self._references(model)]
        methods = [
            self._method(
                "get_available_subresources",
                (),
                _SEQUENCE_OF_STR,
                owner,
                "Returns a list of all the available sub-resources for this resource.",
            )
        ]
        for raw_name, action in zip(definition.get("actions", {}), model.actions):
            methods.append(self.actions.action(owner, raw_name, action))
        for raw_name, waiter in zip(definition.get("waiters", {}), model.waiters):
            methods.append(self.actions.waiter(owner, raw_name, waiter))
        methods.extend(self._subresource(owner, action) for action in model.subresources)
        for raw_name, collection in zip(definition.get("hasMany", {}), model.collections):
            collection_def = self._collection(owner, raw_name, collection)
            attributes.append(
                Attribute(
                    collection.name,
                    DefRef(collection_def.name, Module.SERVICE_RESOURCE),
                    kind=AttributeKind.COLLECTION,
                )
            )
        if shape is not None:
            for name, (_, member) in model.get_attributes(shape).items():
                attributes.append(Attribute(name, self.shapes.member_type(member, Direction.OUTPUT)))
        # meta narrows ResourceMeta to the one whose client is the typed client
        attributes.append(Attribute("meta", self.meta, AttributeKind.META, narrows=True))
        methods.extend(injected_methods(self.actions, owner, resource_methods(self.source.name, owner)))
        if model.load is not None:
            methods.append(
                self._method("load", (), NONE, owner, "Calls the load action, filling the attributes.")
            )
            methods.append(self._method("reload", (), NONE, owner, "Calls the load action again."))
        doc = f"{self.actions.page(owner)}/index.html"
        return ResourceDef(class_name, tuple(attributes), tuple(methods), doc)

    def _method(
        self, name: str, parameters: tuple[Parameter, ...], returns: TypeExpr, owner: str, summary: str
    ) -> Method:
        return Method(name, parameters, returns, summary, f"{self.actions.page(owner)}/{name}.html")

    def _identifiers(self, model: ResourceModel, definition: dict[str, Any]) -> list[Attribute]:
        raw = definition.get("identifiers", [])
        return [
            Attribute(item.name, _identifier_type(spec), kind=AttributeKind.IDENTIFIER)
            for item, spec in zip(model.identifiers, raw)
        ]

    def _references(self, model: ResourceModel) -> list[Attribute]:
        attributes = []
        for reference in model.references:
            made = resource_of(reference)
            ref = resource_ref(made.type)
            made_type = list_of(False, ref) if is_plural(made) else ref
            attributes.append(Attribute(reference.name, made_type, kind=AttributeKind.REFERENCE))
        return attributes

    def _subresource(self, owner: str, action: Any) -> Method:
        """`action` is a boto3 Action (boto3-stubs says ResponseResource) making one resource from input.

        boto3 passes the identifiers it fills first, then the caller's arguments, to the resource's own
        constructor: the parameters are the rest of that resource's identifiers, under their names there.
        """
        made = resource_of(action)
        identifiers: list[Any] = list(made.identifiers)  # Parameter objects, whatever boto3-stubs says
        given = sum(1 for item in identifiers if item.source != "input")
        specs = self.definitions[made.type].get("identifiers", [])
        names = self._identifier_names(made.type)
        parameters = tuple(
            Parameter(name, _identifier_type(spec)) for name, spec in zip(names[given:], specs[given:])
        )
        return self._method(
            action.name, parameters, resource_ref(made.type), owner, f"Creates a {made.type} resource."
        )

    def _identifier_names(self, resource_name: str) -> list[str]:
        """A resource's identifiers as its constructor takes them (snake-cased, renamed on a clash)."""
        return [item.name for item in self._model(resource_name, self.definitions[resource_name]).identifiers]

    def _model(self, name: str, definition: dict[str, Any]) -> ResourceModel:
        """boto3's own reading of a resource definition, its names renamed where they clash as boto3 does."""
        from boto3.resources.model import ResourceModel  # boto3 is imported only for a service with resources

        model = ResourceModel(name, cast(Any, definition), self.definitions)
        model.load_rename_map(self._shape(model))
        return model

    def _shape(self, model: ResourceModel) -> Optional[Shape]:
        """The botocore shape a resource's data is, if it has one."""
        return self.source.model.shape_for(model.shape) if model.shape else None

    # collections ----------------------------------------------------------------------------
    def _collection(self, owner: str, raw_name: str, collection: Collection) -> CollectionDef:
        name = f"{owner}{raw_name}Collection"
        item = resource_of(collection).type
        ref = DefRef(name, Module.SERVICE_RESOURCE)
        item_ref = resource_ref(item)
        page = f"{self.actions.page(owner)}/{collection.name}"
        operation = request_of(collection).operation
        filters = self.actions.keywords(
            operation, owner, filled_for_collection(request_of(collection).params), optional=True
        )
        count = (Parameter("count", INT),)

        def method(
            method_name: str,
            parameters: tuple[Parameter, ...],
            returns: TypeExpr,
            summary: str,
            override: Override = Override.NONE,
        ) -> Method:
            return Method(
                method_name, parameters, returns, summary, f"{page}.html#{method_name}", override=override
            )

        iterator = External("collections.abc", "Iterator")
        methods = [
            method("all", (), ref, f"All {item} items of the collection."),
            # named keywords where boto3's base class takes **kwargs: Any
            method(
                "filter", filters, ref, "Items filtered by the operation's parameters.", Override.INCOMPATIBLE
            ),
            method("iterator", filters, ref, "Items of the collection with the operation's parameters."),
            method("limit", count, ref, f"At most `count` {item} items."),
            method("page_size", count, ref, f"Fetch at most `count` {item} items per request."),
            method("pages", (), Subscript(iterator, (list_of(False, item_ref),)), f"Pages of {item} items."),
            method("__iter__", (), Subscript(iterator, (item_ref,)), f"Iterates over {item} items."),
        ]
        methods.extend(self.actions.batch_action(owner, page, action) for action in collection.batch_actions)
        definition = CollectionDef(name, item, tuple(methods), f"{page}.html")
        self.collections.append(definition)
        return definition


def _identifier_type(spec: dict[str, Any]) -> TypeExpr:
    return _IDENTIFIER_TYPES.get(spec.get("type", "string"), STR)
