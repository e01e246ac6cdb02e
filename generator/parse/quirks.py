"""Special cases of single services that neither botocore's models nor its handlers say, one row each with
its reason. boto3 adds them with hand-written code, or the published packages name them their own way.

What botocore does say is read from it instead: the operations it deletes (handlers.py), the keys it fills
(handlers.py), its parameter aliases (aliases.py); the values its models lack are errata.py's table, the
result keys services leave out result_keys.py's. The methods boto3 and botocore add with code are written out,
signature by signature, in injected.py (clients) and resource_injected.py (resources).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class HighLevelValues:
    """A service whose resources boto3 gives Python values and condition objects in place of the model's."""

    service: str
    reason: str


@dataclass(frozen=True)
class RequestName:
    """A request TypedDict the published packages name otherwise than after the operation's input shape."""

    service: str
    operation: str
    name: str  # `{owner}` stands for the resource
    reason: str


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


def high_level_values(service: str) -> bool:
    return any(row.service == service for row in HIGH_LEVEL_VALUES)


def client_request_names(service: str) -> dict[str, str]:
    """{operation: the second name of the client's request TypedDict}."""
    return {row.operation: row.name for row in CLIENT_REQUEST_NAMES if row.service == service}


def resource_request_stem(service: str, operation: str) -> str:
    """The published stem of a resource action's request (`{owner}` to fill in), or "" for the usual one."""
    return next(
        (row.name for row in RESOURCE_REQUEST_STEMS if (row.service, row.operation) == (service, operation)),
        "",
    )
