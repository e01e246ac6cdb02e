"""Definitions every package has regardless of its model: ResponseMetadata, Timestamp and Blob aliases."""

from __future__ import annotations

from .defs import AliasDef, Direction, Field, TypedDictDef
from .types import ANY, BYTES, DATETIME, INT, STR, STREAMING_BODY, External, Subscript, map_of, union

RESPONSE_METADATA = TypedDictDef(
    "ResponseMetadataTypeDef",
    (
        Field("RequestId", STR, True),
        Field("HTTPStatusCode", INT, True),
        Field("HTTPHeaders", map_of(False, STR, STR), True),
        Field("RetryAttempts", INT, True),
        Field("HostId", STR, False),
    ),
    direction=Direction.OUTPUT,
    documentation="Metadata botocore adds to every response.",
)

EMPTY_RESPONSE_METADATA = TypedDictDef(
    "EmptyResponseMetadataTypeDef",
    (Field("ResponseMetadata", RESPONSE_METADATA.ref, True),),
    direction=Direction.OUTPUT,
    documentation="The result of an operation that returns no data.",
)

TIMESTAMP = AliasDef("TimestampTypeDef", union(DATETIME, STR))

BLOB = AliasDef(
    "BlobTypeDef",
    union(STR, BYTES, Subscript(External("typing", "IO"), (ANY,)), STREAMING_BODY),
)

PAGINATOR_CONFIG = TypedDictDef(
    "PaginatorConfigTypeDef",
    (Field("MaxItems", INT, False), Field("PageSize", INT, False), Field("StartingToken", STR, False)),
    documentation="How many items a paginator yields, in pages of what size, from which token.",
)

WAITER_CONFIG = TypedDictDef(
    "WaiterConfigTypeDef",
    (Field("Delay", INT, False), Field("MaxAttempts", INT, False)),
    documentation="Seconds between a waiter's attempts and how many it makes.",
)

RESERVED_NAMES = frozenset(
    {
        RESPONSE_METADATA.name,
        EMPTY_RESPONSE_METADATA.name,
        TIMESTAMP.name,
        BLOB.name,
        PAGINATOR_CONFIG.name,
        WAITER_CONFIG.name,
    }
)


def literal_name(shape_name: str) -> str:
    """The Literal alias for an enum shape: ChecksumType -> ChecksumTypeType, scope -> ScopeType."""
    return f"{shape_name[:1].upper()}{shape_name[1:]}Type"
