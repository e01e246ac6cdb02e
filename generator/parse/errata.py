"""Known mistakes of botocore's models, corrected in one step while a model is read (source.py).

Each row names the service, the enum shape, the values the service really sends that the model's enum
lacks, and where the mistake is reported upstream. The corrected enum is what every Literal, inline or
named, is built from; the literal's docs entry says what was corrected and why (`LiteralErratum`).
"""

from __future__ import annotations

from typing import Any, Optional

from ..ir.defs import LiteralErratum
from ..ir.records import record


@record
class Erratum:
    """One row of the table: enum values a service sends that its model lacks, and the upstream report."""

    service: str
    shape: str  # an enum (string) shape of the service model
    added: tuple[str, ...]  # values the service returns that the model's enum lacks
    reason: str
    reference: str


ERRATA = (
    Erratum(
        "ec2",
        "PlatformValues",
        ("windows",),
        "EC2 returns the platform of Windows images and instances in lower case",
        "https://github.com/boto/botocore/issues/3128",
    ),
    Erratum(
        "bedrock-runtime",
        "ToolUseType",
        ("tool_use",),
        "Converse returns tool_use as the type of a tool use block, beside server_tool_use",
        "https://github.com/youtype/mypy_boto3_builder/issues/374",
    ),
)


def corrected_model(service_name: str, data: dict[str, Any]) -> dict[str, Any]:
    """The raw service model with each erratum's values added to its enum (botocore's copy is untouched)."""
    errata = [item for item in ERRATA if item.service == service_name and item.shape in data["shapes"]]
    if not errata:
        return data
    shapes = dict(data["shapes"])
    for item in errata:
        shape = dict(shapes[item.shape])
        values = list(shape.get("enum", []))
        shape["enum"] = values + [value for value in item.added if value not in values]
        shapes[item.shape] = shape
    return {**data, "shapes": shapes}


def literal_erratum(service_name: str, shape_name: str, values: tuple[str, ...]) -> Optional[LiteralErratum]:
    """What the corrected enum `shape_name` (now holding `values`) gained, for its docs entry."""
    for item in ERRATA:
        if (item.service, item.shape) == (service_name, shape_name):
            model = tuple(value for value in values if value not in item.added)
            return LiteralErratum(item.added, model, item.reason, item.reference)
    return None
