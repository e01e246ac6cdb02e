"""Special cases of single services that neither botocore's models nor its handlers say, one row each with
its reason: what boto3 and botocore add with hand-written code, and names the published packages give their
own way.

What botocore does say is read from it instead: the operations it deletes and the keys it fills
(handlers.py), its parameter aliases (aliases.py); the enum values its models lack are errata.py's table
and the result keys services leave out result_keys.py's, each row with its upstream evidence. The signatures
of the added methods are written out in injected.py (clients) and resource_injected.py (resources).
"""

from __future__ import annotations

from typing import Callable, Optional

from ..ir.members import Method
from ..ir.records import record
from .client import ClientExtras
from .injected import dsql_methods, rds_methods, s3_methods
from .resource_actions import ActionBuilder
from .resource_injected import (
    dynamodb_table_methods,
    ec2_instance_methods,
    s3_bucket_methods,
    s3_object_methods,
    s3_object_summary_methods,
)


@record
class ClientMethods:
    """Methods a service's client gains at run time, beyond its model."""

    service: str
    build: Callable[[str], ClientExtras]
    reason: str


@record
class ResourceMethods:
    """Methods boto3 adds to one resource class with code, outside resources-1."""

    service: str
    resource: str
    build: Callable[[ActionBuilder], list[Method]]
    reason: str


@record
class HighLevelValues:
    """A service whose resources boto3 gives Python values and condition objects in place of the model's."""

    service: str
    reason: str


@record
class RequestName:
    """A request TypedDict the published packages name otherwise than after the operation's input shape."""

    service: str
    operation: str
    name: str  # `{owner}` stands for the resource
    reason: str


CLIENT_METHODS = (
    ClientMethods(
        "s3",
        s3_methods,
        "boto3 injects the managed transfers (boto3/s3/inject.py), botocore generate_presigned_post (handlers.py)",
    ),
    ClientMethods("rds", rds_methods, "botocore's add_generate_db_auth_token handler adds the signer"),
    ClientMethods(
        "dsql", dsql_methods, "botocore's add_dsql_generate_db_auth_token_methods adds the signers"
    ),
)

RESOURCE_METHODS = (
    ResourceMethods("s3", "Bucket", s3_bucket_methods, "boto3/s3/inject.py: load and the managed transfers"),
    ResourceMethods("s3", "Object", s3_object_methods, "boto3/s3/inject.py: the managed transfers"),
    ResourceMethods("s3", "ObjectSummary", s3_object_summary_methods, "boto3/s3/inject.py: load"),
    ResourceMethods("dynamodb", "Table", dynamodb_table_methods, "boto3/dynamodb/table.py: batch_writer"),
    ResourceMethods("ec2", "Instance", ec2_instance_methods, "boto3/ec2/deletetags.py: delete_tags"),
)

HIGH_LEVEL_VALUES = (
    HighLevelValues(
        "dynamodb",
        "boto3 registers boto3.dynamodb.transform's high-level interface on creating dynamodb's resource classes",
    ),
)

# the client's own request of an operation boto3 also injects on a resource, under a second name
CLIENT_REQUEST_NAMES = (
    RequestName(
        "ec2",
        "CreateTags",
        "ClientCreateTagsRequestTypeDef",
        "boto3 injects create_tags on ec2's ServiceResource (boto3/ec2/createtags.py)",
    ),
    RequestName(
        "ec2",
        "DeleteTags",
        "ClientDeleteTagsRequestTypeDef",
        "boto3 injects delete_tags on ec2's Instance (boto3/ec2/deletetags.py)",
    ),
)

# the request of a resource's action, where the resource fills some keys itself
RESOURCE_REQUEST_STEMS = (
    RequestName(
        "ec2",
        "CreateTags",
        "{owner}CreateTagsRequest",
        "each ec2 resource fills in its own id; the ServiceResource, which fills nothing, keeps the usual name",
    ),
)


def client_methods(service: str) -> Optional[Callable[[str], ClientExtras]]:
    return next((row.build for row in CLIENT_METHODS if row.service == service), None)


def resource_methods(service: str, resource: str) -> Optional[Callable[[ActionBuilder], list[Method]]]:
    return next(
        (row.build for row in RESOURCE_METHODS if (row.service, row.resource) == (service, resource)), None
    )


def high_level_values(service: str) -> bool:
    return any(row.service == service for row in HIGH_LEVEL_VALUES)


def client_request_names(service: str) -> dict[str, str]:
    """{operation: the second name of the client's request TypedDict}."""
    return {row.operation: row.name for row in CLIENT_REQUEST_NAMES if row.service == service}


def resource_request_stems(service: str) -> dict[str, str]:
    """{operation: the published stem of a resource action's request, `{owner}` to fill in}."""
    return {row.operation: row.name for row in RESOURCE_REQUEST_STEMS if row.service == service}
