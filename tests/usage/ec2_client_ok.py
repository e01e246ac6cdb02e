"""Correct uses of the generated ec2 client, its paginators and its many waiters.

mypy --strict and pyright strict must report nothing; every assert_type pins what a checker infers.
Never executed, only type-checked.
"""

from datetime import datetime
from typing import Literal, assert_type

from types_boto3_ec2 import DescribeInstancesPaginator, EC2Client, InstanceRunningWaiter
from types_boto3_ec2.type_defs import (
    DescribeFlowLogsResultTypeDef,
    DescribeInstancesRequestWaitExtraTypeDef,
    DescribeInstancesResultTypeDef,
    FilterTypeDef,
    ImageTypeDef,
    InstanceTypeDef,
    WaiterConfigTypeDef,
)
from types_boto3_ec2.waiter import InstanceStoppedWaiter, InstanceTerminatedWaiter


def paginators(client: EC2Client) -> None:
    paginator = client.get_paginator("describe_instances")
    assert_type(paginator, DescribeInstancesPaginator)
    filters: list[FilterTypeDef] = [{"Name": "instance-state-name", "Values": ["running"]}]
    for page in paginator.paginate(Filters=filters, PaginationConfig={"MaxItems": 100, "PageSize": 50}):
        assert_type(page, DescribeInstancesResultTypeDef)
        for reservation in page["Reservations"]:
            for instance in reservation.get("Instances", []):
                assert_type(instance, InstanceTypeDef)
                assert_type(instance.get("LaunchTime"), datetime | None)
    for volumes in client.get_paginator("describe_volumes").paginate(VolumeIds=["vol-1"]):
        assert_type(volumes["Volumes"][0].get("Size"), int | None)


def waiters(client: EC2Client) -> None:
    running = client.get_waiter("instance_running")
    assert_type(running, InstanceRunningWaiter)
    config: WaiterConfigTypeDef = {"Delay": 15, "MaxAttempts": 40}
    running.wait(InstanceIds=["i-1"], WaiterConfig=config)
    # several waiters poll describe_instances, each with its own request TypedDict
    request: DescribeInstancesRequestWaitExtraTypeDef = {"InstanceIds": ["i-1"], "DryRun": False}
    running.wait(**request)
    assert_type(client.get_waiter("instance_stopped"), InstanceStoppedWaiter)
    assert_type(client.get_waiter("instance_terminated"), InstanceTerminatedWaiter)
    client.get_waiter("image_available").wait(ImageIds=["ami-1"], Owners=["self"])
    client.get_waiter("volume_available").wait(Filters=[{"Name": "size", "Values": ["8"]}])


def calls(client: EC2Client) -> None:
    # a blob input (base64 user data is a string shape in ec2, a blob in ImportKeyPair)
    client.import_key_pair(KeyName="key", PublicKeyMaterial=b"ssh-ed25519 AAAA")
    client.create_tags(Resources=["i-1"], Tags=[{"Key": "team", "Value": "data"}])


def aliases_last_pages_errata(client: EC2Client, image: ImageTypeDef) -> None:
    # botocore's alias handler takes Filters for the model's Filter, as boto3 documents it
    flow_logs = client.describe_flow_logs(Filters=[{"Name": "resource-id", "Values": ["vpc-1"]}])
    assert_type(flow_logs.get("NextToken"), str | None)
    client.get_paginator("describe_flow_logs").paginate(Filters=[{"Name": "log-group-name", "Values": ["g"]}])
    client.describe_nat_gateways(Filters=[{"Name": "state", "Values": ["available"]}])
    # the last page comes without NextToken
    last: DescribeFlowLogsResultTypeDef = {
        "FlowLogs": [],
        "ResponseMetadata": {"RequestId": "r", "HTTPStatusCode": 200, "HTTPHeaders": {}, "RetryAttempts": 0},
    }
    assert_type(last.get("NextToken"), str | None)
    # EC2 returns "windows" where the model's enum says "Windows" (botocore issue 3128)
    if image.get("Platform") == "windows":
        client.get_password_data(InstanceId="i-1")
    assert_type(image.get("Platform"), Literal["Windows", "windows"] | None)
