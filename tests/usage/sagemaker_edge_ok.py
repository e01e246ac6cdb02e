"""Correct uses of the generated sagemaker-edge stubs: mypy --strict and pyright strict must report nothing.

Never executed, only type-checked; every assert_type pins what a checker infers, so a stub that
loosens a type (to Any, or a wider union) fails here and not only in a user's editor.
"""

from datetime import datetime, timezone
from typing import Any, assert_type

import boto3
from botocore.client import ClientMeta
from botocore.exceptions import ClientError

from types_boto3_sagemaker_edge import Client, SagemakerEdgeManagerClient
from types_boto3_sagemaker_edge.client import Exceptions
from types_boto3_sagemaker_edge.literals import (
    ChecksumTypeType,
    DeploymentStatusType,
    FailureHandlingPolicyType,
    ModelStateType,
    RegionName,
    SagemakerEdgeManagerServiceName,
    ServiceName,
)
from types_boto3_sagemaker_edge.type_defs import (
    ChecksumTypeDef,
    DefinitionTypeDef,
    DeploymentModelTypeDef,
    DeploymentResultTypeDef,
    EdgeDeploymentTypeDef,
    EdgeMetricTypeDef,
    EmptyResponseMetadataTypeDef,
    GetDeploymentsRequestTypeDef,
    GetDeploymentsResultTypeDef,
    GetDeviceRegistrationResultTypeDef,
    ModelTypeDef,
    ResponseMetadataTypeDef,
    SendHeartbeatRequestTypeDef,
    TimestampTypeDef,
)
from types_boto3_sagemaker_edge.version import __version__


def inferred_client() -> SagemakerEdgeManagerClient:
    # types-boto3 without extras leaves the other services' overloads Unknown, which strict pyright reports
    client = boto3.client("sagemaker-edge", region_name="us-east-1")  # pyright: ignore[reportUnknownMemberType]
    assert_type(client, SagemakerEdgeManagerClient)
    assert_type(client, Client)
    assert_type(client.meta, ClientMeta)
    assert_type(client.exceptions, Exceptions)
    return client


def client_methods(client: Client) -> None:
    assert_type(client.can_paginate("get_deployments"), bool)
    assert_type(client.generate_presigned_url("get_deployments", Params={"DeviceName": "d"}), str)
    assert_type(client.close(), None)
    assert_type(client.meta.region_name, str)


def deployments(client: SagemakerEdgeManagerClient) -> list[str]:
    result = client.get_deployments(DeviceName="device", DeviceFleetName="fleet")
    assert_type(result, GetDeploymentsResultTypeDef)
    assert_type(result["Deployments"], list[EdgeDeploymentTypeDef])
    assert_type(result["ResponseMetadata"], ResponseMetadataTypeDef)
    assert_type(result["ResponseMetadata"]["HTTPHeaders"], dict[str, str])
    assert_type(result["ResponseMetadata"]["HTTPStatusCode"], int)
    assert_type(result["ResponseMetadata"].get("HostId"), str | None)
    handles: list[str] = []
    for deployment in result["Deployments"]:
        if "FailureHandlingPolicy" in deployment:
            assert_type(deployment["FailureHandlingPolicy"], FailureHandlingPolicyType)
        for definition in deployment.get("Definitions", []):
            assert_type(definition, DefinitionTypeDef)
            if "Checksum" in definition and "Type" in definition["Checksum"]:
                assert_type(definition["Checksum"]["Type"], ChecksumTypeType)
            if "State" in definition:
                assert_type(definition["State"], ModelStateType)
            handles.append(definition.get("ModelHandle", ""))
    return handles


def registration(client: SagemakerEdgeManagerClient) -> str:
    request: GetDeploymentsRequestTypeDef = {"DeviceName": "device", "DeviceFleetName": "fleet"}
    result = client.get_device_registration(**request)
    assert_type(result, GetDeviceRegistrationResultTypeDef)
    assert_type(result["CacheTTL"], str)
    return result["DeviceRegistration"]


def heartbeat(client: SagemakerEdgeManagerClient, now: datetime) -> int:
    metrics: list[EdgeMetricTypeDef] = [
        {"Dimension": "model", "MetricName": "latency", "Value": 1.5, "Timestamp": now},
        {"MetricName": "count", "Value": 3, "Timestamp": "2020-09-23T00:00:00Z"},
    ]
    model: ModelTypeDef = {
        "ModelName": "m",
        "ModelVersion": "1",
        "LatestSampleTime": now,
        "LatestInference": "2020-09-23",
        "ModelMetrics": metrics,
    }
    state: ModelStateType = "DEPLOY"
    status: DeploymentStatusType = "SUCCESS"
    deployed: DeploymentModelTypeDef = {"ModelHandle": "h", "DesiredState": state, "Status": status}
    outcome: DeploymentResultTypeDef = {
        "DeploymentName": "d",
        "DeploymentStartTime": datetime(2020, 9, 23, tzinfo=timezone.utc),
        "DeploymentModels": (deployed,),  # input positions take any Sequence, tuples too
    }
    result = client.send_heartbeat(
        AgentVersion="1.0",
        DeviceName="device",
        DeviceFleetName="fleet",
        AgentMetrics=metrics,
        Models=[model],
        DeploymentResult=outcome,
    )
    assert_type(result, EmptyResponseMetadataTypeDef)
    request: SendHeartbeatRequestTypeDef = {
        "AgentVersion": "1.0",
        "DeviceName": "device",
        "DeviceFleetName": "fleet",
    }
    client.send_heartbeat(**request)
    return result["ResponseMetadata"]["RetryAttempts"]


def output_feeds_input(client: SagemakerEdgeManagerClient) -> None:
    # what a result gives back (list, datetime) is accepted where a request wants Sequence, TimestampTypeDef
    definitions = client.get_deployments(DeviceName="d", DeviceFleetName="f")["Deployments"][0].get(
        "Definitions", []
    )
    checksums: list[ChecksumTypeDef] = [d["Checksum"] for d in definitions if "Checksum" in d]
    when: TimestampTypeDef = datetime.now()
    metric: EdgeMetricTypeDef = {"Timestamp": when}
    client.send_heartbeat(
        AgentVersion="1", DeviceName="d", DeviceFleetName="f", AgentMetrics=[metric] * len(checksums)
    )


def errors(client: SagemakerEdgeManagerClient) -> str:
    try:
        client.get_deployments(DeviceName="d", DeviceFleetName="f")
    except client.exceptions.InternalServiceException as error:
        assert_type(error, ClientError)
        return str(error.response.get("Error", {}).get("Code"))
    except client.exceptions.ClientError as error:
        assert_type(error, ClientError)
        return "other"
    return ""


def literals() -> tuple[ServiceName, RegionName, SagemakerEdgeManagerServiceName, str]:
    service: ServiceName = "s3"
    region: RegionName = "eu-west-1"
    this: SagemakerEdgeManagerServiceName = "sagemaker-edge"
    version: str = __version__
    return service, region, this, version


def untyped(value: Any) -> GetDeploymentsRequestTypeDef:
    return {"DeviceName": str(value), "DeviceFleetName": str(value)}
