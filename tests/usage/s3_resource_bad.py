"""Wrong uses of the generated s3 service resource: every marked line must be flagged by both checkers.

Each line carries the mypy code and the pyright rule it must trip; warn_unused_ignores and
reportUnnecessaryTypeIgnoreComment turn a line no longer flagged into an error. Never executed.
"""

from types_boto3_s3.service_resource import Bucket, Object, S3ServiceResource


def wrong(s3: S3ServiceResource, bucket: Bucket, obj: Object) -> None:
    # a sub-resource needs its identifiers
    s3.Object("only-bucket")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    # identifiers are strings
    s3.Bucket(42)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    # the resource fills Bucket itself: the action's request no longer has it
    bucket.put_object(Bucket="other", Key="k")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    # Key is still required
    bucket.put_object(Body=b"data")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    # a value outside the enum
    bucket.put_object(Key="k", StorageClass="COLD")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    # an action the resource does not have
    bucket.upload(Key="k")  # type: ignore[attr-defined]  # pyright: ignore[reportAttributeAccessIssue, reportUnknownMemberType]
    # an attribute has its model type
    obj.content_length.upper()  # type: ignore[attr-defined]  # pyright: ignore[reportAttributeAccessIssue, reportUnknownMemberType]
    # an identifier is a str, not bytes
    bucket.name.decode()  # type: ignore[attr-defined]  # pyright: ignore[reportAttributeAccessIssue, reportUnknownMemberType]
    # filter() takes the operation's keys only, and not the one the collection fills
    bucket.objects.filter(Bucket="other")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    bucket.objects.filter(Prefix=1)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    # a collection yields its resource, not the operation's entries
    for summary in bucket.objects.all():
        summary["Key"]  # type: ignore[index]  # pyright: ignore[reportIndexIssue]
    # limit() takes a count
    bucket.objects.limit("10")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    # a resource waiter takes no identifiers
    bucket.wait_until_exists(Bucket="b")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    # get() returns a TypedDict: no attribute access
    obj.get().Body  # type: ignore[attr-defined]  # pyright: ignore[reportAttributeAccessIssue, reportUnknownMemberType]
    # an Object already knows its key: the second argument of upload_file is ExtraArgs
    obj.upload_file("local.txt", "key")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
