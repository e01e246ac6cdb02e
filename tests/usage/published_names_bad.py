"""Wrong uses of the names the published packages export beyond ours' own rules: each marked line must be
flagged by both checkers with the code it names. Never executed.
"""

from types_boto3_cloudwatch.type_defs import CloudwatchEventStateTypeDef
from types_boto3_iam.type_defs import PolicyDocumentStatementTypeDef, UpdateAccessKeyRequestAccessKeyActivateTypeDef
from types_boto3_redshift.type_defs import PauseClusterMessageRequestTypeDef
from types_boto3_sqs.literals import QueueAttributeFilterType


def wrong() -> None:
    # the resource sets Status itself
    status: UpdateAccessKeyRequestAccessKeyActivateTypeDef = {"Status": "Active"}  # type: ignore[typeddict-unknown-key]  # pyright: ignore[reportAssignmentType]
    # a statement allows or denies, nothing else
    effect: PolicyDocumentStatementTypeDef = {"Effect": "Permit"}  # type: ignore[typeddict-item]  # pyright: ignore[reportAssignmentType]
    # the cluster is required
    pause: PauseClusterMessageRequestTypeDef = {}  # type: ignore[typeddict-item]  # pyright: ignore[reportAssignmentType]
    # an alarm's state is one of the model's values
    state: CloudwatchEventStateTypeDef = {"value": "RED", "timestamp": "t"}  # type: ignore[typeddict-item]  # pyright: ignore[reportAssignmentType]
    # neither a queue nor a message attribute
    name: QueueAttributeFilterType = "Colour"  # type: ignore[assignment]  # pyright: ignore[reportAssignmentType]
    print(status, effect, pause, state, name)
