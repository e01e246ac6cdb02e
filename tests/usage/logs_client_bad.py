"""Wrong uses of the generated logs client: each marked line must be flagged with the code it names (pyright's
alone where mypy does not check at all). Never executed.
"""

from types_boto3_logs import CloudWatchLogsClient
from types_boto3_logs.type_defs import CreateExportTaskRequestTypeDef


def wrong_keys(client: CloudWatchLogsClient) -> None:
    # the request key is the documented fromTime, not the model's `from` (which botocore also takes)
    request: CreateExportTaskRequestTypeDef = {"logGroupName": "app", "from": 1, "to": 2, "destination": "b"}  # type: ignore[typeddict-item, typeddict-unknown-key]  # pyright: ignore[reportAssignmentType]
    client.create_export_task(**request)
    # the last page has no nextToken: reading it as a str needs .get (mypy does not check this, pyright does)
    client.describe_log_groups()["nextToken"].upper()  # pyright: ignore[reportTypedDictNotRequiredAccess]
