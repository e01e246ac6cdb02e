"""Correct uses of the generated ec2 service resource: mypy --strict and pyright strict must report nothing.

Never executed, only type-checked; assert_type pins plural actions (lists of resources), references,
collections with batch actions, and the raw results of actions that declare no resource.
"""

from datetime import datetime
from typing import assert_type

import boto3

from types_boto3_ec2 import EC2ServiceResource
from types_boto3_ec2.literals import InstanceTypeType
from types_boto3_ec2.service_resource import (
    Image,
    Instance,
    InstanceVolumesCollection,
    KeyPairInfo,
    NetworkInterface,
    ServiceResourceInstancesCollection,
    Subnet,
    Tag,
    Volume,
    Vpc,
    VpcInstancesCollection,
)
from types_boto3_ec2.type_defs import (
    InstanceStateTypeDef,
    StartInstancesResultTypeDef,
    StopInstancesResultTypeDef,
    TagTypeDef,
    TerminateInstancesResultTypeDef,
)


def inferred() -> None:
    ec2 = boto3.resource("ec2", region_name="us-east-1")  # pyright: ignore[reportUnknownMemberType]
    assert_type(ec2, EC2ServiceResource)


def instances(ec2: EC2ServiceResource) -> None:
    # an action whose resource is read through a list projection returns a list
    started = ec2.create_instances(ImageId="ami-1", MinCount=1, MaxCount=2, InstanceType="t3.micro")
    assert_type(started, list[Instance])
    instance = ec2.Instance("i-123")
    assert_type(instance.id, str)
    assert_type(instance.instance_type, InstanceTypeType)
    assert_type(instance.launch_time, datetime)
    assert_type(instance.state, InstanceStateTypeDef)
    assert_type(instance.tags, list[TagTypeDef])
    # references: one resource, or a list of them
    assert_type(instance.vpc, Vpc)
    assert_type(instance.subnet, Subnet)
    assert_type(instance.key_pair, KeyPairInfo)
    assert_type(instance.network_interfaces, list[NetworkInterface])
    assert_type(instance.create_image(Name="backup"), Image)
    assert_type(instance.create_tags(Tags=[{"Key": "env", "Value": "dev"}]), list[Tag])
    assert_type(instance.start(), StartInstancesResultTypeDef)
    assert_type(instance.stop(Force=True), StopInstancesResultTypeDef)
    instance.wait_until_running(WaiterConfig={"Delay": 15})
    instance.wait_until_stopped()
    instance.reload()
    # boto3 adds delete_tags to Instance by hand (boto3/ec2/deletetags.py)
    instance.delete_tags(Tags=[{"Key": "env"}])


def collections(ec2: EC2ServiceResource, instance: Instance) -> None:
    running = ec2.instances.filter(Filters=[{"Name": "instance-state-name", "Values": ["running"]}])
    assert_type(running, ServiceResourceInstancesCollection)
    assert_type(running.terminate(), list[TerminateInstancesResultTypeDef])
    assert_type(running.stop(Hibernate=False), list[StopInstancesResultTypeDef])
    assert_type(instance.volumes, InstanceVolumesCollection)
    for volume in instance.volumes.filter(Filters=[{"Name": "size", "Values": ["8"]}]):
        assert_type(volume, Volume)
        assert_type(volume.size, int)
    assert_type(ec2.Vpc("vpc-1").instances.all().limit(1), VpcInstancesCollection)
    assert_type(next(iter(ec2.vpcs.page_size(5))), Vpc)
    assert_type(ec2.Route("rtb-1", "0.0.0.0/0").destination_cidr_block, str)
