"""Correct uses of the generated s3 client, its paginators, waiters and boto3's transfer methods.

mypy --strict and pyright strict must report nothing; every assert_type pins what a checker infers.
Never executed, only type-checked.
"""

import io
from datetime import datetime
from typing import Any, assert_type

import boto3
from boto3.s3.transfer import TransferConfig
from botocore.paginate import PageIterator
from botocore.response import StreamingBody

from types_boto3_s3 import BucketExistsWaiter, Client, ListObjectsV2Paginator, S3Client
from types_boto3_s3.literals import PaginatorName, WaiterName
from types_boto3_s3.paginator import ListObjectVersionsPaginator, ListPartsPaginator
from types_boto3_s3.type_defs import (
    CopySourceTypeDef,
    ListObjectsV2OutputTypeDef,
    ListObjectsV2RequestPaginateTypeDef,
    ListObjectVersionsOutputTypeDef,
    ObjectTypeDef,
    PaginatorConfigTypeDef,
    WaiterConfigTypeDef,
)
from types_boto3_s3.waiter import ObjectExistsWaiter


def clients() -> None:
    # types-boto3's overloads name every service's package, and only the installed ones are known
    client = boto3.client("s3")  # pyright: ignore[reportUnknownMemberType]
    assert_type(client, S3Client)
    assert_type(boto3.session.Session().client("s3"), S3Client)  # pyright: ignore[reportUnknownMemberType]
    alias: Client = client
    assert_type(alias, S3Client)


def paginators(client: S3Client) -> None:
    paginator = client.get_paginator("list_objects_v2")
    assert_type(paginator, ListObjectsV2Paginator)
    config: PaginatorConfigTypeDef = {"MaxItems": 100, "PageSize": 10, "StartingToken": "t"}
    pages = paginator.paginate(Bucket="bucket", Prefix="logs/", PaginationConfig=config)
    assert_type(pages, PageIterator[ListObjectsV2OutputTypeDef])
    for page in pages:
        assert_type(page, ListObjectsV2OutputTypeDef)
        for item in page.get("Contents", []):  # an empty listing has no Contents
            assert_type(item, ObjectTypeDef)
            assert_type(item.get("Key"), str | None)
            assert_type(item.get("LastModified"), datetime | None)
        assert_type(page["IsTruncated"], bool)
    request: ListObjectsV2RequestPaginateTypeDef = {"Bucket": "bucket", "StartAfter": "k"}
    for again in client.get_paginator("list_objects_v2").paginate(**request):
        assert_type(again["KeyCount"], int)
    assert_type(client.get_paginator("list_parts"), ListPartsPaginator)
    versions = client.get_paginator("list_object_versions")
    assert_type(versions, ListObjectVersionsPaginator)
    for version_page in versions.paginate(Bucket="bucket", PaginationConfig={"MaxItems": 5}):
        assert_type(version_page, ListObjectVersionsOutputTypeDef)
    # pages of a paginator carry the same ResponseMetadata as a call's result
    for buckets in client.get_paginator("list_buckets").paginate():
        assert_type(buckets["ResponseMetadata"]["HTTPStatusCode"], int)
    assert_type(client.can_paginate("list_objects_v2"), bool)

def paginator_by_name(client: S3Client, name: PaginatorName) -> None:
    assert_type(name, PaginatorName)


def waiters(client: S3Client) -> None:
    waiter = client.get_waiter("bucket_exists")
    assert_type(waiter, BucketExistsWaiter)
    assert_type(waiter.wait(Bucket="bucket"), None)
    config: WaiterConfigTypeDef = {"Delay": 5, "MaxAttempts": 10}
    objects = client.get_waiter("object_exists")
    assert_type(objects, ObjectExistsWaiter)
    objects.wait(Bucket="bucket", Key="key", VersionId="v", WaiterConfig=config)
    client.get_waiter("object_not_exists").wait(Bucket="bucket", Key="key")


def waiter_by_name(name: WaiterName) -> None:
    assert_type(name, WaiterName)


def transfers(client: S3Client, config: TransferConfig) -> None:
    progress: list[int] = []
    assert_type(client.upload_file("local.txt", "bucket", "key"), None)
    client.upload_file(
        "local.txt", "bucket", "key", ExtraArgs={"ContentType": "text/plain"}, Callback=progress.append, Config=config
    )
    client.download_file("bucket", "key", "local.txt", Callback=lambda sent: None)
    with open("local.txt", "rb") as handle:
        client.upload_fileobj(handle, "bucket", "key")
    client.download_fileobj("bucket", "key", io.BytesIO())
    source: CopySourceTypeDef = {"Bucket": "from", "Key": "key", "VersionId": "v"}
    client.copy(source, "bucket", "key", SourceClient=client)
    client.copy({"Bucket": "from", "Key": "key"}, "bucket", "key")
    post = client.generate_presigned_post("bucket", "key", Fields={"acl": "public-read"}, ExpiresIn=60)
    assert_type(post, dict[str, Any])
    client.generate_presigned_post("bucket", "key", Conditions=[{"acl": "public-read"}, ["starts-with", "$key", ""]])


def special_shapes(client: S3Client) -> None:
    # blobs go in as bytes, str or a file; a streaming body comes back
    client.put_object(Bucket="bucket", Key="key", Body=b"data")
    client.put_object(Bucket="bucket", Key="key", Body="text")
    client.put_object(Bucket="bucket", Key="key", Body=io.BytesIO(b"data"))
    result = client.get_object(Bucket="bucket", Key="key")
    assert_type(result["Body"], StreamingBody)
    assert_type(result["Body"].read(), bytes)
    # timestamps go in as datetime or str, come back as datetime
    client.get_object(Bucket="bucket", Key="key", IfModifiedSince=datetime(2024, 1, 1))
    client.get_object(Bucket="bucket", Key="key", IfModifiedSince="2024-01-01")
    assert_type(result["LastModified"], datetime)
    # botocore's handlers take CopySource as a dict as well as "bucket/key", and an SSE-C key as bytes
    client.copy_object(Bucket="bucket", Key="key", CopySource={"Bucket": "from", "Key": "key", "VersionId": "v"})
    client.copy_object(Bucket="bucket", Key="key", CopySource="from/key?versionId=v")
    client.upload_part_copy(Bucket="b", Key="k", UploadId="u", PartNumber=1, CopySource={"Bucket": "f", "Key": "k"})
    client.get_object(Bucket="bucket", Key="key", SSECustomerAlgorithm="AES256", SSECustomerKey=b"\x00" * 32)
