"""Correct uses of the generated types-aiobotocore s3 client: `async with`, awaited calls, async paginators,
waiters and aiobotocore's StreamingBody.

mypy --strict and pyright strict must report nothing; every assert_type pins what a checker infers.
Never executed, only type-checked.
"""

from typing import Any, assert_type

from aiobotocore.paginate import AioPageIterator
from aiobotocore.response import StreamingBody
from aiobotocore.session import get_session

from types_aiobotocore_s3 import BucketExistsWaiter, Client, ListObjectsV2Paginator, S3Client
from types_aiobotocore_s3.type_defs import GetObjectOutputTypeDef, ListObjectsV2OutputTypeDef, ObjectTypeDef


async def clients() -> None:
    # types-aiobotocore's overloads name every service's package, and only the installed ones are known
    async with get_session().create_client("s3") as s3:  # pyright: ignore[reportUnknownMemberType]
        assert_type(s3, S3Client)
        alias: Client = s3
        assert_type(alias, S3Client)


async def calls(s3: S3Client) -> None:
    result = await s3.get_object(Bucket="bucket", Key="key")
    assert_type(result, GetObjectOutputTypeDef)
    assert_type(result["Body"], StreamingBody)
    data = await (await s3.get_object(Bucket="bucket", Key="key"))["Body"].read()
    assert_type(data, bytes)
    listing = await s3.list_objects_v2(Bucket="bucket", Prefix="logs/")
    assert_type(listing["KeyCount"], int)
    url = await s3.generate_presigned_url("get_object", Params={"Bucket": "bucket", "Key": "key"})
    assert_type(url, str)
    post = await s3.generate_presigned_post("bucket", "key")
    assert_type(post, dict[str, Any])
    assert_type(s3.can_paginate("list_objects_v2"), bool)
    await s3.close()


async def paginators(s3: S3Client) -> None:
    paginator = s3.get_paginator("list_objects_v2")
    assert_type(paginator, ListObjectsV2Paginator)
    pages = paginator.paginate(Bucket="bucket", PaginationConfig={"MaxItems": 100})
    assert_type(pages, AioPageIterator[ListObjectsV2OutputTypeDef])
    async for page in s3.get_paginator("list_objects_v2").paginate(Bucket="bucket"):
        assert_type(page, ListObjectsV2OutputTypeDef)
        for item in page.get("Contents", []):
            assert_type(item, ObjectTypeDef)
    full = await pages.build_full_result()
    assert_type(full, dict[str, Any])


async def waiters(s3: S3Client) -> None:
    waiter = s3.get_waiter("bucket_exists")
    assert_type(waiter, BucketExistsWaiter)
    await waiter.wait(Bucket="bucket", WaiterConfig={"Delay": 5, "MaxAttempts": 10})
