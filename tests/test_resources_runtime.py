"""Resource actions proven against boto3 and botocore themselves, on boto3's real resource classes (a Stubber
answers): what boto3 sends for a call without arguments shares no key with our request TypedDict (we drop every
key the resource fills), and the required keys we keep plus what the resource fills pass botocore's validation
(we drop no key the caller must give)."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.stub import Stubber
from conformance.synth import Synthesizer, maximal_request, maximal_response, minimal_request
from test_resources import SERVICES, _build, _resource, _runtime

from generator.ir.members import Method
from generator.parse.resource_actions import top_member

# DynamoDB's resources serialize Python values themselves: the synthesized AttributeValue dicts would be
# serialized a second time (its Table calls are proven by the type checkers on tests/usage instead)
_RAW_VALUE_SERVICES = {"dynamodb"}


def _typed_keys(method: Method) -> tuple[set[str], set[str]]:
    """(every key, required keys) of the method's request TypedDict."""
    if method.request is None:
        return set(), set()
    fields = method.request.fields
    return {item.name for item in fields}, {item.name for item in fields if item.required}


def _call(instance: Any, method: Method) -> None:
    client = instance.meta.client
    model = client.meta.service_model.operation_model(method.operation_name)
    keys, required = _typed_keys(method)
    # what the resource fills in by itself: the keys boto3 sends when the caller passes none
    sent = _sent_params(instance, method, model, {})
    assert not set(sent) & keys, (method.name, set(sent) & keys)
    # the required keys we keep, plus what the resource fills, is a request botocore accepts
    params = minimal_request(model)
    assert required <= set(params), (method.name, required - set(params))
    wanted = required | _read_back(instance, method.name)
    kwargs = {name: value for name, value in maximal_request(model).items() if name in wanted & keys}
    kwargs.update({name: value for name, value in params.items() if name in keys})
    _sent_params(instance, method, model, kwargs, strict=True)


def _sent_params(
    instance: Any, method: Method, model: Any, kwargs: dict[str, Any], strict: bool = False
) -> dict[str, Any]:
    """The parameters boto3 hands the client for this call (the call itself is answered by a Stubber)."""
    sent: dict[str, Any] = {}
    captured: list[bool] = []

    def capture(params: dict[str, Any], **_: Any) -> None:
        sent.update(params)
        captured.append(True)

    events = instance.meta.client.meta.events
    events.register("provide-client-params", capture)
    try:
        with Stubber(instance.meta.client) as stubber:
            stubber.add_response(_method_name(instance, model.name), maximal_response(model))
            try:
                # boto3 drops a resource's data after each action; the next one would load it again
                getattr(_loaded(instance), method.name)(**kwargs)
            except Exception as error:
                # without the caller's keys only what was sent counts, not how the call ends
                if not captured or (strict and not _unbuildable_answer(stubber, error)):
                    raise
    finally:
        events.unregister("provide-client-params", capture)
    return sent


def _unbuildable_answer(stubber: Stubber, error: Exception) -> bool:
    """botocore took and answered the request, then boto3 could not build the resource the model promises.

    iam's CreateSigningCertificate names a SigningCertificate without the UserName it is identified by, so
    boto3 raises for every call; that is the model's defect, not a request botocore rejected.
    """
    try:
        stubber.assert_no_pending_responses()
    except AssertionError:
        return False
    return isinstance(error, ValueError) and str(error).startswith("Required parameter")


def _read_back(instance: Any, name: str) -> set[str]:
    """Request keys the action's returned resource takes its identifiers from (boto3 fails without them)."""
    actions = [item for item in instance.meta.resource_model.actions if item.name == name]
    if not actions or actions[0].resource is None:
        return set()
    return {
        top_member(item.path) for item in actions[0].resource.identifiers if item.source == "requestParameter"
    }


def _loaded(instance: Any) -> Any:
    """The instance with data as a load would give it, for actions that read a data member (no request)."""
    shape_name = instance.meta.resource_model.shape
    if shape_name:
        shape = instance.meta.client.meta.service_model.shape_for(shape_name)
        instance.meta.data = Synthesizer(output=True).structure(shape, 1, full=True)
    return instance


def _method_name(instance: Any, operation_name: str) -> str:
    mapping = instance.meta.client.meta.method_to_api_mapping
    return next(name for name, api in mapping.items() if api == operation_name)


@pytest.mark.parametrize("service", [item for item in SERVICES if item not in _RAW_VALUE_SERVICES])
def test_every_action_validates_with_the_typed_keys(service: str) -> None:
    runtime = _runtime(service)
    resource = _resource(service)
    called = 0
    owners = [(runtime, resource.service)]
    owners += [(_loaded(_build(runtime, service, item.name)), item) for item in resource.resources]
    for instance, definition in owners:
        for method in definition.methods:
            # actions name their operation; waiters poll, and boto3's injected transfers are not operations
            if not method.operation_name or method.name.startswith("wait_until_"):
                continue
            _call(instance, method)
            called += 1
    # every action in boto3's models was exercised (EC2's hand-injected delete_tags comes on top)
    assert called >= sum(len(instance.meta.resource_model.actions) for instance, _ in owners) > 0


@pytest.mark.parametrize("service", [item for item in SERVICES if item not in _RAW_VALUE_SERVICES])
def test_collection_filters_never_offer_a_key_the_collection_sets(service: str) -> None:
    """boto3 merges filter() keys into what the collection sets: a key in both must be a list it appends to."""
    runtime = _runtime(service)
    resource = _resource(service)
    owners = [(runtime, resource.service)]
    owners += [(_loaded(_build(runtime, service, item.name)), item) for item in resource.resources]
    checked = 0
    for instance, definition in owners:
        for model in instance.meta.resource_model.collections:
            (ref,) = [item.type for item in definition.attributes if item.name == model.name]
            (typed,) = [item for item in resource.collections if item.name == ref.render()]
            (filter_method,) = [method for method in typed.methods if method.name == "filter"]
            offered = {parameter.name for parameter in filter_method.parameters if parameter.name != "*"}
            sent = _collection_params(instance, model)
            overlap = {name for name in set(sent) & offered if not isinstance(sent[name], list)}
            assert not overlap, (typed.name, overlap)
            checked += 1
    assert checked == len(resource.collections) or checked >= len(
        {item.name for item in resource.collections}
    )


def _collection_params(instance: Any, model: Any) -> dict[str, Any]:
    """What boto3 sends for the first page of a collection, by the parameters it builds itself."""
    client = instance.meta.client
    operation = client.meta.service_model.operation_model(model.request.operation)
    sent: dict[str, Any] = {}

    def capture(params: dict[str, Any], **_: Any) -> None:
        sent.update(params)

    client.meta.events.register("provide-client-params", capture)
    try:
        with Stubber(client) as stubber:
            stubber.add_response(_method_name(instance, operation.name), maximal_response(operation))
            list(getattr(instance, model.name).all().limit(1))
    finally:
        client.meta.events.unregister("provide-client-params", capture)
    return sent


@pytest.mark.parametrize("service", SERVICES)
def test_subresources_take_our_parameters_by_name(service: str) -> None:
    """boto3 hands a sub-resource's arguments to the new resource's constructor: our names must be its."""
    runtime = _runtime(service)
    resource = _resource(service)
    owners = [(runtime, resource.service)]
    owners += [(_build(runtime, service, item.name), item) for item in resource.resources]
    made = 0
    for instance, definition in owners:
        names = {item.name for item in instance.meta.resource_model.subresources}
        for method in definition.methods:
            if method.name in names:
                arguments = {
                    item.name: 1 if item.type.render() == "int" else "x" for item in method.parameters
                }
                built = getattr(instance, method.name)(**arguments)
                assert built.meta.resource_model.name == method.return_type.render().lstrip("_")
                made += 1
    assert made == sum(len(instance.meta.resource_model.subresources) for instance, _ in owners) > 0
