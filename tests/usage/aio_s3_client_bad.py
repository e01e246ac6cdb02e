"""Wrong uses of the generated types-aiobotocore s3 client: each marked line must be flagged by both
checkers with the code it names. Never executed.
"""

from types_aiobotocore_s3 import S3Client


async def wrong_calls(s3: S3Client) -> None:
    # a call that is not awaited is a coroutine, not the result
    s3.get_object(Bucket="bucket", Key="key")["Body"]  # type: ignore[index]  # pyright: ignore[reportIndexIssue]
    # the body is aiobotocore's: read() gives a coroutine, not bytes
    data: bytes = (await s3.get_object(Bucket="bucket", Key="key"))["Body"].read()  # type: ignore[assignment]  # pyright: ignore[reportAssignmentType]
    # boto3's transfer methods are not on aiobotocore's client
    await s3.upload_file("file", "bucket", "key")  # type: ignore[attr-defined]  # pyright: ignore[reportAttributeAccessIssue, reportUnknownMemberType]
    s3.download_file("bucket", "key", "file")  # type: ignore[attr-defined]  # pyright: ignore[reportAttributeAccessIssue, reportUnknownMemberType]
    # the waiter's wait is awaited, and needs the bucket
    await s3.get_waiter("bucket_exists").wait()  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    # the request's keys are still checked
    await s3.get_object(Bucket="bucket")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    print(data)
