"""Correct uses of the generated types-aiobotocore dynamodb client, paginators and waiters.

mypy --strict and pyright strict must report nothing; every assert_type pins what a checker infers.
Never executed, only type-checked.
"""

from typing import assert_type

from aiobotocore.paginate import AioPageIterator
from aiobotocore.session import get_session

from types_aiobotocore_dynamodb import DynamoDBClient, ScanPaginator, TableExistsWaiter
from types_aiobotocore_dynamodb.type_defs import AttributeValueOutputTypeDef, GetItemOutputTypeDef, ScanOutputTypeDef


async def calls() -> None:
    async with get_session().create_client("dynamodb") as client:  # pyright: ignore[reportUnknownMemberType]
        assert_type(client, DynamoDBClient)
        await client.put_item(TableName="table", Item={"id": {"S": "1"}, "doc": {"M": {"k": {"N": "1"}}}})
        got = await client.get_item(TableName="table", Key={"id": {"S": "1"}})
        assert_type(got, GetItemOutputTypeDef)
        assert_type(got.get("Item", {}), dict[str, AttributeValueOutputTypeDef])


async def paginators(client: DynamoDBClient) -> None:
    scan = client.get_paginator("scan")
    assert_type(scan, ScanPaginator)
    pages = scan.paginate(TableName="table", PaginationConfig={"PageSize": 25})
    assert_type(pages, AioPageIterator[ScanOutputTypeDef])
    async for page in pages:
        assert_type(page["Count"], int)


async def waiters(client: DynamoDBClient) -> None:
    waiter = client.get_waiter("table_exists")
    assert_type(waiter, TableExistsWaiter)
    await waiter.wait(TableName="table", WaiterConfig={"Delay": 1, "MaxAttempts": 30})
