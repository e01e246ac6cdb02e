"""Two real generations, from botocore 1.40.0's models (pip-installed into a temporary folder) and from the
pinned 1.44.8's: `diff` finds every removed name, classifies known changes between the two releases as
written below (each looked up in both releases' service-2.json), and the 1.40.0 packages say 1.40.0."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import BOTOCORE_PIN, run_cli

OLD_BOTOCORE = "1.40.0"
SERVICES = ("s3", "ec2", "lambda", "stepfunctions", "sagemaker", "bedrock-agent", "glue")
pytestmark = pytest.mark.slow  # installs botocore from PyPI and generates seven big services twice

# (service, name, kind, subject, verdict), 1.40.0 → 1.44.8, with what the models say
KNOWN = [
    # ChecksumAlgorithm enum gains MD5, SHA512, XXHASH128, ...; used in requests and results
    ("s3", "literals.ChecksumAlgorithmType", "literal-values-added", "", "compatible"),
    # operation GetObjectAnnotation is new
    ("s3", "client.S3Client", "method-added", "get_object_annotation", "compatible"),
    ("s3", "type_defs.GetObjectAnnotationRequestTypeDef", "added", "", "compatible"),
    # CreateVolumeRequest: AvailabilityZone leaves `required`
    ("ec2", "type_defs.CreateVolumeRequestTypeDef", "key-not-required", "AvailabilityZone", "compatible"),
    # ModifyInstanceCpuOptionsRequest: CoreCount and ThreadsPerCore leave `required`
    ("ec2", "type_defs.ModifyInstanceCpuOptionsRequestTypeDef", "key-not-required", "CoreCount", "compatible"),
    # ModifyInstanceAttribute's UserData is a SecureBlobAttributeValue now; BlobAttributeValue is gone
    ("ec2", "type_defs.BlobAttributeValueTypeDef", "removed", "", "breaking"),
    # State enum (GetFunction's result) gains ActiveNonInvocable, Deactivated, ...
    ("lambda", "literals.StateType", "literal-values-added", "", "compatible"),
    # operation CreateCapacityProvider is new
    ("lambda", "client.LambdaClient", "method-added", "create_capacity_provider", "compatible"),
    # S3FileSystem: S3Uri joins `required` (a request member)
    ("sagemaker", "type_defs.S3FileSystemTypeDef", "key-required", "S3Uri", "breaking"),
    # CreateTrainingJobRequest: AlgorithmSpecification leaves `required`
    (
        "sagemaker",
        "type_defs.CreateTrainingJobRequestTypeDef",
        "key-not-required",
        "AlgorithmSpecification",
        "compatible",
    ),
    # DescribeTrainingJobResponse gains ProgressInfo (results give every key)
    ("sagemaker", "type_defs.DescribeTrainingJobResponseTypeDef", "key-added-required", "ProgressInfo", "compatible"),
    # DataSource: GlueTable leaves `required`; the shape is in requests and results
    ("glue", "type_defs.DataSourceTypeDef", "key-not-required", "GlueTable", "compatible"),
    ("glue", "type_defs.DataSourceOutputTypeDef", "key-not-required", "GlueTable", "breaking"),
    # WorkerType enum gains G.12X, G.16X, R.1X, ...
    ("glue", "literals.WorkerTypeType", "literal-values-added", "", "compatible"),
    # KnowledgeBaseType enum gains MANAGED
    ("bedrock-agent", "literals.KnowledgeBaseTypeType", "literal-values-added", "", "compatible"),
    # TestStateInput gains the optional member mock
    ("stepfunctions", "type_defs.TestStateInputTypeDef", "key-added-optional", "mock", "compatible"),
]


@pytest.fixture(scope="session")
def old_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("botocore-old")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--target",
            str(target),
            f"botocore=={OLD_BOTOCORE}",
        ],
        check=True,
        capture_output=True,
    )
    return target / "botocore" / "data"


@pytest.fixture(scope="session")
def generations(tmp_path_factory: pytest.TempPathFactory, old_data: Path) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("generations")
    for name, extra in (("old", ("--data-path", str(old_data))), ("new", ())):
        result = run_cli("generate", *SERVICES, *extra, "--output", name, "--no-docs", "--jobs", "2", cwd=root)
        assert result.returncode == 0, result.stderr
        assert result.stderr == ""  # an installation's data/: its version is known, no warning
    return root / "old", root / "new"


def _public_names(output: Path) -> dict[str, set[str]]:
    """Independently of the diff's reader: `__all__` of the package root, and each module's top-level
    `class X` / `X = ...` / `X: ...` lines, found by a regular expression over the text."""
    names: dict[str, set[str]] = {}
    for package in output.glob("*/*/__init__.pyi"):
        service = package.parent.parent.name.removeprefix("types-boto3-")
        found = names.setdefault(service, set())
        for module in package.parent.glob("*.pyi"):
            text = module.read_text()
            if module.stem == "__init__":
                listed = re.search(r"^__all__ = (\[.*?\])", text, re.M | re.S)
                assert listed is not None
                found |= {f"__init__.{name}" for name in ast.literal_eval(listed.group(1))}
                continue
            for match in re.finditer(r"^(?:class (\w+)\b|(\w+)\s*(?:=|:))", text, re.M):
                name = match.group(1) or match.group(2)
                if not name.startswith("_"):
                    found.add(f"{module.stem}.{name}")
    return names


def test_every_removed_name_is_reported(generations: tuple[Path, Path]) -> None:
    old, new = generations
    result = run_cli("diff", str(old), str(new), "--json", cwd=old.parent)
    assert result.returncode == 1, result.stderr
    report = {service["service"]: service for service in json.loads(result.stdout)["services"]}
    before, after = _public_names(old), _public_names(new)
    assert set(report) == set(SERVICES)
    for service in SERVICES:
        removed = {c["name"] for c in report[service]["changes"] if c["kind"] == "removed"}
        assert removed == before[service] - after[service], service
        added = {c["name"] for c in report[service]["changes"] if c["kind"] == "added"}
        assert added == after[service] - before[service], service
    assert any(report[service]["changes"] for service in SERVICES)


def test_known_changes_have_their_verdicts(generations: tuple[Path, Path]) -> None:
    old, new = generations
    document = json.loads(run_cli("diff", str(old), str(new), "--json", cwd=old.parent).stdout)
    found = {
        (service["service"], c["name"], c["kind"], c["subject"], c["verdict"])
        for service in document["services"]
        for c in service["changes"]
    }
    missing = [known for known in KNOWN if known not in found]
    assert not missing
    state = next(
        c
        for s in document["services"]
        if s["service"] == "lambda"
        for c in s["changes"]
        if c["name"] == "literals.StateType"
    )
    assert state["detail"].endswith("; exhaustive matches see it")


def test_text_summary_matches_json_counts(generations: tuple[Path, Path]) -> None:
    old, new = generations
    document = json.loads(run_cli("diff", str(old), str(new), "--json", cwd=old.parent).stdout)
    text = run_cli("diff", str(old), str(new), cwd=old.parent)
    assert text.returncode == 1
    changes = [c for s in document["services"] for c in s["changes"]] + document["shared"]
    counted = sum(1 for c in changes if c["verdict"] == "breaking")
    services = sum(1 for s in document["services"] if any(c["verdict"] == "breaking" for c in s["changes"]))
    compatible = sum(1 for c in changes if c["verdict"] == "compatible")
    assert counted == document["summary"]["breaking"] > 0
    shared = (
        " and in every package's service names" if any(c["verdict"] == "breaking" for c in document["shared"]) else ""
    )
    summary = f"{counted} breaking changes in {services} services{shared}, {compatible} compatible"
    assert text.stdout.splitlines()[-1] == summary


def test_the_service_names_every_package_lists_are_one_change(generations: tuple[Path, Path]) -> None:
    """ServiceName lists every service botocore knows: a service botocore added or dropped is one change of
    the release, with its verdict (a value gone breaks `boto3.client("opsworks")`), not one per package."""
    old, new = generations
    document = json.loads(run_cli("diff", str(old), str(new), "--json", cwd=old.parent).stdout)
    shared = {(c["name"], c["kind"], c["verdict"]): c["detail"] for c in document["shared"]}
    assert "'opsworks'" in shared[("literals.ServiceName", "literal-values-removed", "breaking")]  # gone in 1.44
    assert "'abuse-signal'" in shared[("literals.ServiceName", "literal-values-added", "compatible")]  # new in 1.44
    per_service = [c for s in document["services"] for c in s["changes"] if c["name"] == "literals.ServiceName"]
    assert per_service == []
    text = run_cli("diff", str(old), str(new), cwd=old.parent).stdout
    assert text.startswith("every package (the services botocore knows): 1 breaking, 1 compatible\n")


def test_identical_trees_exit_0(generations: tuple[Path, Path]) -> None:
    _, new = generations
    result = run_cli("diff", str(new), str(new), cwd=new.parent)
    assert (result.returncode, result.stdout) == (0, "0 breaking changes in 0 services, 0 compatible\n")


def test_the_old_generation_says_its_version_everywhere(generations: tuple[Path, Path]) -> None:
    old, new = generations
    for output, version in ((old, OLD_BOTOCORE), (new, BOTOCORE_PIN)):
        for package in output.iterdir():
            texts = {path: path.read_text() for path in package.rglob("*") if path.is_file()}
            stated = {path: set(re.findall(r"botocore (\d+\.\d+\.\d+)", text)) for path, text in texts.items()}
            assert set().union(*stated.values()) == {version}, package
            modules = [path for path in texts if path.suffix == ".pyi"]
            assert all(stated[path] == {version} for path in modules), package  # every module docstring
            assert re.search(rf'^version = "{re.escape(version)}"$', texts[package / "pyproject.toml"], re.M)
            (version_py,) = [path for path in texts if path.name == "version.py"]
            assert f'__version__ = "{version}"' in texts[version_py]


# medialive 1.44.8: GlobalConfiguration's and OutputLockingSettings' input and output became alike, so their
# Output and Union names are gone by our rules alone; ec2's BlobAttributeValue is gone because no operation uses
# it any more (botocore's change), though the model still has it
KEEP_SERVICES = ("medialive", "ec2")
KEPT = {
    "GlobalConfigurationOutputTypeDef": "GlobalConfigurationTypeDef",
    "GlobalConfigurationUnionTypeDef": "GlobalConfigurationTypeDef",
    "OutputLockingSettingsOutputTypeDef": "OutputLockingSettingsTypeDef",
    "OutputLockingSettingsUnionTypeDef": "OutputLockingSettingsTypeDef",
}


@pytest.fixture(scope="session")
def keep_generations(tmp_path_factory: pytest.TempPathFactory, old_data: Path) -> Path:
    root = tmp_path_factory.mktemp("keep")
    runs = {
        "old": ("--data-path", str(old_data), "--no-docs"),
        "plain": ("--no-docs",),
        "kept": ("--keep-names-from", "old", "--docs", "kept-docs"),
        "again": ("--keep-names-from", "old", "--no-docs"),
    }
    for name, extra in runs.items():
        result = run_cli("generate", *KEEP_SERVICES, *extra, "--output", name, "--jobs", "2", cwd=root)
        assert result.returncode == 0, result.stderr
    return root


def _removed(root: Path, new: str) -> set[tuple[str, str]]:
    document = json.loads(run_cli("diff", "old", new, "--json", cwd=root).stdout)
    return {(s["service"], c["name"]) for s in document["services"] for c in s["changes"] if c["kind"] == "removed"}


def test_names_only_our_rules_dropped_stay_as_deprecated_aliases(keep_generations: Path) -> None:
    root = keep_generations
    plain, kept = _removed(root, "plain"), _removed(root, "kept")
    by_rules = {("medialive", f"type_defs.{name}") for name in KEPT}
    assert by_rules <= plain  # without the option, our rules drop them
    unused = ("ec2", "type_defs.BlobAttributeValueTypeDef")
    assert by_rules | {unused} <= plain  # without the option, our rules drop them, and the unused structure
    assert not kept & (by_rules | {unused})
    assert kept == plain - by_rules - {unused}
    # the unused structure keeps its TypedDict of OLD, marked deprecated in the stub and on its docs entry
    ec2 = root / "kept" / "types-boto3-ec2" / "types_boto3_ec2"
    blob = next(
        node
        for node in ast.parse((ec2 / "type_defs.pyi").read_text()).body
        if isinstance(node, ast.ClassDef) and node.name == "BlobAttributeValueTypeDef"
    )
    assert ast.get_docstring(blob, clean=False).startswith("Deprecated: no operation uses this structure")
    assert [ast.unparse(item) for item in blob.body[1:]] == ["Value: NotRequired[BlobTypeDef]"]
    ec2_page = (root / "kept-docs" / "types_boto3_ec2" / "type_defs.md").read_text()
    entry = ec2_page.split("\n## BlobAttributeValueTypeDef\n", 1)[1].split("\n## ", 1)[0]
    assert entry.lstrip().startswith("Deprecated: no operation uses this structure")
    document = json.loads(run_cli("diff", "plain", "kept", "--json", cwd=root).stdout)
    added = {(s["service"], c["name"]) for s in document["services"] for c in s["changes"]}
    assert added == by_rules | {unused} and document["summary"]["breaking"] == 0
    package = root / "kept" / "types-boto3-medialive" / "types_boto3_medialive"
    stub = ast.parse((package / "type_defs.pyi").read_text())
    aliases = {node.targets[0].id: node.value for node in stub.body if isinstance(node, ast.Assign)}
    for name, successor in KEPT.items():
        assert isinstance(aliases[name], ast.Name) and aliases[name].id == successor, name
        index = next(
            i for i, node in enumerate(stub.body) if isinstance(node, ast.Assign) and node.targets[0].id == name
        )
        docstring = stub.body[index + 1]
        assert isinstance(docstring, ast.Expr) and str(docstring.value.value).startswith("Deprecated:"), name
    page = (root / "kept-docs" / "types_boto3_medialive" / "type_defs.md").read_text()
    for name, successor in KEPT.items():
        entry = page.split(f"\n## {name}\n", 1)[1].split("\n## ", 1)[0]
        assert entry.lstrip().startswith("Deprecated:") and f"`{successor}`" in entry, name
    # imports keep working at run time, and the option writes the same bytes each run
    code = f"from types_boto3_medialive.type_defs import {', '.join(KEPT)}"
    # -B: a __pycache__ written here would be a file the second run does not have
    imported = subprocess.run([sys.executable, "-B", "-c", code], cwd=root / "kept" / "types-boto3-medialive")
    assert imported.returncode == 0
    code = "import typing; from types_boto3_ec2.type_defs import BlobAttributeValueTypeDef as B\ntyping.get_type_hints(B)"
    imported = subprocess.run([sys.executable, "-B", "-c", code], cwd=root / "kept" / "types-boto3-ec2")
    assert imported.returncode == 0
    for folder in (root / "kept").rglob("*"):
        if folder.is_file():
            assert folder.read_bytes() == (root / "again" / folder.relative_to(root / "kept")).read_bytes(), folder
