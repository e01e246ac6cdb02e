"""The naming rules that make every public name of the published packages exist in ours, on real botocore
models: suffixes in the published order, collisions, folded structures still exported, member-level enums,
paginator copies of recursive structures, injected methods' requests. Each test fails in seconds."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Sequence

import pytest

from generator.ir.defs import AliasDef, Direction, TypeDef, TypedDictDef
from generator.ir.members import Method
from generator.ir.package import ServicePackage
from generator.parse.package import build_package
from generator.parse.published_extras import PUBLISHED_EXTRAS
from generator.parse.shapes import ShapeConverter
from generator.parse.source import BotocoreData

from conftest import CLI, USAGE, TypeCheckers, assert_exactly_marked_lines_flagged, generate_site, report


@pytest.fixture(scope="module")
def data() -> BotocoreData:
    return BotocoreData()


def _package(data: BotocoreData, service: str) -> ServicePackage:
    return build_package(data.load(service))


def _definitions(package: ServicePackage) -> dict[str, TypeDef]:
    return {definition.name: definition for definition in package.type_defs}


def _alias_target(package: ServicePackage, name: str) -> TypeDef:
    """The definition an alias names; fails with the alias's name if it is missing or not an alias."""
    definitions = _definitions(package)
    alias = definitions.get(name)
    assert isinstance(alias, AliasDef), f"{package.service_name}: {name} is {type(alias).__name__}, not an alias"
    refs = list(alias.type.refs())
    assert len(refs) == 1, f"{name} = {alias.type.render()} should name one definition"
    return definitions[refs[0].name]


def _client_method(package: ServicePackage, operation: str) -> Method:
    return next(method for method in package.client.methods if method.operation_name == operation)


def _wait_requests(package: ServicePackage) -> dict[str, str]:
    return {waiter.key: waiter.methods[0].request.name for waiter in package.waiters if waiter.methods[0].request}


def test_waiters_on_one_operation_are_suffixed_in_the_model_order(data: BotocoreData) -> None:
    # cloudformation's waiters-2 lists StackExists first, then StackCreateComplete, ...: not alphabetical
    requests = _wait_requests(_package(data, "cloudformation"))
    expected = {
        "stack_exists": "DescribeStacksInputWaitTypeDef",
        "stack_create_complete": "DescribeStacksInputWaitExtraTypeDef",
        "stack_delete_complete": "DescribeStacksInputWaitExtraExtraTypeDef",
        "stack_update_complete": "DescribeStacksInputWaitExtraExtraExtraTypeDef",
        "stack_import_complete": "DescribeStacksInputWaitExtraExtraExtraExtraTypeDef",
        "stack_rollback_complete": "DescribeStacksInputWaitExtraExtraExtraExtraExtraTypeDef",
    }
    assert {key: requests[key] for key in expected} == expected
    # the classes themselves stay in name order
    names = [waiter.name for waiter in _package(data, "cloudformation").waiters]
    assert names == sorted(names)


def test_folded_empty_structure_still_exports_the_published_output_and_union_names(data: BotocoreData) -> None:
    # NetworkOriginConfiguration differs by side only through an empty structure (InternetConfiguration)
    package = _package(data, "accessanalyzer")
    for name in ("NetworkOriginConfigurationOutputTypeDef", "NetworkOriginConfigurationUnionTypeDef"):
        target = _alias_target(package, name)
        assert isinstance(target, TypedDictDef) and target.name == "NetworkOriginConfigurationTypeDef", name
    # results name the published output name, requests the union, as the published packages do
    definitions = _definitions(package)
    s3_access_point = definitions["S3AccessPointConfigurationTypeDef"]
    assert isinstance(s3_access_point, TypedDictDef)
    network = {item.name: item.type.render() for item in s3_access_point.fields}["networkOrigin"]
    assert network == "NetworkOriginConfigurationUnionTypeDef"


def test_member_level_enums_are_named_by_their_values(data: BotocoreData) -> None:
    package = _package(data, "apigatewayv2")
    literals = {literal.name: literal.values for literal in package.literals}
    assert literals.get("JSONYAMLType") == ("JSON", "YAML")
    assert literals.get("OAS30Type") == ("OAS30",)
    export = _definitions(package)["ExportApiRequestTypeDef"]
    assert isinstance(export, TypedDictDef)
    assert {item.name: item.type.render() for item in export.fields}["OutputType"] == "JSONYAMLType"


def test_an_enum_shape_with_leading_underscores_gets_a_public_name(data: BotocoreData) -> None:
    # mediapackage's list member `__AdTriggersElement` is an enum shape; `__AdTriggersElementType` would be private
    names = {literal.name for literal in _package(data, "mediapackage").literals}
    assert "AdTriggersElementType" in names
    assert not [name for name in names if name.startswith("_")]


def test_structures_reaching_a_recursive_one_get_their_paginator_names(data: BotocoreData) -> None:
    # acm's CertificateFilterStatement nests itself; the published packages give paginators a copy of it
    acm = _package(data, "acm")
    assert _alias_target(acm, "CertificateFilterStatementPaginatorTypeDef").name == "CertificateFilterStatementTypeDef"
    # ce's Expression is used on both sides of its paginators: three names, each the matching definition
    ce = _package(data, "ce")
    assert _alias_target(ce, "ExpressionPaginatorTypeDef").name == "ExpressionTypeDef"
    assert _alias_target(ce, "ExpressionPaginatorOutputTypeDef").name == "ExpressionOutputTypeDef"
    assert _alias_target(ce, "ExpressionPaginatorUnionTypeDef").name == "ExpressionUnionTypeDef"
    # and the page type of emr's list_instance_fleets
    emr = _package(data, "emr")
    assert _alias_target(emr, "ListInstanceFleetsOutputPaginatorTypeDef").name == "ListInstanceFleetsOutputTypeDef"


def test_a_request_shape_two_operations_share_is_named_twice(data: BotocoreData) -> None:
    # Disable- and EnableKinesisStreamingDestination both take KinesisStreamingDestinationInput
    package = _package(data, "dynamodb")
    target = _alias_target(package, "KinesisStreamingDestinationInputRequestTypeDef")
    assert target.name == "KinesisStreamingDestinationInputTypeDef"


def test_a_request_shape_four_operations_share_gets_a_published_name_for_each(data: BotocoreData) -> None:
    # rolesanywhere: ListCrls, ListProfiles, ListSubjects, ListTrustAnchors all take ListRequest
    package = _package(data, "rolesanywhere")
    plain = _definitions(package)["ListRequestTypeDef"]
    for name in ("ListRequestRequestTypeDef", "ListRequestRequestExtraTypeDef", "ListRequestRequestExtraExtraTypeDef"):
        assert _alias_target(package, name) is plain


def test_underscores_and_a_trailing_output_are_spelt_as_published(data: BotocoreData) -> None:
    iotwireless = _definitions(_package(data, "iotwireless"))
    assert isinstance(iotwireless["AbpV10XTypeDef"], TypedDictDef)  # the shape AbpV1_0_x
    assert iotwireless["AbpV10XTypeDef"].shape_name == "AbpV1_0_x"
    securityhub = _definitions(_package(data, "securityhub"))
    output = securityhub["ExportExtraTypeDef"]  # ExportOutput's nested-output variant
    assert isinstance(output, TypedDictDef) and output.shape_name == "ExportOutput"
    assert output.direction is Direction.OUTPUT
    union = securityhub["ExportUnionTypeDef"]
    assert isinstance(union, AliasDef)
    assert {ref.name for ref in union.type.refs()} == {"ExportOutputTypeDef", "ExportExtraTypeDef"}


@pytest.mark.parametrize(
    "service, former, successor",
    [
        ("iotwireless", "AbpV1_0_xTypeDef", "AbpV10XTypeDef"),
        ("iotwireless", "SessionKeysAbpV1_1TypeDef", "SessionKeysAbpV11TypeDef"),
        ("securityhub", "ExportOutputOutputTypeDef", "ExportExtraTypeDef"),
        ("securityhub", "ExportOutputUnionTypeDef", "ExportUnionTypeDef"),
        ("databrew", "OutputOutputTypeDef", "ExtraTypeDef"),
        ("migrationhuborchestrator", "WorkflowStepOutputUnionExtraTypeDef", "WorkflowStepUnionTypeDef"),
    ],
)
def test_a_name_ours_respelt_stays_a_deprecated_alias_of_its_successor(
    data: BotocoreData, service: str, former: str, successor: str
) -> None:
    package = _package(data, service)
    alias = _definitions(package)[former]
    assert isinstance(alias, AliasDef) and alias.deprecated
    assert _alias_target(package, former) is _definitions(package)[successor]
    assert not getattr(_definitions(package)[successor], "deprecated", False)


def test_a_deprecated_alias_says_so_in_the_stub_and_on_its_docs_page(cli: CLI, tmp_path: Path) -> None:
    result = cli("generate", "iotwireless", "--output", "out", "--docs", "docs")
    assert result.returncode == 0, result.stderr
    stub = (tmp_path / "out/types-boto3-iotwireless/types_boto3_iotwireless/type_defs.pyi").read_text()
    assert "AbpV1_0_xTypeDef = AbpV10XTypeDef\n" + '"""Deprecated: ' in stub
    assert '"AbpV1_0_xTypeDef",' in stub  # still in __all__
    page = (tmp_path / "docs/types_boto3_iotwireless/type_defs.md").read_text()
    entry = page.split("## AbpV1_0_xTypeDef\n", 1)[1].split("\n## ", 1)[0]
    assert entry.lstrip().startswith("Deprecated: ") and "`AbpV10XTypeDef`" in entry
    assert "Deprecated: " not in page.split("## AbpV10XTypeDef\n", 1)[1].split("\n## ", 1)[0]


def test_injected_methods_get_their_published_request_names(data: BotocoreData) -> None:
    s3 = _definitions(_package(data, "s3"))
    upload = s3.get("ClientUploadFileRequestTypeDef")
    assert isinstance(upload, TypedDictDef)
    assert {item.name: item.required for item in upload.fields} == {
        "Filename": True,
        "Bucket": True,
        "Key": True,
        "ExtraArgs": False,
        "Callback": False,
        "Config": False,
    }
    assert isinstance(s3.get("ObjectDownloadFileRequestTypeDef"), TypedDictDef)
    writer = _definitions(_package(data, "dynamodb")).get("TableBatchWriterRequestTypeDef")
    assert isinstance(writer, TypedDictDef)
    assert [(item.name, item.required, item.type.render()) for item in writer.fields] == [
        ("overwrite_by_pkeys", False, "list[str]")
    ]


def test_ec2_create_tags_requests_are_named_after_the_resource(data: BotocoreData) -> None:
    package = _package(data, "ec2")
    assert package.resource is not None
    dhcp = next(item for item in package.resource.resources if item.name == "DhcpOptions")
    create_tags = next(method for method in dhcp.methods if method.name == "create_tags")
    assert create_tags.request is not None and create_tags.request.name == "DhcpOptionsCreateTagsRequestTypeDef"
    assert "Resources" not in {item.name for item in create_tags.request.fields}
    assert _alias_target(package, "ClientCreateTagsRequestTypeDef").name == "CreateTagsRequestTypeDef"
    assert _alias_target(package, "ClientDeleteTagsRequestTypeDef").name == "DeleteTagsRequestTypeDef"


# names from issue 9 that the published packages export and ours lacked, by service and module
PUBLISHED = {
    "accessanalyzer": {
        "type_defs": ("NetworkOriginConfigurationOutputTypeDef", "NetworkOriginConfigurationUnionTypeDef"),
    },
    "apigatewayv2": {"literals": ("JSONYAMLType", "OAS30Type")},
    "cloudformation": {
        "type_defs": ("DescribeStacksInputWaitTypeDef", "DescribeStacksInputWaitExtraTypeDef"),
    },
    "dynamodb": {"type_defs": ("KinesisStreamingDestinationInputRequestTypeDef", "TableBatchWriterRequestTypeDef")},
}


def _exported(module: Path) -> set[str]:
    for node in ast.parse(module.read_text()).body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "__all__" for t in node.targets):
            return {item.value for item in ast.walk(node.value) if isinstance(item, ast.Constant)}
    raise AssertionError(f"{module} has no __all__")


def _missing(root: Path, services: Sequence[str]) -> list[str]:
    missing = []
    for service in services:
        package = root / f"types-boto3-{service}" / f"types_boto3_{service.replace('-', '_')}"
        for module, names in PUBLISHED[service].items():
            exported = _exported(package / f"{module}.pyi")
            missing += [f"{service} {module}.{name}" for name in names if name not in exported]
    return missing


def test_the_published_names_of_the_issue_exist_in_generated_packages(cli: CLI, tmp_path: Path) -> None:
    services = sorted(PUBLISHED)
    result = cli("generate", *services, "--no-docs", "--output", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert not _missing(tmp_path / "out", services)


def test_a_recursive_structure_exports_the_published_output_and_union_names(data: BotocoreData) -> None:
    # lexv2-runtime's ElicitSubSlot nests itself; the published cut the recursion into Output and Union copies
    package = _package(data, "lexv2-runtime")
    for shape in ("ElicitSubSlot", "DialogAction"):
        for suffix in ("Output", "Union"):
            assert _alias_target(package, f"{shape}{suffix}TypeDef").name == f"{shape}TypeDef"
    # results name the output alias and requests the union, as for an empty structure
    session_state = _definitions(package)["SessionStateTypeDef"]
    assert isinstance(session_state, TypedDictDef)
    assert {item.name: item.type.render() for item in session_state.fields}[
        "dialogAction"
    ] == "DialogActionUnionTypeDef"


@pytest.mark.parametrize(
    "service, operation, name",
    [
        ("redshift", "PauseCluster", "PauseClusterMessageRequestTypeDef"),  # also a scheduled action's target
        ("redshift", "ResizeCluster", "ResizeClusterMessageRequestTypeDef"),
        ("redshift", "ResumeCluster", "ResumeClusterMessageRequestTypeDef"),
        ("redshift", "DeleteClusterSnapshot", "DeleteClusterSnapshotMessageRequestTypeDef"),  # batch-deleted too
        ("cognito-identity", "UpdateIdentityPool", "IdentityPoolRequestTypeDef"),  # also the result
    ],
)
def test_a_request_shape_used_elsewhere_too_gets_its_published_request_name(
    data: BotocoreData, service: str, operation: str, name: str
) -> None:
    package = _package(data, service)
    method = _client_method(package, operation)
    assert method.request is not None and _alias_target(package, name) is method.request


@pytest.mark.parametrize(
    "service, operation, name",
    [
        ("glacier", "DescribeVault", "DescribeVaultResponseTypeDef"),  # the shape DescribeVaultOutput
        ("apigateway", "GetIntegration", "IntegrationResponseExtraTypeDef"),  # IntegrationResponse is a shape
        ("apigateway", "PutIntegration", "IntegrationResponseExtraTypeDef"),
        ("apigateway", "GetMethod", "MethodResponseExtraTypeDef"),
    ],
)
def test_a_result_ours_suffix_otherwise_gets_its_published_name(
    data: BotocoreData, service: str, operation: str, name: str
) -> None:
    package = _package(data, service)
    method = _client_method(package, operation)
    target = _alias_target(package, name)
    assert method.return_type.render() == target.name != name
    assert isinstance(target, TypedDictDef) and "ResponseMetadata" in {item.name for item in target.fields}


def test_actions_whose_every_key_the_resource_sets_export_their_published_request(data: BotocoreData) -> None:
    package = _package(data, "iam")
    definitions = _definitions(package)
    for owner, operation in (
        ("AccessKey", "UpdateAccessKey"),
        ("AccessKeyPair", "UpdateAccessKey"),
        ("SigningCertificate", "UpdateSigningCertificate"),
    ):
        for action in ("Activate", "Deactivate"):
            request = definitions[f"{operation}Request{owner}{action}TypeDef"]
            assert isinstance(request, TypedDictDef) and request.fields == ()  # Status is the resource's
    assert package.resource is not None
    key = next(item for item in package.resource.resources if item.name == "AccessKey")
    assert next(method for method in key.methods if method.name == "activate").parameters == ()
    # an action whose keys are all identifiers (AccessKey.delete) has no published request name either
    assert "DeleteAccessKeyRequestAccessKeyDeleteTypeDef" not in definitions


def test_each_row_of_the_published_extras_names_a_real_service_and_model_shapes(data: BotocoreData) -> None:
    for row in PUBLISHED_EXTRAS:
        package = _package(data, row.service)
        names = {item.name for item in (*package.type_defs, *package.literals)}
        built = row.build(ShapeConverter(data.load(row.service).model))
        assert built and {item.name for item in built} <= names, row.service
        assert row.reason and row.reference.startswith("https://docs.aws.amazon.com/"), row.service


def test_the_published_extras_are_extra_exports_that_change_no_model_key(data: BotocoreData) -> None:
    iam = _definitions(_package(data, "iam"))
    # the policy document keys stay str as the model says; the grammar is a name of its own
    for request, key in (
        ("CreatePolicyRequestTypeDef", "PolicyDocument"),
        ("CreateRoleRequestTypeDef", "AssumeRolePolicyDocument"),
    ):
        definition = iam[request]
        assert isinstance(definition, TypedDictDef)
        assert {item.name: item.type.render() for item in definition.fields}[key] == "str"
    document = iam["PolicyDocumentTypeDef"]
    assert isinstance(document, AliasDef) and {ref.name for ref in document.type.refs()} == {
        "PolicyDocumentDictTypeDef"
    }
    # sqs: the two enums of the model, both whole
    sqs = _package(data, "sqs")
    literals = {literal.name: set(literal.values) for literal in sqs.literals}
    model = data.load("sqs").model
    expected = set(model.shape_for("QueueAttributeName").enum) | set(model.shape_for("MessageSystemAttributeName").enum)
    assert literals["QueueAttributeFilterType"] == expected
    assert literals["QueueAttributeNameType"] == set(model.shape_for("QueueAttributeName").enum)
    # cloudwatch: an alarm's metric queries are the output definitions the model's MetricAlarm holds
    cloudwatch = _package(data, "cloudwatch")
    alarm = _definitions(cloudwatch)["MetricAlarmTypeDef"]
    assert isinstance(alarm, TypedDictDef)
    metrics = {item.name: item.type.render() for item in alarm.fields}["Metrics"]
    assert metrics == f"list[{_alias_target(cloudwatch, 'MetricDataQueryAlarmTypeDef').name}]"
    event = _definitions(cloudwatch)["CloudwatchEventTypeDef"]
    assert isinstance(event, TypedDictDef) and event.functional  # "detail-type" is no identifier


EXTRAS_SERVICES = ("apigateway", "cloudwatch", "cognito-identity", "glacier", "iam", "lexv2-runtime", "redshift", "sqs")


@pytest.fixture(scope="module")
def extras_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate_site(EXTRAS_SERVICES, tmp_path_factory.mktemp("published-names"))


def test_the_added_names_type_check_as_code_written_for_the_published_uses_them(
    checkers: TypeCheckers, extras_site: Path
) -> None:
    found = checkers.both(
        [str(USAGE / "published_names_ok.py"), str(USAGE / "published_names_bad.py")], stubs=extras_site
    )
    assert not found, report(found)


def test_the_wrong_uses_of_the_added_names_are_flagged_exactly(
    checkers: TypeCheckers, extras_site: Path, tmp_path: Path
) -> None:
    assert_exactly_marked_lines_flagged(checkers, {USAGE / "published_names_bad.py": 5}, extras_site, tmp_path)


def test_every_published_name_of_these_services_is_exported(extras_site: Path) -> None:
    # the 31 names the compatibility report found missing before, read back from the generated __all__
    missing = {
        "apigateway": ("IntegrationResponseExtraTypeDef", "MethodResponseExtraTypeDef"),
        "cognito-identity": ("IdentityPoolRequestTypeDef",),
        "glacier": ("DescribeVaultResponseTypeDef",),
        "lexv2-runtime": (
            "DialogActionOutputTypeDef",
            "DialogActionUnionTypeDef",
            "ElicitSubSlotOutputTypeDef",
            "ElicitSubSlotUnionTypeDef",
        ),
        "redshift": (
            "DeleteClusterSnapshotMessageRequestTypeDef",
            "PauseClusterMessageRequestTypeDef",
            "ResizeClusterMessageRequestTypeDef",
            "ResumeClusterMessageRequestTypeDef",
        ),
        "iam": tuple(
            f"{name}TypeDef"
            for name in (
                "PolicyDocument",
                "PolicyDocumentDict",
                "PolicyDocumentStatement",
                *(
                    f"{operation}Request{owner}{action}"
                    for operation, owner in (
                        ("UpdateAccessKey", "AccessKey"),
                        ("UpdateAccessKey", "AccessKeyPair"),
                        ("UpdateSigningCertificate", "SigningCertificate"),
                    )
                    for action in ("Activate", "Deactivate")
                ),
            )
        ),
        "cloudwatch": tuple(
            f"{name}TypeDef"
            for name in (
                "CloudwatchEvent",
                "CloudwatchEventDetail",
                "CloudwatchEventDetailConfiguration",
                "CloudwatchEventMetric",
                "CloudwatchEventMetricStats",
                "CloudwatchEventMetricStatsMetric",
                "CloudwatchEventState",
                "MetricDataQueryAlarm",
                "MetricStatAlarm",
            )
        ),
    }
    assert sum(map(len, missing.values())) == 30  # and sqs' literal below
    for service, names in missing.items():
        exported = _exported(extras_site / f"types_boto3_{service.replace('-', '_')}" / "type_defs.pyi")
        assert not set(names) - exported, service
    assert "QueueAttributeFilterType" in _exported(extras_site / "types_boto3_sqs" / "literals.pyi")
