"""Wrong uses of the generated sagemaker-edge stubs: every marked line must be flagged by both checkers.

Each line carries the mypy code and the pyright rule it must trip. mypy's warn_unused_ignores and pyright's
reportUnnecessaryTypeIgnoreComment turn a line that is no longer flagged into an error, so a stub that
stops catching a mistake fails the test. Never executed, only type-checked.
"""

from datetime import datetime

from types_boto3_sagemaker_edge.client import SagemakerEdgeManagerClient
from types_boto3_sagemaker_edge.literals import ModelStateType, RegionName, ServiceName
from types_boto3_sagemaker_edge.type_defs import (
    EdgeMetricTypeDef,
    GetDeploymentsRequestTypeDef,
    GetDeploymentsResultTypeDef,
)


def wrong_calls(client: SagemakerEdgeManagerClient, now: datetime) -> None:
    # wrong type of a top-level argument
    client.get_deployments(DeviceName=1, DeviceFleetName="fleet")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    # a required key left out
    client.get_deployments(DeviceName="device")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    # a key the operation does not have
    client.get_deployments(DeviceName="d", DeviceFleetName="f", NextToken="t")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    # arguments are keyword-only, as boto3 requires
    client.get_deployments("device", "fleet")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    # an operation the service does not have
    client.get_deployment(DeviceName="d", DeviceFleetName="f")  # type: ignore[attr-defined]  # pyright: ignore[reportAttributeAccessIssue, reportUnknownMemberType]
    # a value outside an enum, nested in a request
    client.send_heartbeat(AgentVersion="1", DeviceName="d", DeviceFleetName="f", DeploymentResult={"DeploymentModels": [{"DesiredState": "DEPLOYED"}]})  # type: ignore[typeddict-item]  # pyright: ignore[reportArgumentType]
    # a nested value of the wrong type: a metric's Value is a number
    client.send_heartbeat(AgentVersion="1", DeviceName="d", DeviceFleetName="f", AgentMetrics=[{"Value": "high"}])  # type: ignore[typeddict-item]  # pyright: ignore[reportArgumentType]
    # a nested key the structure does not have
    client.send_heartbeat(AgentVersion="1", DeviceName="d", DeviceFleetName="f", Models=[{"Name": "m"}])  # type: ignore[typeddict-unknown-key]  # pyright: ignore[reportArgumentType]
    # a timestamp is a datetime or a string, not a number
    client.send_heartbeat(AgentVersion="1", DeviceName="d", DeviceFleetName="f", AgentMetrics=[{"Timestamp": 1600000000}])  # type: ignore[typeddict-item]  # pyright: ignore[reportArgumentType]
    # a list where a structure is expected
    client.send_heartbeat(AgentVersion="1", DeviceName="d", DeviceFleetName="f", DeploymentResult=[])  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    # a modeled error the service does not have
    try:
        client.close()
    except client.exceptions.ResourceNotFoundException:  # type: ignore[attr-defined]  # pyright: ignore[reportAttributeAccessIssue, reportUnknownMemberType]
        pass


def wrong_values(result: GetDeploymentsResultTypeDef) -> None:
    # a bad Literal value
    state: ModelStateType = "DEPLOYED"  # type: ignore[assignment]  # pyright: ignore[reportAssignmentType]
    # a service botocore does not know, a region it does not list
    service: ServiceName = "no-such-service"  # type: ignore[assignment]  # pyright: ignore[reportAssignmentType]
    region: RegionName = "mars-north-1"  # type: ignore[assignment]  # pyright: ignore[reportAssignmentType]
    # a request TypedDict missing a required key
    request: GetDeploymentsRequestTypeDef = {"DeviceName": "d"}  # type: ignore[typeddict-item]  # pyright: ignore[reportAssignmentType]
    # a result field read as the wrong type
    status: int = result["ResponseMetadata"]["RequestId"]  # type: ignore[assignment]  # pyright: ignore[reportAssignmentType]
    # a key a result does not have
    result["NextToken"]  # type: ignore[typeddict-item]  # pyright: ignore[reportGeneralTypeIssues]
    # an output list is a list of structures, not of strings
    names: list[str] = result["Deployments"]  # type: ignore[assignment]  # pyright: ignore[reportAssignmentType]
    # an input Sequence does not accept a bare structure
    metrics: list[EdgeMetricTypeDef] = {"Value": 1.0}  # type: ignore[assignment]  # pyright: ignore[reportAssignmentType]
    print(state, service, region, request, status, names, metrics)
