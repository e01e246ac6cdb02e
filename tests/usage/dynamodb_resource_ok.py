"""Correct uses of the generated dynamodb service resource: mypy --strict and pyright strict must report nothing.

Never executed, only type-checked. On DynamoDB's resources boto3 serializes Python values itself and takes
boto3.dynamodb.conditions objects for expressions, so Table calls take plain values, unlike the client.
"""

from decimal import Decimal
from typing import assert_type

import boto3
from boto3.dynamodb.conditions import Attr, Key
from boto3.dynamodb.types import Binary

from types_boto3_dynamodb import DynamoDBServiceResource, ServiceResource
from types_boto3_dynamodb.client import DynamoDBClient
from types_boto3_dynamodb.literals import TableStatusType
from types_boto3_dynamodb.service_resource import ServiceResourceTablesCollection, Table
from types_boto3_dynamodb.type_defs import (
    DeleteTableOutputTypeDef,
    GetItemOutputTableTypeDef,
    PutItemInputTablePutItemTypeDef,
    PutItemOutputTableTypeDef,
    QueryOutputTableTypeDef,
    TableAttributeValueTypeDef,
)


def inferred() -> None:
    dynamodb = boto3.resource("dynamodb", region_name="eu-west-1")  # pyright: ignore[reportUnknownMemberType]
    assert_type(dynamodb, DynamoDBServiceResource)
    assert_type(dynamodb.meta.client, DynamoDBClient)
    same: ServiceResource = dynamodb
    assert_type(same, DynamoDBServiceResource)


def table(dynamodb: DynamoDBServiceResource) -> None:
    users = dynamodb.Table("users")
    assert_type(users, Table)
    assert_type(users.name, str)
    assert_type(users.table_status, TableStatusType)
    assert_type(users.item_count, int)
    assert_type(dynamodb.tables, ServiceResourceTablesCollection)
    for each in dynamodb.tables.filter(ExclusiveStartTableName="a").limit(3):
        assert_type(each, Table)
    created = dynamodb.create_table(
        TableName="users",
        KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
    )
    assert_type(created, Table)
    created.wait_until_exists(WaiterConfig={"Delay": 1})
    # the service resource's batch calls take Python values too
    written = dynamodb.batch_write_item(RequestItems={"users": [{"PutRequest": {"Item": {"id": "1", "n": 2}}}]})
    # what a result hands back is accepted as a request again: the usual retry of unprocessed items
    dynamodb.batch_write_item(RequestItems=written["UnprocessedItems"])
    for request in written["UnprocessedItems"]["users"]:
        if "PutRequest" in request:
            assert_type(request["PutRequest"]["Item"]["n"], TableAttributeValueTypeDef)
    got = dynamodb.batch_get_item(RequestItems={"users": {"Keys": [{"id": "1"}]}})
    assert_type(got["Responses"]["users"], list[dict[str, TableAttributeValueTypeDef]])


def items(users: Table) -> None:
    # plain Python values where the client takes {"S": ...} AttributeValue dicts
    put = users.put_item(Item={"id": "1", "age": 42, "score": Decimal("1.5"), "tags": {"a", "b"}, "raw": b"x"})
    assert_type(put, PutItemOutputTableTypeDef)
    request: PutItemInputTablePutItemTypeDef = {"Item": {"id": "2", "nested": {"deep": [1, 2]}}}
    users.put_item(**request)
    got = users.get_item(Key={"id": "1"}, ConsistentRead=True)
    assert_type(got, GetItemOutputTableTypeDef)
    # GetItem leaves Item out when no item has the key
    item = got.get("Item", {})
    assert_type(item["age"], TableAttributeValueTypeDef)
    # binary values come back as boto3's Binary wrapper, and may be sent as one
    raw = item["raw"]
    if isinstance(raw, Binary):
        assert_type(raw, Binary)
        users.put_item(Item={"id": "4", "raw": raw, "many": {raw}})
    # condition objects from boto3.dynamodb.conditions, or the expression strings
    found = users.query(KeyConditionExpression=Key("id").eq("1"), FilterExpression=Attr("age").gt(30))
    assert_type(found, QueryOutputTableTypeDef)
    assert_type(found["Items"], list[dict[str, TableAttributeValueTypeDef]])
    users.scan(FilterExpression="age > :a", ExpressionAttributeValues={":a": 30})
    users.update_item(Key={"id": "1"}, UpdateExpression="SET age = :a", ExpressionAttributeValues={":a": 43})
    users.delete_item(Key={"id": "1"}, ConditionExpression=Attr("id").exists())
    assert_type(users.update(BillingMode="PROVISIONED"), Table)
    assert_type(users.delete(), DeleteTableOutputTypeDef)
    users.reload()
    # boto3's hand-written batch writer (boto3/dynamodb/table.py)
    with users.batch_writer(overwrite_by_pkeys=["id"]) as batch:
        batch.put_item(Item={"id": "3"})
        batch.delete_item(Key={"id": "1"})
