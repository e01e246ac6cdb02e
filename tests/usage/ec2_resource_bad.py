"""Wrong uses of the generated ec2 service resource: every marked line must be flagged by both checkers.

Each line carries the mypy code and the pyright rule it must trip; warn_unused_ignores and
reportUnnecessaryTypeIgnoreComment turn a line no longer flagged into an error. Never executed.
"""

from types_boto3_ec2.service_resource import EC2ServiceResource, Instance


def wrong(ec2: EC2ServiceResource, instance: Instance) -> None:
    # required keys of the request
    ec2.create_instances(ImageId="ami-1")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    # a value outside the enum
    ec2.create_instances(ImageId="ami-1", MinCount=1, MaxCount=1, InstanceType="t0.nano")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    # a plural action returns a list, not one resource
    ec2.create_instances(ImageId="ami-1", MinCount=1, MaxCount=1).id  # type: ignore[attr-defined]  # pyright: ignore[reportAttributeAccessIssue, reportUnknownMemberType]
    # the resource fills InstanceIds itself
    instance.start(InstanceIds=["i-2"])  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    # Resources is filled by the resource for create_tags
    instance.create_tags(Resources=["i-2"], Tags=[])  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    # a tag is a structure with Key and Value
    instance.create_tags(Tags=["env"])  # type: ignore[list-item]  # pyright: ignore[reportArgumentType]
    # a reference is a resource, not its identifier
    instance.vpc.startswith("vpc-")  # type: ignore[attr-defined]  # pyright: ignore[reportAttributeAccessIssue, reportUnknownMemberType]
    # a collection's filter takes the operation's keys
    ec2.instances.filter(InstanceId="i-1")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    # batch actions of a collection take keyword arguments only
    ec2.instances.all().stop(True)  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    # a sub-resource takes its identifier
    ec2.Instance()  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    # the instance's waiter fills InstanceIds itself
    instance.wait_until_running(InstanceIds=["i-2"])  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
