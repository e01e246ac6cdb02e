"""Correct uses of the generated dynamodb client, paginators and waiters, with its recursive AttributeValue.

mypy --strict and pyright strict must report nothing; every assert_type pins what a checker infers.
Never executed, only type-checked.
"""

from typing import assert_type

from botocore.paginate import PageIterator

from types_boto3_dynamodb import DynamoDBClient, ScanPaginator, TableExistsWaiter
from types_boto3_dynamodb.type_defs import (
    AttributeValueOutputTypeDef,
    AttributeValueTypeDef,
    QueryOutputTypeDef,
    ScanOutputTypeDef,
)


def recursive_values(client: DynamoDBClient) -> None:
    # AttributeValue nests itself in M and L, on the way in and on the way out
    nested: AttributeValueTypeDef = {"M": {"tags": {"L": [{"S": "a"}, {"M": {"deep": {"N": "1"}}}]}}}
    client.put_item(TableName="table", Item={"id": {"S": "1"}, "doc": nested, "raw": {"B": b"\x00"}})
    # GetItem leaves Item out when no item has the key
    item = client.get_item(TableName="table", Key={"id": {"S": "1"}}).get("Item", {})
    assert_type(item, dict[str, AttributeValueOutputTypeDef])
    inner = item["doc"].get("M", {})
    assert_type(inner, dict[str, AttributeValueOutputTypeDef])
    assert_type(item["raw"].get("B"), bytes | None)


def paginators(client: DynamoDBClient) -> None:
    scan = client.get_paginator("scan")
    assert_type(scan, ScanPaginator)
    pages = scan.paginate(TableName="table", FilterExpression="a = :v", PaginationConfig={"PageSize": 25})
    assert_type(pages, PageIterator[ScanOutputTypeDef])
    for page in pages:
        assert_type(page["Items"], list[dict[str, AttributeValueOutputTypeDef]])
        assert_type(page["Count"], int)
    for result in client.get_paginator("query").paginate(
        TableName="table", KeyConditionExpression="id = :id", ExpressionAttributeValues={":id": {"S": "1"}}
    ):
        assert_type(result, QueryOutputTypeDef)
    for tables in client.get_paginator("list_tables").paginate():
        assert_type(tables["TableNames"], list[str])


def waiters(client: DynamoDBClient) -> None:
    waiter = client.get_waiter("table_exists")
    assert_type(waiter, TableExistsWaiter)
    waiter.wait(TableName="table", WaiterConfig={"Delay": 1, "MaxAttempts": 30})
    client.get_waiter("table_not_exists").wait(TableName="table")
