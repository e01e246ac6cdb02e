"""Wrong uses of the generated ec2 client, paginators and waiters: each marked line must be flagged by both
checkers with the code it names. Never executed.
"""

from types_boto3_ec2 import EC2Client
from types_boto3_ec2.type_defs import ImageTypeDef


def wrong_calls(client: EC2Client) -> None:
    # the paginator manages MaxResults and NextToken
    client.get_paginator("describe_instances").paginate(MaxResults=5)  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    client.get_paginator("describe_instances").paginate(NextToken="t")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    # a filter's values are strings
    client.get_paginator("describe_instances").paginate(Filters=[{"Name": "n", "Values": [1]}])  # type: ignore[list-item]  # pyright: ignore[reportArgumentType]
    # no such paginator
    client.get_paginator("describe_instance")  # type: ignore[call-overload]  # pyright: ignore[reportCallIssue, reportArgumentType]
    # no such waiter
    client.get_waiter("instance_started")  # type: ignore[call-overload]  # pyright: ignore[reportCallIssue, reportArgumentType]
    # a waiter takes its operation's keys, not another's
    client.get_waiter("instance_running").wait(VolumeIds=["vol-1"])  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    # WaiterConfig's keys are known
    client.get_waiter("instance_running").wait(InstanceIds=["i-1"], WaiterConfig={"Timeout": 60})  # type: ignore[typeddict-unknown-key]  # pyright: ignore[reportArgumentType]
    # a page is the operation's result and only that
    for page in client.get_paginator("describe_volumes").paginate():
        page["Reservations"]  # type: ignore[typeddict-item]  # pyright: ignore[reportGeneralTypeIssues]


def wrong_keys(client: EC2Client, image: ImageTypeDef) -> None:
    # the request key is the documented Filters, not the model's Filter (which botocore also takes)
    client.describe_flow_logs(Filter=[{"Name": "resource-id", "Values": ["vpc-1"]}])  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    # the last page has no NextToken; mypy does not check a NotRequired key's access, pyright does
    client.describe_flow_logs()["NextToken"].upper()  # pyright: ignore[reportTypedDictNotRequiredAccess]
    # the corrected enum still is an enum
    if image.get("Platform") == "linux":  # type: ignore[comparison-overlap]  # pyright: ignore[reportUnnecessaryComparison]
        pass
