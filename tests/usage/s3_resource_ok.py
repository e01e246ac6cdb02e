"""Correct uses of the generated s3 service resource: mypy --strict and pyright strict must report nothing.

Never executed, only type-checked. `boto3.resource("s3")` is inferred through types-boto3's own overloads,
which import `types_boto3_s3.service_resource.S3ServiceResource`: the generated class must be found there.
"""

from collections.abc import Iterator
from datetime import datetime
from typing import assert_type

import boto3

from types_boto3_s3 import S3ServiceResource, ServiceResource
from types_boto3_s3.client import S3Client
from types_boto3_s3.literals import ResourceServiceName, StorageClassType
from types_boto3_s3.service_resource import (
    Bucket,
    BucketObjectsCollection,
    BucketVersioning,
    MultipartUpload,
    MultipartUploadPart,
    Object,
    ObjectSummary,
    ServiceResourceBucketsCollection,
)
from types_boto3_s3.type_defs import (
    CreateBucketOutputTypeDef,
    DeleteObjectsOutputTypeDef,
    GetObjectOutputTypeDef,
    OwnerTypeDef,
    PutObjectRequestBucketPutObjectTypeDef,
)


def inferred() -> None:
    # types-boto3 without extras leaves the other services' overloads Unknown, which strict pyright reports
    s3 = boto3.resource("s3")  # pyright: ignore[reportUnknownMemberType]
    assert_type(s3, S3ServiceResource)
    assert_type(boto3.session.Session().resource("s3"), S3ServiceResource)  # pyright: ignore[reportUnknownMemberType]
    assert_type(s3.meta.client, S3Client)
    same: ServiceResource = s3
    assert_type(same, S3ServiceResource)
    named("s3")


def named(name: ResourceServiceName) -> None:
    assert_type(name, ResourceServiceName)


def resources(s3: S3ServiceResource) -> None:
    # sub-resources take their identifiers positionally, as boto3 does
    bucket = s3.Bucket("my-bucket")
    assert_type(bucket, Bucket)
    assert_type(bucket.name, str)
    assert_type(bucket.creation_date, datetime)
    assert_type(s3.Object("my-bucket", "key"), Object)
    assert_type(s3.MultipartUploadPart("b", "k", "upload", 1), MultipartUploadPart)
    assert_type(bucket.Object("key").key, str)
    assert_type(bucket.Versioning(), BucketVersioning)
    assert_type(bucket.Acl().owner, OwnerTypeDef)


def actions(s3: S3ServiceResource, bucket: Bucket, obj: Object) -> None:
    # an action returning a resource, and one returning the operation's result
    assert_type(s3.create_bucket(Bucket="b"), Bucket)
    assert_type(bucket.create(), CreateBucketOutputTypeDef)
    assert_type(bucket.put_object(Key="k", Body=b"data"), Object)
    request: PutObjectRequestBucketPutObjectTypeDef = {"Key": "k", "StorageClass": "STANDARD"}
    assert_type(bucket.put_object(**request), Object)
    got = obj.get(Range="bytes=0-9")
    assert_type(got, GetObjectOutputTypeDef)
    assert_type(got["Body"].read(), bytes)
    assert_type(obj.storage_class, StorageClassType)
    assert_type(obj.initiate_multipart_upload(), MultipartUpload)
    assert_type(obj.Bucket(), Bucket)
    bucket.Versioning().enable(MFA="serial code")
    bucket.wait_until_exists()
    bucket.wait_until_not_exists(WaiterConfig={"Delay": 5, "MaxAttempts": 3})
    obj.load()
    obj.reload()


def transfers(bucket: Bucket, obj: Object) -> None:
    # the methods boto3 adds to Bucket and Object by hand (boto3/s3/inject.py)
    bucket.upload_file("local.txt", "key", ExtraArgs={"ACL": "private"}, Callback=lambda sent: None)
    bucket.download_file("key", "local.txt")
    bucket.copy({"Bucket": "source", "Key": "key"}, "copy-of-key")
    obj.upload_fileobj(open("local.txt", "rb"))
    obj.download_file("local.txt", Config=None)
    bucket.load()
    assert_type(bucket.creation_date, datetime)


def collections(s3: S3ServiceResource, bucket: Bucket) -> None:
    assert_type(s3.buckets, ServiceResourceBucketsCollection)
    for each in s3.buckets.all():
        assert_type(each, Bucket)
    objects = bucket.objects.filter(Prefix="logs/").limit(10).page_size(5)
    assert_type(objects, BucketObjectsCollection)
    assert_type(iter(objects), Iterator[ObjectSummary])
    for page in bucket.objects.pages():
        assert_type(page, list[ObjectSummary])
    assert_type(bucket.objects.delete(), list[DeleteObjectsOutputTypeDef])
    assert_type(bucket.object_versions.delete(MFA="serial code"), list[DeleteObjectsOutputTypeDef])
    assert_type(bucket.objects.iterator(Prefix="a"), BucketObjectsCollection)
    assert_type([summary.key for summary in bucket.objects.all()], list[str])
    assert_type(bucket.get_available_subresources()[0], str)
