"""Correct uses of the generated logs client: botocore's `fromTime` alias, and pages without a token.

mypy --strict and pyright strict must report nothing; every assert_type pins what a checker infers.
Never executed, only type-checked.
"""

from typing import assert_type

from types_boto3_logs import CloudWatchLogsClient, DescribeLogGroupsPaginator
from types_boto3_logs.type_defs import (
    CreateExportTaskRequestTypeDef,
    CreateExportTaskResponseTypeDef,
    DescribeLogGroupsResponseTypeDef,
)


def export(client: CloudWatchLogsClient) -> None:
    # the model's member is `from`, which no keyword can be; botocore's alias handler takes fromTime for it
    task = client.create_export_task(logGroupName="app", fromTime=1700000000000, to=1700003600000, destination="bucket")
    assert_type(task, CreateExportTaskResponseTypeDef)
    assert_type(task["taskId"], str)
    request: CreateExportTaskRequestTypeDef = {"logGroupName": "app", "fromTime": 1, "to": 2, "destination": "b"}
    client.create_export_task(**request)


def pages(client: CloudWatchLogsClient) -> None:
    paginator = client.get_paginator("describe_log_groups")
    assert_type(paginator, DescribeLogGroupsPaginator)
    for page in paginator.paginate(logGroupNamePrefix="/aws/", PaginationConfig={"PageSize": 50}):
        assert_type(page, DescribeLogGroupsResponseTypeDef)
        assert_type(page.get("nextToken"), str | None)
        for group in page["logGroups"]:
            assert_type(group.get("logGroupName"), str | None)
    # a result whose operation has no paginator leaves its token out too
    definitions = client.describe_query_definitions(maxResults=10)
    assert_type(definitions.get("nextToken"), str | None)
    # the last page comes without nextToken
    last: DescribeLogGroupsResponseTypeDef = {
        "logGroups": [],
        "ResponseMetadata": {"RequestId": "r", "HTTPStatusCode": 200, "HTTPHeaders": {}, "RetryAttempts": 0},
    }
    token = last.get("nextToken")
    assert_type(token, str | None)
    if token is not None:
        client.describe_log_groups(nextToken=token)
