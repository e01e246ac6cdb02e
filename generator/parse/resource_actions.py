"""The methods of boto3 resources: actions, batch actions, waiters, and the request types they take."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Optional

from ..errors import ModelError

from ..ir import fixed
from ..ir.defs import AliasDef, Direction, Field, TypeDef, TypedDictDef
from ..ir.members import Method, Parameter, ParameterKind, unpacked
from ..ir.resources import resource_ref
from ..ir.types import NONE, TypeExpr, list_of
from .resource_values import HighLevelTypes
from .shapes import ShapeConverter
from .source import ServiceSource
from .text import first_sentence

if TYPE_CHECKING:
    from boto3.resources.model import Action, Parameter as ParamModel, Request, ResponseResource, Waiter

SERVICE_OWNER = "ServiceResource"  # how boto3 and the published stubs name the service resource's part
_REFERENCE = "https://boto3.amazonaws.com/v1/documentation/api/latest/reference/services"
# where a JMESPath expression yields a list: `Instances[]`, `Tags[*].Key`
_PROJECTION = re.compile(r"\[\*?\]")
_MEMBER = re.compile(r"[.\[]")


def owner_page(service: str, owner: str) -> str:
    """boto3's documentation folder of a resource (`service-resource` for the service resource)."""
    folder = "service-resource" if owner == SERVICE_OWNER else owner.lower()
    return f"{_REFERENCE}/{service}/{folder}"


def is_plural(resource: ResponseResource) -> bool:
    """Whether boto3 builds a list of resources: an identifier read through a list projection."""
    # boto3-stubs types these as Identifier; boto3 gives the Parameter objects that carry a path
    identifiers: list[Any] = list(resource.identifiers)
    paths = [resource.path or "", *(item.path or "" for item in identifiers)]
    return any(_PROJECTION.search(path) for path in paths)


def request_of(action: Action) -> Request:
    """The request of an action, collection or batch action (boto3's loader requires one for these)."""
    if action.request is None:
        raise ModelError(f"resource action {action.name!r} names no request")
    return action.request


def resource_of(action: Action) -> ResponseResource:
    """The resource a sub-resource, reference or collection makes."""
    if action.resource is None:
        raise ModelError(f"resource relation {action.name!r} names no resource")
    return action.resource


def top_member(target: str) -> str:
    """The request key a parameter target writes into: `Filters[0].Name` -> `Filters`."""
    return _MEMBER.split(target, 1)[0]


def filled_by_resource(params: Iterable[ParamModel]) -> set[str]:
    """Request keys the resource sets itself; a caller's value would replace the whole key."""
    return {top_member(param.target) for param in params if param.source != "input"}


def set_to_values(params: Iterable[ParamModel]) -> set[str]:
    """Request keys the resource sets whole to a value of its model (`"Status": "Active"`), not from its data."""
    fixed_values = (param for param in params if param.source not in ("input", "identifier", "data"))
    return {param.target for param in fixed_values if not _MEMBER.search(param.target)}


def filled_for_collection(params: Iterable[ParamModel]) -> set[str]:
    """Keys a collection sets; boto3 merges the caller's lists into `Filters[0]`-like ones."""
    return {param.target for param in params if param.source != "input" and not _MEMBER.search(param.target)}


class ActionBuilder:
    """Turns resource actions into methods; keeps the request TypedDicts they add to type_defs."""

    def __init__(
        self,
        source: ServiceSource,
        shapes: ShapeConverter,
        high_level: bool,
        stems: Mapping[str, str],
    ) -> None:
        """`high_level`: boto3 gives the resources Python values (DynamoDB); `stems`: operation → the published
        stem of its actions' requests, `{owner}` standing for the resource (both from quirks.py)."""
        self.source = source
        self.shapes = shapes
        self.high_level = high_level
        self._stems = stems
        self._requests: list[TypeDef] = []
        self._high_level: dict[str, HighLevelTypes] = {}
        if high_level:
            self._known: dict[str, TypeDef] = {item.name: item for item in shapes.definitions()}
            # the published name for an attribute value of any form; the client itself takes only the
            # AttributeValue structure (botocore's validator rejects a bare Python value), so that is ours
            value = shapes.member_type(source.model.shape_for("AttributeValue"), Direction.INPUT)
            self._requests.append(AliasDef("UniversalAttributeValueTypeDef", value))

    @property
    def definitions(self) -> list[TypeDef]:
        found: list[TypeDef] = list(self._requests)
        for values in self._high_level.values():
            found.extend(values.definitions.values())
        return list({item.name: item for item in found}.values())

    def _values(self, owner: str) -> Optional[HighLevelTypes]:
        """DynamoDB's Python-value variants for this resource's calls, or None for other services."""
        if not self.high_level:
            return None
        return self._high_level.setdefault(owner, HighLevelTypes(self.shapes, owner, self._known))

    def page(self, owner: str) -> str:
        return owner_page(self.source.name, owner)

    # requests -------------------------------------------------------------------------------
    def _fields(self, operation_name: str, owner: str, filled: set[str]) -> tuple[tuple[Field, ...], str]:
        operation = self.source.model.operation_model(operation_name)
        request = self.shapes.operation_types(operation).request
        if request is None or operation.input_shape is None:
            return (), ""
        fields = tuple(item for item in request.fields if item.name not in filled)
        values = self._values(owner)
        if values is not None:
            fields = values.fields(operation.input_shape, fields, Direction.INPUT)
        return fields, request.shape_name

    def request(
        self, operation_name: str, owner: str, action: str, filled: set[str], stem: str = ""
    ) -> Optional[TypedDictDef]:
        """The operation's request TypedDict without the keys the resource fills in."""
        fields, shape_name = self._fields(operation_name, owner, filled)
        if not fields:
            return None
        name = self.shapes.claim(stem or f"{shape_name}{owner}{action}", ("",))
        definition = TypedDictDef(name, fields, shape_name, Direction.INPUT)
        self._requests.append(definition)
        return definition

    def _export_settled(self, operation_name: str, owner: str, action: str) -> None:
        """The published request of an action whose every key the resource sets, some to a fixed value
        (iam `AccessKey.activate()`'s `Status`): ours offers none of them, so it has no keys."""
        shape = self.source.model.operation_model(operation_name).input_shape
        if shape is not None:
            name = self.shapes.claim(f"{shape.name}{owner}{action}", ("",))
            self.export(TypedDictDef(name, (), shape.name, Direction.INPUT))

    def export(self, definition: TypeDef) -> None:
        """A request TypedDict no method takes as **kwargs, exported under its published name."""
        self._requests.append(definition)

    def keywords(
        self, operation_name: str, owner: str, filled: set[str], optional: bool
    ) -> tuple[Parameter, ...]:
        """Keyword-only parameters from the request's keys (filter() and batch actions)."""
        fields, _ = self._fields(operation_name, owner, filled)
        if not fields:
            return ()
        return tuple(
            Parameter(
                item.name,
                item.type,
                None if item.required and not optional else "...",
                ParameterKind.KEYWORD_ONLY,
            )
            for item in fields
        )

    def result(self, operation_name: str, owner: str) -> TypeExpr:
        operation = self.source.model.operation_model(operation_name)
        result = self.shapes.operation_types(operation).result
        values = self._values(owner)
        if result is None or operation.output_shape is None:
            return fixed.EMPTY_RESPONSE_METADATA.ref
        return (values.result(operation.output_shape, result) if values else result).ref

    def summary(self, operation_name: str) -> str:
        return first_sentence(self.source.model.operation_model(operation_name).documentation)

    # methods --------------------------------------------------------------------------------
    def action(self, owner: str, raw_name: str, action: Action) -> Method:
        operation = request_of(action).operation
        filled = filled_by_resource(request_of(action).params)
        stem = self._stems.get(operation, "") if owner != SERVICE_OWNER else ""
        request = self.request(operation, owner, raw_name, filled, stem.format(owner=owner))
        if request is None and set_to_values(request_of(action).params):
            self._export_settled(operation, owner, raw_name)
        parameters = (unpacked("kwargs", request.ref),) if request else ()
        return Method(
            action.name,
            parameters,
            self.returns(action, operation, owner),
            self.summary(operation),
            f"{self.page(owner)}/{action.name}.html",
            operation,
            request,
        )

    def returns(self, action: Action, operation_name: str, owner: str) -> TypeExpr:
        """A resource (or list of them) when the action declares one, else the raw result."""
        if action.resource is None:
            return self.result(operation_name, owner)
        ref = resource_ref(action.resource.type)
        return list_of(False, ref) if is_plural(action.resource) else ref

    def batch_action(self, owner: str, collection_page: str, action: Action) -> Method:
        operation = request_of(action).operation
        filled = filled_by_resource(request_of(action).params)
        return Method(
            action.name,
            self.keywords(operation, owner, filled, optional=False),
            list_of(False, self.result(operation, owner)),
            self.summary(operation),
            f"{collection_page}.html#{action.name}",
            operation,
        )

    def waiter(self, owner: str, raw_name: str, waiter: Waiter) -> Method:
        """`wait_until_x(**kwargs)`: boto3 passes the caller's keys, WaiterConfig too, to the client's waiter."""
        operation = self.source.waiters[waiter.waiter_name]["operation"]
        fields, shape_name = self._fields(operation, owner, filled_by_resource(waiter.params))
        name = self.shapes.claim(f"{shape_name or operation}{owner}WaitUntil{raw_name}", ("",))
        config = Field("WaiterConfig", fixed.WAITER_CONFIG.ref, False)
        request = TypedDictDef(name, (*fields, config), shape_name, Direction.INPUT)
        self._requests.append(request)
        return Method(
            waiter.name,
            (unpacked("kwargs", request.ref),),
            NONE,
            f"Waits until this {owner} is {waiter.name.removeprefix('wait_until_')}.",
            f"{self.page(owner)}/{waiter.name}.html",
            operation,
            request,
        )
