"""Wrong uses of the generated dynamodb service resource: every marked line must be flagged by both checkers.

Each line carries the mypy code and the pyright rule it must trip; warn_unused_ignores and
reportUnnecessaryTypeIgnoreComment turn a line no longer flagged into an error. Never executed.
"""

from types_boto3_dynamodb.service_resource import DynamoDBServiceResource, Table


def wrong(dynamodb: DynamoDBServiceResource, users: Table) -> None:
    # the table's name is its identifier
    dynamodb.Table()  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    # the resource fills TableName itself
    users.put_item(TableName="other", Item={"id": "1"})  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    # Item is required
    users.put_item(ReturnValues="ALL_OLD")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    # a value boto3's serializer cannot take
    users.put_item(Item={"id": object()})  # type: ignore[dict-item]  # pyright: ignore[reportArgumentType]
    # a key is a mapping of values, not a list
    users.get_item(Key=["1"])  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    # a condition is an expression string or a condition object
    users.query(KeyConditionExpression=42)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    # a value outside the enum
    users.put_item(Item={"id": "1"}, ReturnValues="EVERYTHING")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    # item counts are numbers
    users.item_count.upper()  # type: ignore[attr-defined]  # pyright: ignore[reportAttributeAccessIssue, reportUnknownMemberType]
    # the result is a TypedDict without an Items key for get_item
    users.get_item(Key={"id": "1"})["Items"]  # type: ignore[typeddict-item]  # pyright: ignore[reportGeneralTypeIssues]
    # collections yield Table resources
    for each in dynamodb.tables.all():
        each["TableName"]  # type: ignore[index]  # pyright: ignore[reportIndexIssue]
