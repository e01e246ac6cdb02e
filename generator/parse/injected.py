"""The signatures of client methods that boto3 and botocore add at runtime, where no model mentions them;
which service gets which is a row of quirks.py.

boto3 registers `creating-client-class.s3` (boto3/session.py) to add S3's transfer methods
(boto3/s3/inject.py); botocore's handlers.py adds generate_presigned_post to S3, the auth-token
signers to RDS and DSQL (the operations it deletes are read from it: parse/handlers.py). Every other boto3
extra (EC2's create_tags, DynamoDB's Table methods) is injected into resources, not clients.
"""

from __future__ import annotations

import dataclasses
from typing import Callable, Optional

from ..ir.defs import AliasDef, Field, TypedDictDef
from ..ir.members import Method, Parameter
from ..ir.types import (
    ANY,
    BYTES,
    INT,
    NONE,
    STR,
    STREAMING_BODY,
    Builtin,
    CallableType,
    External,
    Subscript,
    TypeExpr,
    union,
)
from .client import ClientExtras, method_doc_url
from .injected_requests import injected_request


def _optional(item: TypeExpr) -> TypeExpr:
    return union(item, NONE)


_EXTRA_ARGS = _optional(Subscript(External("collections.abc", "Mapping"), (STR, ANY)))
# boto3 calls it with the number of bytes moved since the last call
_CALLBACK = _optional(CallableType((INT,), ANY))
_TRANSFER_CONFIG = _optional(External("boto3.s3.transfer", "TransferConfig"))
_BASE_CLIENT = _optional(External("botocore.client", "BaseClient"))

COPY_SOURCE = TypedDictDef(
    "CopySourceTypeDef",
    (Field("Bucket", STR, True), Field("Key", STR, True), Field("VersionId", STR, False)),
    documentation="The object S3Client.copy reads: bucket, key and optionally a version.",
)
# botocore's handle_copy_source_param takes CopyObject's and UploadPartCopy's CopySource as a dict too
COPY_SOURCE_OR_STR = AliasDef("CopySourceOrStrTypeDef", union(STR, COPY_SOURCE.ref))
FILEOBJ = AliasDef("FileobjTypeDef", union(Subscript(External("typing", "IO"), (ANY,)), STREAMING_BODY))


def _transfer(service: str, name: str, summary: str, *leading: Parameter) -> Method:
    trailing = [Parameter("ExtraArgs", _EXTRA_ARGS, "None"), Parameter("Callback", _CALLBACK, "None")]
    if name == "copy":
        trailing.append(Parameter("SourceClient", _BASE_CLIENT, "None"))
    trailing.append(Parameter("Config", _TRANSFER_CONFIG, "None"))
    return Method(name, (*leading, *trailing), NONE, summary, method_doc_url(service, name))


def s3_methods(service: str) -> ClientExtras:
    bucket, key = Parameter("Bucket", STR), Parameter("Key", STR)
    filename, fileobj = Parameter("Filename", STR), Parameter("Fileobj", FILEOBJ.ref)
    methods = (
        _transfer(
            service,
            "copy",
            "Copy an object from one S3 location to another (managed transfer).",
            Parameter("CopySource", COPY_SOURCE.ref),
            bucket,
            key,
        ),
        _transfer(service, "download_file", "Download an S3 object to a file.", bucket, key, filename),
        _transfer(
            service,
            "download_fileobj",
            "Download an object from S3 to a file-like object.",
            bucket,
            key,
            fileobj,
        ),
        Method(
            "generate_presigned_post",
            (
                bucket,
                key,
                Parameter(
                    "Fields", _optional(Subscript(External("collections.abc", "Mapping"), (STR, ANY))), "None"
                ),
                Parameter(
                    "Conditions",
                    _optional(
                        union(
                            Subscript(External("collections.abc", "Sequence"), (ANY,)),
                            Subscript(External("collections.abc", "Mapping"), (STR, ANY)),
                        )
                    ),
                    "None",
                ),
                Parameter("ExpiresIn", INT, "3600"),
            ),
            Subscript(Builtin("dict"), (STR, ANY)),
            "Builds the url and the form fields used for a presigned s3 post.",
            method_doc_url(service, "generate_presigned_post"),
        ),
        _transfer(service, "upload_file", "Upload a file to an S3 object.", filename, bucket, key),
        _transfer(service, "upload_fileobj", "Upload a file-like object to S3.", fileobj, bucket, key),
    )
    # botocore's sse_md5 handlers encode a str key to bytes, and take bytes as they are
    sse_key = union(STR, BYTES)
    return ClientExtras(
        methods,
        (COPY_SOURCE, COPY_SOURCE_OR_STR, FILEOBJ),
        dependencies=("types-boto3",),  # boto3.s3.transfer's TransferConfig is typed by types-boto3
        input_members=(
            ("CopySource", COPY_SOURCE_OR_STR.ref),
            ("CopySourceSSECustomerKey", sse_key),
            ("SSECustomerKey", sse_key),
        ),
    )


def _auth_token(service: str, name: str, summary: str, *parameters: Parameter) -> Method:
    return Method(name, parameters, STR, summary, method_doc_url(service, name))


def rds_methods(service: str) -> ClientExtras:
    token = _auth_token(
        service,
        "generate_db_auth_token",
        "Generates an auth token used to connect to a db with IAM credentials.",
        Parameter("DBHostname", STR),
        Parameter("Port", INT),
        Parameter("DBUsername", STR),
        Parameter("Region", _optional(STR), "None"),
    )
    return ClientExtras((token,))


def dsql_methods(service: str) -> ClientExtras:
    parameters = (
        Parameter("Hostname", STR),
        Parameter("Region", _optional(STR), "None"),
        Parameter("ExpiresIn", INT, "900"),
    )
    return ClientExtras(
        (
            _auth_token(
                service,
                "generate_db_connect_admin_auth_token",
                'Generate a DSQL database token for the "DbConnectAdmin" action.',
                *parameters,
            ),
            _auth_token(
                service,
                "generate_db_connect_auth_token",
                'Generate a DSQL database token for the "DbConnect" action.',
                *parameters,
            ),
        )
    )


def client_extras(service: str, build: Optional[Callable[[str], ClientExtras]]) -> ClientExtras:
    """What `build` (a row of quirks.py, None for most services) adds, with the requests of its methods."""
    extras = build(service) if build else ClientExtras()
    requests = tuple(request for method in extras.methods if (request := injected_request("Client", method)))
    return dataclasses.replace(extras, definitions=(*extras.definitions, *requests))
