"""The signatures of resource methods boto3 adds with hand-written code when it creates a resource class,
outside resources-1 (which class gets which is a row of quirks.py):
S3's transfer methods and loads (boto3/s3/inject.py), DynamoDB's batch_writer (boto3/dynamodb/table.py) and
EC2's Instance.delete_tags (boto3/ec2/deletetags.py)."""

from __future__ import annotations

from typing import Callable, Optional

from ..ir.members import Method, Parameter, unpacked
from ..ir.types import ANY, INT, NONE, STR, Builtin, CallableType, External, Subscript, TypeExpr, union
from .injected import COPY_SOURCE, FILEOBJ
from .injected_requests import injected_request
from .resource_actions import ActionBuilder


def _optional(item: TypeExpr) -> TypeExpr:
    return union(item, NONE)


_EXTRA_ARGS = _optional(Subscript(External("collections.abc", "Mapping"), (STR, ANY)))
_CALLBACK = _optional(CallableType((INT,), ANY))  # called with the bytes moved since the last call
_CONFIG = _optional(External("boto3.s3.transfer", "TransferConfig"))
_SOURCE_CLIENT = _optional(External("botocore.client", "BaseClient"))


def _transfer(actions: ActionBuilder, owner: str, name: str, summary: str, *leading: Parameter) -> Method:
    trailing = [Parameter("ExtraArgs", _EXTRA_ARGS, "None"), Parameter("Callback", _CALLBACK, "None")]
    if name == "copy":
        trailing.append(Parameter("SourceClient", _SOURCE_CLIENT, "None"))
    trailing.append(Parameter("Config", _CONFIG, "None"))
    return Method(name, (*leading, *trailing), NONE, summary, f"{actions.page(owner)}/{name}.html")


def _load(actions: ActionBuilder, owner: str) -> Method:
    return Method("load", (), NONE, f"Loads the {owner}'s attributes.", f"{actions.page(owner)}/load.html")


def _s3_transfers(actions: ActionBuilder, owner: str, *key: Parameter) -> list[Method]:
    source = Parameter("CopySource", COPY_SOURCE.ref)
    filename, fileobj = Parameter("Filename", STR), Parameter("Fileobj", FILEOBJ.ref)
    # a Bucket takes the object's Key where an Object already has it
    return [
        _transfer(
            actions, owner, "copy", "Copies an object to this location (managed transfer).", source, *key
        ),
        _transfer(actions, owner, "download_file", "Downloads an object to a file.", *key, filename),
        _transfer(
            actions, owner, "download_fileobj", "Downloads an object to a file-like object.", *key, fileobj
        ),
        _transfer(actions, owner, "upload_file", "Uploads a file to an object.", filename, *key),
        _transfer(
            actions, owner, "upload_fileobj", "Uploads a file-like object to an object.", fileobj, *key
        ),
    ]


def s3_bucket_methods(actions: ActionBuilder) -> list[Method]:
    return [_load(actions, "Bucket"), *_s3_transfers(actions, "Bucket", Parameter("Key", STR))]


def s3_object_methods(actions: ActionBuilder) -> list[Method]:
    return _s3_transfers(actions, "Object")


def s3_object_summary_methods(actions: ActionBuilder) -> list[Method]:
    return [_load(actions, "ObjectSummary")]


def dynamodb_table_methods(actions: ActionBuilder) -> list[Method]:
    keys = Parameter("overwrite_by_pkeys", _optional(Subscript(Builtin("list"), (STR,))), "None")
    writer = External("boto3.dynamodb.table", "BatchWriter")
    summary = "A context manager that buffers and sends put and delete requests in batches."
    return [Method("batch_writer", (keys,), writer, summary, f"{actions.page('Table')}/batch_writer.html")]


def ec2_instance_methods(actions: ActionBuilder) -> list[Method]:
    # boto3 sets Resources to the instance's id and calls the client's delete_tags
    request = actions.request(
        "DeleteTags", "Instance", "DeleteTags", {"Resources"}, stem="InstanceDeleteTagsRequest"
    )
    parameters = (unpacked("kwargs", request.ref),) if request else ()
    return [
        Method(
            "delete_tags",
            parameters,
            actions.result("DeleteTags", "Instance"),
            actions.summary("DeleteTags"),
            f"{actions.page('Instance')}/delete_tags.html",
            "DeleteTags",
            request,
        )
    ]


def injected_methods(
    actions: ActionBuilder, resource: str, build: Optional[Callable[[ActionBuilder], list[Method]]]
) -> list[Method]:
    """The methods `build` (a row of quirks.py, None for most resources) adds to this resource class."""
    methods = build(actions) if build else []
    for method in methods:
        request = injected_request(resource, method)
        if request is not None and method.request is None:
            actions.export(request)
    return methods
