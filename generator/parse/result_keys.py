"""Top-level result keys botocore may leave out, NotRequired though every other key of a result is required.

Derived from the paginator models: each paginator's `output_token` (every `||` alternative) names a key that
is absent on the last page, and the keys named so are tokens too in results of the service's operations that
have no paginator.
What the models cannot say is one table (`LEFT_OUT`), a reason per row.
"""

from __future__ import annotations

import re
from typing import Any, Iterable, Iterator

from botocore.model import ServiceModel, StructureShape

from ..ir.records import record


ANY = "*"
# the first step of a JMESPath token expression: `NextMarker`, `Contents[-1].Key`, `EngineDefaults.Marker`
_FIRST_STEP = re.compile(r"\s*(?P<key>[A-Za-z_][A-Za-z0-9_]*)(?P<rest>.*)$", re.DOTALL)


@record
class LeftOut:
    """A top-level key of `shape`'s results (ANY: every result) of `service` (ANY: every service)."""

    service: str
    shape: str
    key: str
    reason: str


_TOKEN = "a page token, also in results of operations that have no paginator model"
_STOPPED = "returned only for an execution that has stopped, been redriven or run a version or alias"

LEFT_OUT = (
    LeftOut(ANY, ANY, "NextToken", _TOKEN),
    LeftOut(ANY, ANY, "nextToken", _TOKEN),
    LeftOut(ANY, ANY, "PaginationToken", _TOKEN),
    LeftOut(
        "s3", ANY, "Contents", "S3 lists no Contents when no key matches; ListObjectsV2 pages on another key"
    ),
    LeftOut("s3", ANY, "CommonPrefixes", "S3 lists CommonPrefixes only for a Delimiter that some key holds"),
    LeftOut("dynamodb", "GetItemOutput", "Item", "DynamoDB returns no Item when no item has the key"),
    *(
        LeftOut("stepfunctions", "DescribeExecutionOutput", key, _STOPPED)
        for key in (
            "stopDate",
            "output",
            "outputDetails",
            "error",
            "cause",
            "traceHeader",
            "redriveStatusReason",
            "mapRunArn",
            "redriveDate",
            "stateMachineAliasArn",
            "stateMachineVersionArn",
        )
    ),
)


def _top_level_keys(output: StructureShape, token: Any) -> Iterator[str]:
    """The key each alternative starts from; a token inside a structure leaves the structure there."""
    for alternative in _alternatives(token):
        match = _FIRST_STEP.match(alternative)
        if match is None or match["key"] not in output.members:
            continue
        member = output.members[match["key"]]
        # `EngineDefaults.Marker`: the token is a member of a structure that is always there
        if match["rest"].strip() and isinstance(member, StructureShape):
            continue
        yield match["key"]


def _alternatives(token: Any) -> Iterable[str]:
    tokens = token if isinstance(token, list) else [token]
    for item in tokens:
        if isinstance(item, str):
            yield from item.split("||")


def left_out_keys(model: ServiceModel, paginators: dict[str, Any]) -> dict[str, frozenset[str]]:
    """{result shape name: its NotRequired keys}: a paginated operation's own output tokens, any
    paginator's output token keys in the results of the other operations, and the rows of LEFT_OUT."""
    own: dict[str, set[str]] = {}
    for operation_name, config in paginators.items():
        if operation_name in model.operation_names and isinstance(config, dict):
            output = model.operation_model(operation_name).output_shape
            if isinstance(output, StructureShape):
                own[operation_name] = set(_top_level_keys(output, config.get("output_token")))
    tokens = set().union(*own.values())
    rows = [row for row in LEFT_OUT if row.service in (ANY, model.service_name)]
    found: dict[str, set[str]] = {}
    for operation_name in sorted(model.operation_names):
        output = model.operation_model(operation_name).output_shape
        if not isinstance(output, StructureShape):
            continue
        listed = {row.key for row in rows if row.shape in (ANY, output.name)}
        pages = own.get(operation_name, tokens)
        keys = {key for key in output.members if key in pages or key in listed}
        if keys:
            found.setdefault(output.name, set()).update(keys)
    return {name: frozenset(keys) for name, keys in found.items()}
