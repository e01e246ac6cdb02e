"""Names the published packages export that no botocore model has, one row each with its reason.

The definitions are ours, written from the formats AWS documents (the IAM policy grammar, the CloudWatch alarm
events EventBridge receives) or from the model's own definitions; only the published names are kept, so that
imports of them work. They are extra exports: the model's own keys stay as the model says (an IAM policy
document is `str` in every request and result), nothing ours defines changes.
"""

from __future__ import annotations

from typing import Callable, Union

from ..ir.defs import AliasDef, Direction, Field, LiteralDef, TypeDef, TypedDictDef
from ..ir.records import record
from ..ir.types import BOOL, FLOAT, INT, STR, LiteralValues, TypeExpr, list_of, map_of, union
from .shapes import ShapeConverter

Extra = Union[TypeDef, LiteralDef]


@record
class PublishedExtra:
    """Definitions a service's published package adds beyond its model."""

    service: str
    build: Callable[[ShapeConverter], list[Extra]]
    reason: str
    reference: str


def _typed_dict(name: str, *fields: Field, documentation: str = "") -> TypedDictDef:
    return TypedDictDef(name, fields, direction=Direction.OUTPUT, documentation=documentation)


def _read(name: str, type_: TypeExpr, required: bool = False) -> Field:
    return Field(name, type_, required)


def _alarm_events(shapes: ShapeConverter) -> list[Extra]:
    """The event EventBridge receives when an alarm changes state or configuration: read, so `list`/`dict`."""
    state_value = shapes.member_type(shapes.model.shape_for("StateValue"), Direction.OUTPUT)
    strings = list_of(False, STR)
    state = _typed_dict(
        "CloudwatchEventStateTypeDef",
        _read("value", state_value, True),
        _read("timestamp", STR, True),
        _read("reason", STR),
        _read("reasonData", STR),
        _read("actionsSuppressedBy", STR),
        _read("actionsSuppressedReason", STR),
    )
    metric = _typed_dict(
        "CloudwatchEventMetricStatsMetricTypeDef",
        _read("name", STR, True),
        _read("namespace", STR, True),
        _read("dimensions", map_of(False, STR, STR), True),
    )
    stat = _typed_dict(
        "CloudwatchEventMetricStatsTypeDef",
        _read("metric", metric.ref, True),
        _read("period", INT, True),
        _read("stat", STR, True),
    )
    query = _typed_dict(
        "CloudwatchEventMetricTypeDef",
        _read("id", STR, True),
        _read("returnData", BOOL, True),
        _read("metricStat", stat.ref),
        _read("expression", STR),
        _read("label", STR),
        _read("period", INT),
    )
    configuration = _typed_dict(
        "CloudwatchEventDetailConfigurationTypeDef",
        _read("description", STR),
        _read("metrics", list_of(False, query.ref)),
        _read("alarmName", STR),
        _read("alarmRule", STR),
        _read("actionsSuppressor", STR),
        _read("actionsSuppressorWaitPeriod", INT),
        _read("actionsSuppressorExtensionPeriod", INT),
        _read("threshold", FLOAT),
        _read("evaluationPeriods", INT),
        _read("comparisonOperator", STR),
        _read("treatMissingData", STR),
        _read("actionsEnabled", BOOL),
        _read("okActions", strings),
        _read("alarmActions", strings),
        _read("insufficientDataActions", strings),
        _read("timestamp", STR),
    )
    detail = _typed_dict(
        "CloudwatchEventDetailTypeDef",
        _read("alarmName", STR, True),
        _read("state", state.ref, True),
        _read("operation", STR),
        _read("configuration", configuration.ref),
        _read("previousConfiguration", configuration.ref),
        _read("previousState", state.ref),
    )
    envelope = ("version", "id", "detail-type", "source", "account", "time", "region")
    event = _typed_dict(
        "CloudwatchEventTypeDef",
        *(_read(key, STR, True) for key in envelope),
        _read("resources", strings, True),
        _read("detail", detail.ref, True),
        documentation="An alarm's state or configuration change, as EventBridge delivers it.",
    )
    return [state, metric, stat, query, configuration, detail, event]


def _alarm_queries(shapes: ShapeConverter) -> list[Extra]:
    """An alarm's metric queries (`MetricAlarm.Metrics`) are the model's MetricDataQuery as a result gives it."""
    model = shapes.model
    return [
        AliasDef(
            "MetricDataQueryAlarmTypeDef",
            shapes.member_type(model.shape_for("MetricDataQuery"), Direction.OUTPUT),
        ),
        AliasDef("MetricStatAlarmTypeDef", shapes.member_type(model.shape_for("MetricStat"), Direction.OUTPUT)),
    ]


def _policy_document(shapes: ShapeConverter) -> list[Extra]:
    """A policy as the IAM JSON policy grammar describes it, for building one (then `json.dumps` it)."""
    strings = union(STR, list_of(True, STR))
    value = union(STR, FLOAT, BOOL)
    principal = union(STR, map_of(True, STR, strings))
    statement = TypedDictDef(
        "PolicyDocumentStatementTypeDef",
        (
            Field("Effect", LiteralValues(("Allow", "Deny")), True),
            Field("Sid", STR, False),
            *(Field(key, principal, False) for key in ("Principal", "NotPrincipal")),
            *(Field(key, strings, False) for key in ("Action", "NotAction", "Resource", "NotResource")),
            Field("Condition", map_of(True, STR, map_of(True, STR, union(value, list_of(True, value)))), False),
        ),
    )
    document = TypedDictDef(
        "PolicyDocumentDictTypeDef",
        (
            Field("Statement", union(statement.ref, list_of(True, statement.ref)), True),
            Field("Version", LiteralValues(("2012-10-17", "2008-10-17")), False),
            Field("Id", STR, False),
        ),
    )
    return [statement, document, AliasDef("PolicyDocumentTypeDef", union(STR, document.ref))]


def _attribute_filter(shapes: ShapeConverter) -> list[Extra]:
    """The attribute names ReceiveMessage's deprecated `AttributeNames` takes: queue and message attributes."""
    enums = (shapes.model.shape_for(name) for name in ("QueueAttributeName", "MessageSystemAttributeName"))
    values = sorted({value for shape in enums for value in getattr(shape, "enum", ())})
    return [LiteralDef("QueueAttributeFilterType", tuple(values))]


PUBLISHED_EXTRAS = (
    PublishedExtra(
        "cloudwatch",
        _alarm_events,
        "the alarm events EventBridge delivers are in no model; published as CloudwatchEvent…TypeDef",
        "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch-and-eventbridge.html",
    ),
    PublishedExtra(
        "cloudwatch",
        _alarm_queries,
        "the published packages name an alarm's metric queries apart from the MetricDataQuery they are",
        "https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_MetricAlarm.html",
    ),
    PublishedExtra(
        "iam",
        _policy_document,
        "the model types policy documents as strings; the published add the policy grammar as a TypedDict",
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html",
    ),
    PublishedExtra(
        "sqs",
        _attribute_filter,
        "ReceiveMessage's AttributeNames names queue and message system attributes, two enums of the model",
        "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ReceiveMessage.html",
    ),
)


def published_extras(service: str, shapes: ShapeConverter) -> list[Extra]:
    """The service's extra definitions, each row's in turn."""
    return [item for row in PUBLISHED_EXTRAS if row.service == service for item in row.build(shapes)]
