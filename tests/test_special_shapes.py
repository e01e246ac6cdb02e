"""Special shapes on real botocore models, as the rendered stubs write them: blobs, streaming payloads, event
streams, documents, recursive structures, member names that are Python keywords, enum values that are not
identifiers, idempotency tokens, empty structures and deprecated members. That the checkers accept them all
is proven by the usage files and the all-service type-check."""

from __future__ import annotations

import re

import pytest

from generator.ir.defs import TypedDictDef
from generator.ir.package import ServicePackage
from generator.parse.source import BotocoreData
from generator.pipeline import render_service


@pytest.fixture(scope="module")
def rendered() -> dict[str, tuple[ServicePackage, dict[str, str]]]:
    data = BotocoreData()
    services = ("s3", "lambda", "dynamodb", "bedrock-runtime", "apigateway", "apigatewayv2", "accessanalyzer",
                "athena", "appintegrations", "appconfig")  # fmt: skip
    return {service: render_service(data, service) for service in services}


def _type_defs(rendered: dict[str, tuple[ServicePackage, dict[str, str]]], service: str) -> str:
    package, files = rendered[service]
    return files[f"{package.pypi_name}/{package.module_name}/type_defs.pyi"]


def _definition(rendered: dict[str, tuple[ServicePackage, dict[str, str]]], service: str, name: str) -> str:
    """The rendered text of one definition, class or functional form, up to the next blank line."""
    text = _type_defs(rendered, service)
    match = re.search(rf"^(class {name}\(TypedDict\):|{name} = )(.|\n)*?(?=\n\n)", text, re.MULTILINE)
    assert match, name
    return match.group(0)


def _typed_dict(rendered: dict[str, tuple[ServicePackage, dict[str, str]]], service: str, name: str) -> TypedDictDef:
    package, _ = rendered[service]
    found = [item for item in package.type_defs if item.name == name]
    assert len(found) == 1 and isinstance(found[0], TypedDictDef), name
    return found[0]


def test_blobs_go_in_as_bytes_str_or_files_and_come_back_as_bytes(rendered: dict) -> None:
    assert "BlobTypeDef = Union[str, bytes, IO[Any], StreamingBody]" in _type_defs(rendered, "s3")
    assert "    Body: NotRequired[BlobTypeDef]" in _definition(rendered, "s3", "PutObjectRequestTypeDef")
    assert "    B: NotRequired[bytes]" in _definition(rendered, "dynamodb", "AttributeValueOutputTypeDef")
    assert "    B: NotRequired[BlobTypeDef]" in _definition(rendered, "dynamodb", "AttributeValueTypeDef")


def test_streaming_payloads_are_streaming_bodies(rendered: dict) -> None:
    # S3's Body is marked streaming; Lambda's Payload is the result's blob payload, which botocore streams too
    assert "    Body: StreamingBody" in _definition(rendered, "s3", "GetObjectOutputTypeDef")
    assert "    Payload: StreamingBody" in _definition(rendered, "lambda", "InvocationResponseTypeDef")


def test_event_streams_are_botocore_event_streams(rendered: dict) -> None:
    # the key EventStream shadows the imported name, so the functional form is used
    text = _definition(rendered, "lambda", "InvokeWithResponseStreamResponseTypeDef")
    assert text.startswith("InvokeWithResponseStreamResponseTypeDef = TypedDict(")
    assert '"EventStream": EventStream[InvokeWithResponseStreamResponseEventTypeDef],' in text
    assert "from botocore.eventstream import EventStream" in _type_defs(rendered, "lambda")


def test_documents_are_json_objects(rendered: dict) -> None:
    request = _typed_dict(rendered, "bedrock-runtime", "ConverseRequestTypeDef")
    fields = {field.name: field.type.render() for field in request.fields}
    assert fields["additionalModelRequestFields"] == "Mapping[str, Any]"
    result = _typed_dict(rendered, "bedrock-runtime", "ConverseResponseTypeDef")
    assert {field.name: field.type.render() for field in result.fields}["additionalModelResponseFields"] == "dict[str, Any]"


def test_recursive_structures_refer_to_themselves(rendered: dict) -> None:
    text = _definition(rendered, "dynamodb", "AttributeValueOutputTypeDef")
    assert "    M: NotRequired[dict[str, AttributeValueOutputTypeDef]]" in text
    assert "    L: NotRequired[list[AttributeValueOutputTypeDef]]" in text
    # on input either side's value is accepted, through the Union alias
    assert "    L: NotRequired[Sequence[AttributeValueUnionTypeDef]]" in _definition(rendered, "dynamodb", "AttributeValueTypeDef")


def test_keyword_member_names_use_the_functional_form(rendered: dict) -> None:
    text = _definition(rendered, "apigateway", "PatchOperationTypeDef")
    assert text.startswith('PatchOperationTypeDef = TypedDict(\n    "PatchOperationTypeDef",')
    assert '"from": NotRequired[str],' in text
    # a member called None, whose shape is called None too
    assert '"None": NotRequired[NoneTypeDef],' in _definition(rendered, "apigatewayv2", "AuthorizationTypeDef")


def test_enum_values_that_are_not_identifiers_stay_strings(rendered: dict) -> None:
    package, files = rendered["accessanalyzer"]
    literals = files[f"{package.pypi_name}/{package.module_name}/literals.pyi"]
    assert re.search(r'^ResourceTypeType = Literal\[(.|\n)*?"AWS::S3::Bucket"', literals, re.MULTILINE)


def test_idempotency_tokens_may_be_left_to_botocore(rendered: dict) -> None:
    # required in the model, but botocore fills an idempotency token that the caller leaves out
    assert "    NamedQueryId: NotRequired[str]" in _definition(rendered, "athena", "DeleteNamedQueryInputTypeDef")


def test_empty_structures_are_empty_typed_dicts(rendered: dict) -> None:
    assert _definition(rendered, "accessanalyzer", "InternetConfigurationTypeDef") == (
        "class InternetConfigurationTypeDef(TypedDict):\n    pass"
    )


def test_two_sided_structures_take_the_union_where_the_published_do(rendered: dict) -> None:
    """A request key takes `XUnionTypeDef`; so does a structure reached through a list, a map or a one-sided
    structure; a structure passed whole holds the input side (`AnalyzerConfiguration` is only `configuration`
    of CreateAnalyzer, `Configuration` a map value of CreateAccessPreview). Every union stays exported."""

    def key(name: str, key: str) -> str:
        (line,) = [line for line in _definition(rendered, "accessanalyzer", name).splitlines() if f" {key}:" in line]
        return line.split(":", 1)[1].strip()

    assert key("CreateAnalyzerRequestTypeDef", "configuration") == "NotRequired[AnalyzerConfigurationUnionTypeDef]"
    assert key("AnalyzerConfigurationTypeDef", "unusedAccess") == "NotRequired[UnusedAccessConfigurationTypeDef]"
    assert key("UnusedAccessConfigurationTypeDef", "analysisRule") == "NotRequired[AnalysisRuleTypeDef]"
    assert key("ConfigurationTypeDef", "kmsKey") == "NotRequired[KmsKeyConfigurationUnionTypeDef]"
    assert key("KmsKeyConfigurationTypeDef", "grants") == "NotRequired[Sequence[KmsGrantConfigurationUnionTypeDef]]"
    assert key("KmsGrantConfigurationTypeDef", "constraints") == "NotRequired[KmsGrantConstraintsUnionTypeDef]"
    for name in ("UnusedAccessConfigurationUnionTypeDef", "AnalysisRuleCriteriaUnionTypeDef"):
        assert _definition(rendered, "accessanalyzer", name).startswith(f"{name} = Union["), name


def test_deprecated_members_and_operations_stay_typed_and_say_so(rendered: dict) -> None:
    request = _typed_dict(rendered, "appintegrations", "CreateApplicationRequestTypeDef")
    fields = {field.name: field for field in request.fields}
    assert fields["IsService"].documentation.startswith(
        "Deprecated: IsService has been deprecated in favor of ApplicationType. "
    )
    package, files = rendered["appconfig"]
    deprecated = [method for method in package.client.methods if method.summary.startswith("Deprecated")]
    assert deprecated and all(method.operation_name for method in deprecated)
    client = files[f"{package.pypi_name}/{package.module_name}/client.pyi"]
    assert f"def {deprecated[0].name}(" in client


def test_recursive_structures_are_the_cycles_and_what_holds_them() -> None:
    """A structure holding itself, two holding each other (through a list and a map's value), one holding
    such a pair, and one that holds neither: only the first three are or reach a cycle."""
    from botocore.model import ServiceModel

    from generator.parse.shape_traits import cyclic_structures, reaching_a_cycle

    def holding(*names: str) -> dict[str, object]:
        return {"type": "structure", "members": {f"M{name}": {"shape": name} for name in names}}

    shapes = {
        "Self": holding("Self"),
        "Ping": holding("PongList"),
        "PongList": {"type": "list", "member": {"shape": "Pong"}},
        "Pong": holding("PingMap"),
        "PingMap": {"type": "map", "key": {"shape": "Text"}, "value": {"shape": "Ping"}},
        "Holder": holding("Ping", "Leaf"),
        "Leaf": holding("Text"),
        "Text": {"type": "string"},
    }
    model = ServiceModel({"metadata": {"protocol": "json", "apiVersion": "1"}, "operations": {}, "shapes": shapes})
    structures = {name: model.shape_for(name) for name in ("Self", "Ping", "Pong", "Holder", "Leaf")}
    assert cyclic_structures(structures) == {"Self", "Ping", "Pong"}
    assert reaching_a_cycle(structures) == {"Self", "Ping", "Pong", "Holder"}
    # the walk goes through structures not asked about: Pong reaches itself through Ping all the same
    assert cyclic_structures({"Pong": structures["Pong"], "Leaf": structures["Leaf"]}) == {"Pong"}
