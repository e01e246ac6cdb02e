"""Correct uses of the generated ec2 client, its paginators and its many waiters.

mypy --strict and pyright strict must report nothing; every assert_type pins what a checker infers.
Never executed, only type-checked.
"""

from datetime import datetime
from typing import assert_type

from types_boto3_ec2 import DescribeInstancesPaginator, EC2Client, InstanceRunningWaiter
from types_boto3_ec2.type_defs import (
    DescribeInstancesRequestWaitExtraTypeDef,
    DescribeInstancesResultTypeDef,
    FilterTypeDef,
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
