"""`boto-typegen diff` on two real generations of sagemaker-edge: the committed one, and one from a copy of
botocore's own model with known edits. Each edit must come out as the change and verdict written beside it."""

from __future__ import annotations

import ast
import copy
import gzip
import json
import shutil
from pathlib import Path
from typing import Any

import botocore
import pytest
from botocore.model import ServiceModel

from conftest import CLI, OUTPUT, PACKAGE_DIR, SERVICE
from generator.ir.defs import Direction, TypedDictDef
from generator.parse.shapes import ShapeConverter

MODELS = Path(botocore.__file__).parent / "data" / SERVICE


def _copy(shapes: dict[str, Any], name: str, like: str, **changes: Any) -> None:
    shapes[name] = {**copy.deepcopy(shapes[like]), **changes}


def _edit(model: dict[str, Any]) -> None:
    shapes, operations = model["shapes"], model["operations"]
    # types that change name but not what they allow (copies of the shapes as botocore ships them)
    _copy(shapes, "AgentMetric", "EdgeMetric")  # the same keys under another name (request side)
    _copy(shapes, "AgentMetricList", "EdgeMetrics", member={"shape": "AgentMetric"})
    shapes["SendHeartbeatRequest"]["members"]["AgentMetrics"] = {"shape": "AgentMetricList"}
    shapes["ModelChecksum"] = shapes.pop("Checksum")  # renamed, the same keys (result side)
    shapes["Definition"]["members"]["Checksum"] = {"shape": "ModelChecksum"}
    # two levels down, a key becomes required: the request accepts less
    _copy(shapes, "HeartbeatMetric", "EdgeMetric", required=["MetricName"])
    _copy(shapes, "HeartbeatMetrics", "EdgeMetrics", member={"shape": "HeartbeatMetric"})
    _copy(shapes, "HeartbeatModel", "Model")
    shapes["HeartbeatModel"]["members"]["ModelMetrics"] = {"shape": "HeartbeatMetrics"}
    _copy(shapes, "HeartbeatModels", "Models", member={"shape": "HeartbeatModel"})
    shapes["SendHeartbeatRequest"]["members"]["Models"] = {"shape": "HeartbeatModels"}
    shapes["ReportModelsRequest"] = {"type": "structure", "members": {"Models": {"shape": "Models"}}}
    # a new operation keeps Model (and its edits below) in use
    operations["ReportModels"] = {**operations["SendHeartbeat"], "name": "ReportModels"}
    operations["ReportModels"]["input"] = {"shape": "ReportModelsRequest"}
    # DeploymentResult is in a result too now, so requests take DeploymentResultUnionTypeDef; one level down,
    # DeploymentModel (given a timestamp) is two-sided too, and keeps DeploymentModelTypeDef there: a structure
    # passed whole takes the union, and what it holds stays on the input side (as published)
    shapes["GetDeploymentsResult"]["members"]["LastDeployment"] = {"shape": "DeploymentResult"}
    shapes["DeploymentModel"]["members"]["DeployedAt"] = {"shape": "Timestamp"}
    shapes["FailureHandlingPolicy"]["enum"].remove("DO_NOTHING")  # output only: a value gone
    shapes["ChecksumType"]["enum"].append("SHA256")  # output only: a value added
    shapes["ModelState"]["enum"].remove("UNDEPLOY")  # in a request and a result: a value gone
    shapes["SendHeartbeatRequest"]["required"].append("AgentMetrics")  # a request key made required
    shapes["GetDeploymentsRequest"]["required"].remove("DeviceFleetName")  # a request key made optional
    shapes["GetDeviceRegistrationResult"]["required"] = ["CacheTTL"]  # a result key made required
    shapes["EdgeMetric"]["members"]["Value"] = {"shape": "String"}  # a request key: float → str
    shapes.setdefault("String", {"type": "string"})
    shapes["Model"]["members"].pop("LatestInference")  # a key removed (request side)
    del operations["GetDeviceRegistration"]  # an operation gone, with its request and result
    operations["GetDeploymentsAgain"] = {**operations["GetDeployments"], "name": "GetDeploymentsAgain"}
    operations["SendHeartbeat"]["documentation"] = "<p>Use to check in.</p>"  # docstring only


# (name, kind, subject, verdict) each edit above must produce
EXPECTED = {
    ("literals.ChecksumTypeType", "literal-values-added", "", "compatible"),
    ("literals.ModelStateType", "literal-values-removed", "", "breaking"),
    ("type_defs.SendHeartbeatRequestTypeDef", "key-required", "AgentMetrics", "breaking"),
    ("type_defs.GetDeploymentsRequestTypeDef", "key-not-required", "DeviceFleetName", "compatible"),
    ("type_defs.GetDeviceRegistrationResultTypeDef", "removed", "", "breaking"),
    ("type_defs.GetDeviceRegistrationRequestTypeDef", "removed", "", "breaking"),
    ("type_defs.EdgeMetricTypeDef", "key-type", "Value", "breaking"),
    ("type_defs.ModelTypeDef", "key-removed", "LatestInference", "breaking"),
    ("client.SagemakerEdgeManagerClient", "method-removed", "get_device_registration", "breaking"),
    ("client.SagemakerEdgeManagerClient", "method-added", "get_deployments_again", "compatible"),
    ("client.SagemakerEdgeManagerClient", "docstring", "send_heartbeat", "compatible"),
    # types compared by what they allow, names resolved in each generation
    ("type_defs.SendHeartbeatRequestTypeDef", "key-type", "AgentMetrics", "compatible"),
    ("type_defs.ChecksumTypeDef", "removed", "", "breaking"),  # users import it
    ("type_defs.ModelChecksumTypeDef", "added", "", "compatible"),
    ("type_defs.DefinitionTypeDef", "key-type", "Checksum", "compatible"),
    ("type_defs.SendHeartbeatRequestTypeDef", "key-type", "Models", "breaking"),
    ("type_defs.SendHeartbeatRequestTypeDef", "key-type", "DeploymentResult", "compatible"),
    ("type_defs.DeploymentModelTypeDef", "key-added-optional", "DeployedAt", "compatible"),
    ("literals.FailureHandlingPolicyType", "literal-values-removed", "", "compatible"),  # a reader gets less
}
# what the type changes above were, so that the verdicts are about the union and rename cases meant
DETAILS = {
    "AgentMetrics": "Sequence[EdgeMetricTypeDef] → Sequence[AgentMetricTypeDef]",
    "DeploymentResult": "DeploymentResultTypeDef → DeploymentResultUnionTypeDef",
    "Checksum": "ChecksumTypeDef → ModelChecksumTypeDef",
    "Models": "Sequence[ModelTypeDef] → Sequence[HeartbeatModelTypeDef] (ModelMetrics: key MetricName is required)",
}


@pytest.fixture(scope="module")
def edited(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generation of sagemaker-edge from botocore's model with the edits above."""
    root = tmp_path_factory.mktemp("edited")
    data = root / "data" / SERVICE
    shutil.copytree(MODELS, data)
    model_file = next(data.glob("*/service-2.json.gz"))
    model = json.loads(gzip.decompress(model_file.read_bytes()))
    _edit(model)
    model_file.write_bytes(gzip.compress(json.dumps(model).encode()))
    from conftest import run_cli

    result = run_cli(
        "generate", SERVICE, "--data-path", str(root / "data"), "--botocore-version", botocore.__version__,
        "--output", str(root / "out"), "--no-docs", cwd=root,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # the version was stated: no fallback warning
    return root / "out"


def test_each_edit_is_its_change_with_its_verdict(cli: CLI, edited: Path) -> None:
    result = cli("diff", str(OUTPUT), str(edited), "--json")
    assert result.returncode == 1, result.stderr  # something is breaking
    (service,) = json.loads(result.stdout)["services"]
    found = {(c["name"], c["kind"], c["subject"], c["verdict"]) for c in service["changes"]}
    assert EXPECTED <= found, sorted(EXPECTED - found)
    added = next(c for c in service["changes"] if c["name"] == "literals.ChecksumTypeType")
    assert added["detail"] == "'SHA256'; exhaustive matches see it"  # an output value: said so
    # a result key made required is no change a reader of the result can notice as breaking
    result_key = [c for c in service["changes"] if c["name"] == "type_defs.GetDeviceRegistrationResultTypeDef"]
    assert [c["kind"] for c in result_key] == ["removed"]
    details = {c["subject"]: c["detail"] for c in service["changes"] if c["kind"] == "key-type"}
    assert {subject: details.get(subject) for subject in DETAILS} == DETAILS
    assert "DeploymentModels" not in details  # held by a structure passed whole: the input side, unchanged


def test_text_and_markdown_agree_with_json(cli: CLI, edited: Path) -> None:
    document = json.loads(cli("diff", str(OUTPUT), str(edited), "--json").stdout)
    text = cli("diff", str(OUTPUT), str(edited))
    summary = document["summary"]
    expected = f"{summary['breaking']} breaking changes in 1 services, {summary['compatible']} compatible"
    assert text.stdout.splitlines()[-1] == expected
    lines = text.stdout.splitlines()
    assert lines.index("  breaking:") < lines.index("  compatible:")  # breaking first
    changes = document["services"][0]["changes"]
    listed = [line.strip() for line in lines if line.startswith("    ")]
    assert sorted(listed) == sorted(change["text"] for change in changes)
    markdown = cli("diff", str(OUTPUT), str(edited), "--markdown")
    assert markdown.returncode == 1
    assert sorted(line[2:] for line in markdown.stdout.splitlines() if line.startswith("- ")) == sorted(listed)


def _scramble(module: Path) -> None:
    """The same definitions, written differently: reversed order, ast's own layout and quoting."""
    tree = ast.parse(module.read_text())
    imports = [node for node in tree.body if isinstance(node, (ast.Import, ast.ImportFrom, ast.If))]
    rest = [node for node in tree.body if node not in imports]
    tree.body = imports + rest[::-1]
    module.write_text(ast.unparse(tree))


def test_formatting_and_order_do_not_count(cli: CLI, tmp_path: Path) -> None:
    copy = tmp_path / "copy" / PACKAGE_DIR.name
    shutil.copytree(PACKAGE_DIR, copy)
    for module in copy.rglob("*.pyi"):
        _scramble(module)
    result = cli("diff", str(OUTPUT), str(copy.parent))
    assert (result.returncode, result.stdout) == (0, "0 breaking changes in 0 services, 0 compatible\n")


def test_a_service_gone_is_every_name_removed(cli: CLI, tmp_path: Path) -> None:
    other = tmp_path / "other"
    shutil.copytree(PACKAGE_DIR, other / PACKAGE_DIR.name)
    (other / "types-boto3-elsewhere").mkdir()
    shutil.copytree(PACKAGE_DIR / "types_boto3_sagemaker_edge", other / "types-boto3-elsewhere" / "x")
    literals = other / "types-boto3-elsewhere" / "x" / "literals.pyi"
    literals.write_text(literals.read_text().replace('Literal["sagemaker-edge"]', 'Literal["elsewhere"]'))
    document = json.loads(cli("diff", str(other), str(OUTPUT), "--json").stdout)
    gone = next(service for service in document["services"] if service["service"] == "elsewhere")
    assert gone["new_version"] == "" and gone["changes"]
    assert {change["kind"] for change in gone["changes"]} == {"removed"}


@pytest.mark.parametrize("bad", ["missing", "empty", "file"])
def test_a_folder_that_is_no_generation_is_one_line_exit_2(cli: CLI, tmp_path: Path, bad: str) -> None:
    target = tmp_path / bad
    if bad == "empty":
        target.mkdir()
    elif bad == "file":
        target.write_text("x")
    result = cli("diff", str(target), str(OUTPUT))
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"boto-typegen: error: {target}")


def test_keep_names_from_a_folder_that_is_not_there_is_one_line(cli: CLI, tmp_path: Path) -> None:
    missing = tmp_path / "missing"
    result = cli("generate", SERVICE, "--output", str(tmp_path / "out"), "--no-docs", "--keep-names-from", str(missing))
    assert (
        result.returncode == 2 and result.stderr == f"boto-typegen: error: --keep-names-from {missing}: not a folder\n"
    )
    assert not (tmp_path / "out").exists()


def _converter(previous: dict[str, Direction]) -> ShapeConverter:
    """A model where `Held` (a list inside, so its sides differ) is only ever read, and two structures
    no operation reaches: `Lone` holds a blob alone, `Holder` holds a `Held`."""
    shapes = {
        "GetInput": {"type": "structure", "members": {"Id": {"shape": "Text"}}},
        "GetOutput": {"type": "structure", "members": {"Held": {"shape": "Held"}}},
        "Held": {"type": "structure", "members": {"Items": {"shape": "Texts"}}},
        "Texts": {"type": "list", "member": {"shape": "Text"}},
        "Text": {"type": "string"},
        "Data": {"type": "blob"},
        "Lone": {"type": "structure", "members": {"Value": {"shape": "Data"}}},
        "Holder": {"type": "structure", "members": {"Held": {"shape": "Held"}}},
    }
    operation = {"name": "Get", "http": {"method": "POST", "requestUri": "/"}}
    operation |= {"input": {"shape": "GetInput"}, "output": {"shape": "GetOutput"}}
    metadata = {"protocol": "json", "endpointPrefix": "t", "serviceId": "T", "apiVersion": "2020-01-01"}
    model = ServiceModel({"metadata": metadata, "operations": {"Get": operation}, "shapes": shapes}, "t")
    return ShapeConverter(model, previous=previous)


def test_a_structure_no_operation_reaches_keeps_its_name_where_it_moves_no_other() -> None:
    plain = {item.name: item for item in _converter({}).definitions()}
    kept = {item.name: item for item in _converter({"Lone": Direction.INPUT, "Holder": Direction.INPUT}).definitions()}
    lone = kept.pop("LoneTypeDef")
    assert isinstance(lone, TypedDictDef) and lone.unused and lone.direction is Direction.INPUT
    assert [(item.name, item.type.render()) for item in lone.fields] == [("Value", "BlobTypeDef")]
    assert kept.pop("BlobTypeDef").type.render().startswith("Union[")  # what the blob takes, as elsewhere
    # Holder would give Held an input side, and Held's one definition two: Holder stays out, Held as it was
    assert kept == plain and "HolderTypeDef" not in kept and not any(item.unused for item in kept.values())
    # without an earlier generation naming them, neither is written
    assert "LoneTypeDef" not in plain
