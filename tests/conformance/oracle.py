"""botocore's verdicts, from botocore's own machinery: client handlers + ParamValidator, Stubber, real clients."""

from __future__ import annotations

import copy
from typing import Any, Optional

import boto3
from botocore.exceptions import ParamValidationError
from botocore.hooks import first_non_none_response
from botocore.model import OperationModel
from botocore.stub import Stubber
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
