"""Wrong uses of the generated types-aiobotocore dynamodb client: each marked line must be flagged by both
checkers with the code it names. Never executed.
"""

from types_aiobotocore_dynamodb import DynamoDBClient


async def wrong_calls(client: DynamoDBClient) -> None:
    # an AttributeValue is a tagged structure, not a bare value
    await client.put_item(TableName="table", Item={"id": "1"})  # type: ignore[dict-item]  # pyright: ignore[reportArgumentType]
    # a call that is not awaited is a coroutine, not the result
    client.get_item(TableName="table", Key={"id": {"S": "1"}}).get("Item")  # type: ignore[attr-defined]  # pyright: ignore[reportAttributeAccessIssue, reportUnknownMemberType]
    # the paginator manages Limit
    client.get_paginator("scan").paginate(TableName="table", Limit=10)  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    # no such waiter
    client.get_waiter("table_created")  # type: ignore[call-overload]  # pyright: ignore[reportCallIssue, reportArgumentType]
