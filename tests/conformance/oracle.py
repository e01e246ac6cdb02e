"""botocore's verdicts, from botocore's own machinery: client handlers + ParamValidator, Stubber, real clients."""

from __future__ import annotations

import copy
from typing import Any, Optional

import boto3
import botocore.session
from botocore.exceptions import DataNotFoundError, ParamValidationError
from botocore.handlers import BUILTIN_HANDLERS, ParameterAlias
from botocore.hooks import first_non_none_response
from botocore.model import OperationModel
from botocore.stub import Stubber
from botocore.utils import EVENT_ALIASES
from botocore.validate import ParamValidator

REGION = "us-east-1"


def make_client(service: str) -> Any:
    """A real boto3 client; fake credentials and no call ever reaches the network."""
    return boto3.client(
        service, region_name=REGION, aws_access_key_id="testing", aws_secret_access_key="testing"
    )


def request_verdict(client: Any, operation: OperationModel, params: dict[str, Any]) -> Optional[str]:
    """None if botocore accepts `params`, else its complaint.

    Runs the handlers the client runs before validation (they fill idempotency tokens, glacier's
    accountId, check s3 bucket names...), then botocore's ParamValidator, as a client call does.
    """
    params = copy.deepcopy(params)
    service_id = client.meta.service_model.service_id.hyphenize()
    context: dict[str, Any] = {}
    try:
        responses = client.meta.events.emit(
            f"provide-client-params.{service_id}.{operation.name}",
            params=params,
            model=operation,
            context=context,
        )
        params = first_non_none_response(responses, default=params)
        client.meta.events.emit(
            f"before-parameter-build.{service_id}.{operation.name}",
            params=params,
            model=operation,
            context=context,
        )
    except ParamValidationError as error:
        return str(error)
    except (TypeError, ValueError, AttributeError) as error:
        # a handler choking on a value is a rejection too: the call never leaves the client
        return f"{type(error).__name__} in a botocore handler: {error}"
    if operation.input_shape is None:
        return "operation takes no parameters" if params else None
    report = ParamValidator().validate(params, operation.input_shape)
    return report.generate_report() if report.has_errors() else None


def response_verdict(client: Any, method: str, response: dict[str, Any]) -> Optional[str]:
    """None if botocore's Stubber takes `response` as a valid result of `method`."""
    stubber = Stubber(client)
    try:
        stubber.add_response(method, response)
    except ParamValidationError as error:
        return str(error)
    return None


def documented_names(client: Any, operation: OperationModel) -> dict[str, str]:
    """{model member: documented name} that the client's own before-parameter-build handlers translate.

    The names come from botocore's registered ParameterAlias handlers; whether one applies to this
    operation is the client's answer: each documented name is passed alone and read back renamed.
    """
    shape = operation.input_shape
    if shape is None:
        return {}
    service_id = client.meta.service_model.service_id.hyphenize()
    found = {}
    for original, documented in alias_pairs():
        if original not in shape.members or documented in shape.members:
            continue
        params: dict[str, Any] = {documented: "probe"}
        client.meta.events.emit(
            f"before-parameter-build.{service_id}.{operation.name}", params=params, model=operation, context={}
        )
        if params == {original: "probe"}:
            found[original] = documented
    return found


def alias_pairs() -> set[tuple[str, str]]:
    """(model name, documented name) of every ParameterAlias botocore registers."""
    return {(original, documented) for _, _, original, documented in alias_events()}


def alias_events() -> list[tuple[str, str, str, str]]:
    """(service part, operation part, model name, documented name) of each alias handler's event."""
    found = []
    for entry in BUILTIN_HANDLERS:
        owner = getattr(entry[1], "__self__", None)
        if isinstance(owner, ParameterAlias) and entry[0].startswith("before-parameter-build."):
            _, service, operation = entry[0].split(".", 2)
            found.append((service, operation, owner._original_name, owner._alias_name))
    return found


def aliased_members(service_model: Any) -> set[tuple[str, str]]:
    """(operation, model member) that an alias handler's event names, read from the event names alone.

    The expectation the aliased-call check is held to: the probe in documented_names must find each.
    """
    names = {service_model.service_name, service_model.service_id.hyphenize()}
    found = set()
    for service, operation, original, _ in alias_events():
        if service not in names and EVENT_ALIASES.get(service) not in names:
            continue
        for name in service_model.operation_names:
            shape = service_model.operation_model(name).input_shape
            if operation in ("*", name) and shape is not None and original in shape.members:
                found.add((name, original))
    return found


def validator_alone_rejects(operation: OperationModel, params: dict[str, Any]) -> bool:
    """ParamValidator without the client's handlers: an aliased request fails it, so a pass proves the alias."""
    return operation.input_shape is not None and ParamValidator().validate(params, operation.input_shape).has_errors()


def output_tokens(service: str) -> dict[str, list[str]]:
    """{operation name: the output token expressions of its paginator} from botocore's paginator model."""
    loader = botocore.session.get_session().get_component("data_loader")
    try:
        pagination = loader.load_service_model(service, "paginators-1")["pagination"]
    except DataNotFoundError:
        return {}
    tokens = {}
    for name, config in pagination.items():
        token = config.get("output_token")
        tokens[name] = token if isinstance(token, list) else [token] if token else []
    return tokens


def public_methods(client: Any) -> set[str]:
    return {
        name
        for name in dir(client)
        if not name.startswith("_") and callable(getattr(client, name))
    }


def public_names(client: Any) -> set[str]:
    """Methods and attributes (meta, exceptions, waiter_names)."""
    return {name for name in dir(client) if not name.startswith("_")}


def exception_names(client: Any) -> set[str]:
    exceptions = client.exceptions
    return {name for name in dir(exceptions) if not name.startswith("_") and isinstance(getattr(exceptions, name), type)}


def paginator_names(client: Any) -> set[str]:
    mapping = client.meta.method_to_api_mapping
    return {method for method in mapping if client.can_paginate(method)}


def waiter_names(client: Any) -> set[str]:
    return set(client.waiter_names)
