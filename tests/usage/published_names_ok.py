"""The names the published packages export beyond ours' own rules, used as code written against them uses them:
aliases of our definitions, and our own definitions of the names no model has.

mypy --strict and pyright strict must report nothing; every assert_type pins what a checker infers.
Never executed, only type-checked.
"""

import json
from typing import assert_type

from types_boto3_apigateway import APIGatewayClient
from types_boto3_apigateway.type_defs import IntegrationResponseExtraTypeDef, MethodResponseExtraTypeDef
from types_boto3_cloudwatch.literals import StateValueType
from types_boto3_cloudwatch.type_defs import (
    CloudwatchEventDetailConfigurationTypeDef,
    CloudwatchEventDetailTypeDef,
    CloudwatchEventMetricStatsMetricTypeDef,
    CloudwatchEventMetricStatsTypeDef,
    CloudwatchEventMetricTypeDef,
    CloudwatchEventStateTypeDef,
    CloudwatchEventTypeDef,
    MetricAlarmTypeDef,
    MetricDataQueryAlarmTypeDef,
    MetricStatAlarmTypeDef,
)
from types_boto3_cognito_identity import CognitoIdentityClient
from types_boto3_cognito_identity.type_defs import IdentityPoolRequestTypeDef
from types_boto3_glacier import GlacierClient
from types_boto3_glacier.type_defs import DescribeVaultResponseTypeDef
from types_boto3_iam import IAMClient
from types_boto3_iam.service_resource import AccessKey, SigningCertificate
from types_boto3_iam.type_defs import (
    PolicyDocumentDictTypeDef,
    PolicyDocumentStatementTypeDef,
    PolicyDocumentTypeDef,
    UpdateAccessKeyRequestAccessKeyActivateTypeDef,
    UpdateAccessKeyRequestAccessKeyDeactivateTypeDef,
    UpdateAccessKeyRequestAccessKeyPairActivateTypeDef,
    UpdateAccessKeyRequestAccessKeyPairDeactivateTypeDef,
    UpdateSigningCertificateRequestSigningCertificateActivateTypeDef,
    UpdateSigningCertificateRequestSigningCertificateDeactivateTypeDef,
)
from types_boto3_lexv2_runtime.type_defs import (
    DialogActionOutputTypeDef,
    DialogActionTypeDef,
    DialogActionUnionTypeDef,
    ElicitSubSlotOutputTypeDef,
    ElicitSubSlotTypeDef,
    ElicitSubSlotUnionTypeDef,
)
from types_boto3_redshift import RedshiftClient
from types_boto3_redshift.type_defs import (
    DeleteClusterSnapshotMessageRequestTypeDef,
    PauseClusterMessageRequestTypeDef,
    ResizeClusterMessageRequestTypeDef,
    ResumeClusterMessageRequestTypeDef,
    ScheduledActionTypeTypeDef,
)
from types_boto3_sqs import SQSClient
from types_boto3_sqs.literals import QueueAttributeFilterType


def results(api: APIGatewayClient, glacier: GlacierClient) -> None:
    integration: IntegrationResponseExtraTypeDef = api.get_integration(restApiId="a", resourceId="r", httpMethod="GET")
    method: MethodResponseExtraTypeDef = api.get_method(restApiId="a", resourceId="r", httpMethod="GET")
    assert_type(integration["uri"], str)
    assert_type(method["httpMethod"], str)
    vault: DescribeVaultResponseTypeDef = glacier.describe_vault(vaultName="v")
    assert_type(vault["NumberOfArchives"], int)


def requests(redshift: RedshiftClient, cognito: CognitoIdentityClient, scheduled: ScheduledActionTypeTypeDef) -> None:
    pause: PauseClusterMessageRequestTypeDef = {"ClusterIdentifier": "c"}
    redshift.pause_cluster(**pause)
    resume: ResumeClusterMessageRequestTypeDef = {"ClusterIdentifier": "c"}
    redshift.resume_cluster(**resume)
    resize: ResizeClusterMessageRequestTypeDef = {"ClusterIdentifier": "c", "NumberOfNodes": 2}
    redshift.resize_cluster(**resize)
    snapshot: DeleteClusterSnapshotMessageRequestTypeDef = {"SnapshotIdentifier": "s"}
    redshift.delete_cluster_snapshot(**snapshot)
    redshift.batch_delete_cluster_snapshots(Identifiers=[snapshot])
    # the same definition as the nested one: a scheduled action's target is a request to send
    target = scheduled.get("PauseCluster")
    if target is not None:
        redshift.pause_cluster(**target)
    pool: IdentityPoolRequestTypeDef = {
        "IdentityPoolId": "p",
        "IdentityPoolName": "n",
        "AllowUnauthenticatedIdentities": False,
    }
    cognito.update_identity_pool(**pool)


def recursive(action: DialogActionTypeDef, read: DialogActionOutputTypeDef) -> None:
    sent: DialogActionUnionTypeDef = read
    assert_type(sent, DialogActionTypeDef)
    sub: ElicitSubSlotOutputTypeDef | None = read.get("subSlotToElicit")
    if sub is not None:
        again: ElicitSubSlotUnionTypeDef = sub
        deeper: ElicitSubSlotTypeDef | None = again.get("subSlotToElicit")  # the one recursive definition
        print(deeper)


def resource_actions(key: AccessKey, certificate: SigningCertificate) -> None:
    # the resource sets every key itself: nothing is left to pass
    none: UpdateAccessKeyRequestAccessKeyActivateTypeDef = {}
    key.activate(**none)
    off: UpdateAccessKeyRequestAccessKeyDeactivateTypeDef = {}
    key.deactivate(**off)
    pair_on: UpdateAccessKeyRequestAccessKeyPairActivateTypeDef = {}
    pair_off: UpdateAccessKeyRequestAccessKeyPairDeactivateTypeDef = {}
    assert_type(pair_on, UpdateAccessKeyRequestAccessKeyPairActivateTypeDef)
    assert_type(pair_off, UpdateAccessKeyRequestAccessKeyPairDeactivateTypeDef)
    cert_on: UpdateSigningCertificateRequestSigningCertificateActivateTypeDef = {}
    certificate.activate(**cert_on)
    cert_off: UpdateSigningCertificateRequestSigningCertificateDeactivateTypeDef = {}
    certificate.deactivate(**cert_off)


def alarm_event(event: CloudwatchEventTypeDef) -> None:
    detail: CloudwatchEventDetailTypeDef = event["detail"]
    assert_type(event["detail-type"], str)
    assert_type(event["resources"], list[str])
    state: CloudwatchEventStateTypeDef = detail["state"]
    assert_type(state["value"], StateValueType)
    configuration: CloudwatchEventDetailConfigurationTypeDef | None = detail.get("configuration")
    for query in (configuration or {}).get("metrics", []):
        assert_type(query, CloudwatchEventMetricTypeDef)
        stat: CloudwatchEventMetricStatsTypeDef | None = query.get("metricStat")
        if stat is not None:
            metric: CloudwatchEventMetricStatsMetricTypeDef = stat["metric"]
            assert_type(metric["dimensions"], dict[str, str])
            assert_type(stat["period"], int)


def alarm_queries(alarm: MetricAlarmTypeDef) -> None:
    for query in alarm.get("Metrics", []):
        held: MetricDataQueryAlarmTypeDef = query
        stat: MetricStatAlarmTypeDef | None = held.get("MetricStat")
        if stat is not None:
            assert_type(stat["Metric"].get("MetricName"), str | None)


def policies(client: IAMClient) -> None:
    statement: PolicyDocumentStatementTypeDef = {
        "Effect": "Allow",
        "Action": ["s3:GetObject"],
        "Resource": "arn:aws:s3:::bucket/*",
        "Condition": {"Bool": {"aws:SecureTransport": True}},
    }
    document: PolicyDocumentDictTypeDef = {"Version": "2012-10-17", "Statement": [statement]}
    # the model's key stays a string: either form is sent as one
    for policy in (document, json.dumps(document)):
        client.create_policy(PolicyName="p", PolicyDocument=_as_text(policy))


def _as_text(policy: PolicyDocumentTypeDef) -> str:
    return policy if isinstance(policy, str) else json.dumps(policy)


def attribute_names(client: SQSClient) -> None:
    names: list[QueueAttributeFilterType] = ["All", "ApproximateReceiveCount", "QueueArn"]
    assert_type(names[0], QueueAttributeFilterType)
    client.get_queue_attributes(QueueUrl="url", AttributeNames=["All"])
