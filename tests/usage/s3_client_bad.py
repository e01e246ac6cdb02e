"""Wrong uses of the generated s3 client, paginators, waiters and transfer methods: each marked line
must be flagged by both checkers with the code it names (warn_unused_ignores and
reportUnnecessaryTypeIgnoreComment turn a line no longer flagged into an error). Never executed.
"""

import io

from types_boto3_s3 import S3Client
from types_boto3_s3.type_defs import ListObjectsV2OutputTypeDef


def wrong_paginators(client: S3Client) -> None:
    # a paginator the service does not have
    client.get_paginator("list_object")  # type: ignore[call-overload]  # pyright: ignore[reportCallIssue, reportArgumentType]
    paginator = client.get_paginator("list_objects_v2")
    # the page size is PaginationConfig's business: the paginator manages MaxKeys itself
    paginator.paginate(Bucket="bucket", MaxKeys=10)  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    # and the continuation token too
    paginator.paginate(Bucket="bucket", ContinuationToken="token")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    # the operation's required keys stay required
    paginator.paginate(Prefix="logs/")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    # PaginationConfig's values are typed
    paginator.paginate(Bucket="bucket", PaginationConfig={"MaxItems": "10"})  # type: ignore[typeddict-item]  # pyright: ignore[reportArgumentType]
    # and its keys are known
    paginator.paginate(Bucket="bucket", PaginationConfig={"Limit": 10})  # type: ignore[typeddict-unknown-key]  # pyright: ignore[reportArgumentType]
    for page in paginator.paginate(Bucket="bucket"):
        # a page is the operation's result: it has no such key
        page["Objects"]  # type: ignore[typeddict-item]  # pyright: ignore[reportGeneralTypeIssues]
        # and is not some other operation's result
        listing: ListObjectsV2OutputTypeDef = next(iter(client.get_paginator("list_buckets").paginate()))  # type: ignore[assignment]  # pyright: ignore[reportAssignmentType]
        print(listing, page)


def wrong_waiters(client: S3Client) -> None:
    # a waiter the service does not have
    client.get_waiter("bucket_exist")  # type: ignore[call-overload]  # pyright: ignore[reportCallIssue, reportArgumentType]
    # the operation's required keys stay required: HeadObject needs a Key
    client.get_waiter("object_exists").wait(Bucket="bucket")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    # WaiterConfig's values are typed
    client.get_waiter("bucket_exists").wait(Bucket="bucket", WaiterConfig={"Delay": "5"})  # type: ignore[typeddict-item]  # pyright: ignore[reportArgumentType]
    # wait() returns nothing
    done: bool = client.get_waiter("bucket_exists").wait(Bucket="bucket")  # type: ignore[func-returns-value, assignment]  # pyright: ignore[reportAssignmentType]
    print(done)


def no_arguments() -> None:
    """Not a progress callback: boto3 passes the bytes moved."""


def wrong_transfers(client: S3Client) -> None:
    # upload_file needs the key too
    client.upload_file("local.txt", "bucket")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    # a file-like object, not a path
    client.upload_fileobj("local.txt", "bucket", "key")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    # CopySource names the key as well as the bucket
    client.copy({"Bucket": "from"}, "bucket", "key")  # type: ignore[typeddict-item]  # pyright: ignore[reportArgumentType]
    # a progress callback takes the bytes moved
    client.download_file("bucket", "key", "local.txt", Callback=no_arguments)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    # Config is a boto3.s3.transfer.TransferConfig
    client.download_fileobj("bucket", "key", io.BytesIO(), Config={"use_threads": False})  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    # a blob is bytes, str or a file, not a number
    client.put_object(Bucket="bucket", Key="key", Body=3)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    # a CopySource dict names the key as well as the bucket
    client.copy_object(Bucket="bucket", Key="key", CopySource={"Bucket": "from"})  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    # a streaming body is not bytes until read
    data: bytes = client.get_object(Bucket="bucket", Key="key")["Body"]  # type: ignore[assignment]  # pyright: ignore[reportAssignmentType]
    print(data)
