"""Wrong uses of the generated dynamodb client, paginators and waiters: each marked line must be flagged
by both checkers with the code it names. Never executed.
"""

from types_boto3_dynamodb import DynamoDBClient


def wrong_calls(client: DynamoDBClient) -> None:
    # an AttributeValue is a tagged structure, not a bare value
    client.put_item(TableName="table", Item={"id": "1"})  # type: ignore[dict-item]  # pyright: ignore[reportArgumentType]
    # nested values are AttributeValues all the way down
    client.put_item(TableName="table", Item={"doc": {"M": {"k": 1}}})  # type: ignore[dict-item, misc]  # pyright: ignore[reportArgumentType]
    # the paginator manages Limit and ExclusiveStartKey
    client.get_paginator("scan").paginate(TableName="table", Limit=10)  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    client.get_paginator("scan").paginate(TableName="table", ExclusiveStartKey={"id": {"S": "1"}})  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    # the table is required
    client.get_paginator("query").paginate(KeyConditionExpression="id = :id")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    # no such paginator: describe_table does not page
    client.get_paginator("describe_table")  # type: ignore[call-overload]  # pyright: ignore[reportCallIssue, reportArgumentType]
    # the waiter needs the table's name
    client.get_waiter("table_exists").wait()  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    # no such waiter
    client.get_waiter("table_created")  # type: ignore[call-overload]  # pyright: ignore[reportCallIssue, reportArgumentType]
    # items come back as AttributeValues, not plain strings
    name: str = client.get_item(TableName="table", Key={"id": {"S": "1"}}).get("Item", {})["name"]  # type: ignore[assignment]  # pyright: ignore[reportAssignmentType]
    print(name)
