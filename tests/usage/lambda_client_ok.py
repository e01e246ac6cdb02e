"""Correct uses of the generated lambda client: blobs in, a streaming body and an event stream out,
paginators and waiters.

mypy --strict and pyright strict must report nothing; every assert_type pins what a checker infers.
Never executed, only type-checked.
"""

import io
import json
from typing import assert_type

from botocore.eventstream import EventStream
from botocore.response import StreamingBody

from types_boto3_lambda import FunctionActiveV2Waiter, LambdaClient, ListFunctionsPaginator
from types_boto3_lambda.type_defs import (
    FunctionConfigurationTypeDef,
    InvokeWithResponseStreamResponseEventTypeDef,
    ListFunctionsResponseTypeDef,
)


def invoke(client: LambdaClient) -> None:
    result = client.invoke(FunctionName="f", Payload=json.dumps({"a": 1}), InvocationType="RequestResponse")
    assert_type(result["Payload"], StreamingBody)
    assert_type(result["Payload"].read(), bytes)
    client.invoke(FunctionName="f", Payload=b"{}")
    client.invoke(FunctionName="f", Payload=io.BytesIO(b"{}"))
    streamed = client.invoke_with_response_stream(FunctionName="f", Payload=b"{}")
    events = streamed["EventStream"]
    assert_type(events, EventStream[InvokeWithResponseStreamResponseEventTypeDef])
    for event in events:
        chunk = event.get("PayloadChunk")
        if chunk is not None:
            assert_type(chunk.get("Payload"), bytes | None)
    # a zip file is a blob on the way in
    client.update_function_code(FunctionName="f", ZipFile=b"PK\x03\x04")


def paginators(client: LambdaClient) -> None:
    paginator = client.get_paginator("list_functions")
    assert_type(paginator, ListFunctionsPaginator)
    for page in paginator.paginate(FunctionVersion="ALL", PaginationConfig={"MaxItems": 10}):
        assert_type(page, ListFunctionsResponseTypeDef)
        for function in page["Functions"]:
            assert_type(function, FunctionConfigurationTypeDef)
    for versions in client.get_paginator("list_versions_by_function").paginate(FunctionName="f"):
        assert_type(versions["Versions"], list[FunctionConfigurationTypeDef])


def waiters(client: LambdaClient) -> None:
    waiter = client.get_waiter("function_active_v2")
    assert_type(waiter, FunctionActiveV2Waiter)
    waiter.wait(FunctionName="f", WaiterConfig={"Delay": 1})
    client.get_waiter("function_updated").wait(FunctionName="f", Qualifier="1")
    client.get_waiter("published_version_active").wait(FunctionName="f", Qualifier="1")
