"""The generated clients, paginators and waiters against what boto3 really builds: a real client (created
offline, never called) has exactly the methods the stub declares (model operations, boto3's and botocore's
injected methods, minus the HTTP/2 operations botocore deletes), exactly its waiters, and can paginate
exactly the operations that have a paginator class. The slow test does every service botocore ships."""

from __future__ import annotations

from typing import Any

import boto3
import pytest
from botocore import xform_name

from generator.ir.package import ServicePackage
from generator.parse.package import build_package
from generator.parse.source import BotocoreData
from generator.render.members import signature

# the services with runtime extras, the five of the usage files, and the committed one
SAMPLE = (
    "s3", "rds", "dsql", "lexv2-runtime", "qbusiness", "polly", "bedrock-runtime", "connecthealth",
    "dynamodb", "ec2", "lambda", "sqs", "sagemaker-edge",
)  # fmt: skip


@pytest.fixture(scope="module")
def data() -> BotocoreData:
    return BotocoreData()


@pytest.fixture(scope="module")
def session() -> boto3.session.Session:
    # fixed fake credentials: creating a client reads no environment and opens no connection
    return boto3.session.Session(aws_access_key_id="a", aws_secret_access_key="b", region_name="us-east-1")


def _mismatches(package: ServicePackage, operations: list[str], client: Any) -> list[str]:
    found = []
    runtime = {name for name in vars(type(client)) if not name.startswith("_")}
    # BaseClient's own, which the stub re-declares with this service's types
    declared = {method.name for method in package.client.methods} - {"can_paginate", "close", "get_paginator", "get_waiter"}
    if runtime != declared:
        found.append(f"methods only at runtime {sorted(runtime - declared)}, only in the stub {sorted(declared - runtime)}")
    if sorted(client.waiter_names) != sorted(waiter.key for waiter in package.waiters):
        found.append(f"waiters {sorted(client.waiter_names)} != {sorted(waiter.key for waiter in package.waiters)}")
    pageable = {name for name in map(xform_name, operations) if client.can_paginate(name)}
    if pageable != {paginator.key for paginator in package.paginators}:
        found.append(f"paginators {sorted(pageable)} != {sorted(p.key for p in package.paginators)}")
    return found


def _check(data: BotocoreData, session: boto3.session.Session, service: str) -> list[str]:
    source = data.load(service)
    package = build_package(source)
    client = session.client(service)  # type: ignore[call-overload]
    return [f"{service}: {problem}" for problem in _mismatches(package, source.model.operation_names, client)]


@pytest.mark.parametrize("service", SAMPLE)
def test_stub_matches_the_real_client(data: BotocoreData, session: boto3.session.Session, service: str) -> None:
    assert not _check(data, session, service)


def test_injected_methods_are_typed(data: BotocoreData) -> None:
    s3 = {method.name: method for method in build_package(data.load("s3")).client.methods}
    upload = s3["upload_file"]
    assert [parameter.name for parameter in upload.parameters] == [
        "Filename", "Bucket", "Key", "ExtraArgs", "Callback", "Config",
    ]  # fmt: skip
    assert upload.parameters[-1].type.render() == "Union[TransferConfig, None]"
    assert s3["copy"].parameters[0].type.render() == "CopySourceTypeDef"
    assert s3["upload_fileobj"].parameters[0].type.render() == "FileobjTypeDef"
    assert s3["generate_presigned_post"].return_type.render() == "dict[str, Any]"
    assert "start_conversation" not in {method.name for method in build_package(data.load("lexv2-runtime")).client.methods}
    rds = {method.name: method for method in build_package(data.load("rds")).client.methods}
    assert signature(rds["generate_db_auth_token"]) == (
        "self, DBHostname: str, Port: int, DBUsername: str, Region: Union[str, None] = None"
    )


def test_paginate_requests_leave_tokens_and_limits_to_botocore(data: BotocoreData) -> None:
    package = build_package(data.load("s3"))
    paginators = {paginator.key: paginator for paginator in package.paginators}
    request = paginators["list_objects_v2"].methods[0].request
    assert request is not None and request.name == "ListObjectsV2RequestPaginateTypeDef"
    keys = [field.name for field in request.fields]
    assert "ContinuationToken" not in keys and "MaxKeys" not in keys
    assert keys[0] == "Bucket" and keys[-1] == "PaginationConfig"
    # a list of input tokens: both go
    versions = paginators["list_object_versions"].methods[0].request
    assert versions is not None
    assert {"KeyMarker", "VersionIdMarker", "MaxKeys"}.isdisjoint(field.name for field in versions.fields)
    assert paginators["list_objects_v2"].methods[0].return_type.render() == "PageIterator[ListObjectsV2OutputTypeDef]"


def test_waiters_on_one_operation_get_the_published_names(data: BotocoreData) -> None:
    package = build_package(data.load("ec2"))
    requests = {waiter.key: waiter.methods[0].request for waiter in package.waiters}
    names = [requests[key].name for key in ("instance_exists", "instance_running", "instance_stopped", "instance_terminated")]  # type: ignore[union-attr]
    assert names == [
        "DescribeInstancesRequestWaitTypeDef",
        "DescribeInstancesRequestWaitExtraTypeDef",
        "DescribeInstancesRequestWaitExtraExtraTypeDef",
        "DescribeInstancesRequestWaitExtraExtraExtraTypeDef",
    ]
    running = requests["instance_running"]
    assert running is not None and running.fields[-1].name == "WaiterConfig"


@pytest.mark.slow
def test_every_stub_matches_its_real_client(data: BotocoreData, session: boto3.session.Session) -> None:
    services = data.service_names()
    assert len(services) > 400
    problems = [problem for service in services for problem in _check(data, session, service)]
    assert not problems, "\n".join(problems[:40])
