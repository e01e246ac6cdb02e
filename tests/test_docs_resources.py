"""service_resource.md, the page of a service that boto3 gives resources: one section per class with every
attribute and method, examples that type-check (mypy, against the generated stubs), links that land, and the
site building under `mkdocs build --strict` with it; services without resources have no such page."""

from __future__ import annotations

import ast
import re
from collections import Counter
from pathlib import Path

import pytest
from conftest import REPO, TypeCheckers, run_cli
from test_docs import _blocks, _check_annotations, _copy_site, _usage_files
from test_docs_sweep import _check_service

from generator.ir.resources import AttributeKind, ResourceDef
from generator.parse.package import build_package
from generator.parse.resource_models import resource_service_names
from generator.parse.source import BotocoreData
from generator.render.docs import render_docs
from generator.render.docs.resources import variable

# s3: collections with batch actions, injected transfer methods, waiters; dynamodb: Python-value requests
SERVICES = ("s3", "dynamodb")
_ANCHOR = re.compile(r"^#### (?P<heading>.+) \{ #(?P<anchor>[\w.]+) \}$", re.M)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the site with s3 and dynamodb generated into it (stubs under output/)."""
    root = tmp_path_factory.mktemp("resource-site")
    _copy_site(root, REPO / "docs")
    result = run_cli("generate", *SERVICES, "--output", "output", "--docs", "docs", cwd=root)
    assert result.returncode == 0, result.stderr
    return root


def _module(service: str) -> str:
    return "types_boto3_" + service


def _sections(text: str) -> dict[str, str]:
    """The page's `## Name` sections by name."""
    parts = re.split(r"^## ", text, flags=re.M)[1:]
    return {part.split("\n", 1)[0]: part for part in parts}


def test_a_section_per_class_with_every_member(site: Path) -> None:
    package = build_package(BotocoreData().load("s3"))
    assert package.resource is not None
    text = (site / "docs" / _module("s3") / "service_resource.md").read_text()
    sections = _sections(text)
    resources: list[ResourceDef] = [package.resource.service, *package.resource.resources]
    names = [item.name for item in resources] + [item.name for item in package.resource.collections]
    assert list(sections) == names
    for resource in resources:
        section = sections[resource.name]
        anchors = [match["anchor"] for match in _ANCHOR.finditer(section)]
        assert sorted(anchors) == sorted(f"{resource.name}.{method.name}" for method in resource.methods)
        block = next(code for code in (b["code"] for b in _blocks(section)) if " attributes\n" in code)
        for attribute in resource.attributes:
            if attribute.kind is not AttributeKind.META:
                assert re.search(rf"^    {attribute.name}: ", block, re.M), (resource.name, attribute.name)
    # attributes sit under their kind's comment: Bucket's name is an identifier, creation_date loaded
    bucket = next(b["code"] for b in _blocks(sections["Bucket"]) if " attributes\n" in b["code"])
    assert bucket.index("# identifiers") < bucket.index("    name: str") < bucket.index("# attributes")
    assert (
        bucket.index("# attributes")
        < bucket.index("    creation_date: datetime")
        < bucket.index("# collections")
    )
    for collection in package.resource.collections:
        found = sorted(match["anchor"] for match in _ANCHOR.finditer(sections[collection.name]))
        assert found == sorted(f"{collection.name}.{method.name}" for method in collection.methods)
    # a dunder method is escaped in its heading, not turned bold
    assert "#### BucketObjectsCollection.\\_\\_iter\\_\\_ { #BucketObjectsCollection.__iter__ }" in text
    assert sections["BucketObjectsCollection"].count("#### BucketObjectsCollection.delete {") == 1


def test_resources_are_linked_by_their_public_names(site: Path) -> None:
    pages = site / "docs" / _module("s3")
    text = (pages / "service_resource.md").read_text()
    # the stubs annotate `-> _Bucket` (a sub-resource method may shadow the class name); users import Bucket
    assert not re.search(r"\b_[A-Z]\w+", "".join(block["code"] for block in _blocks(text)))
    assert ") -> Bucket:  # (1)" in text
    assert _check_annotations(pages, "service_resource.md") >= 300


def test_the_page_is_linked_and_only_where_there_are_resources(site: Path) -> None:
    for service in SERVICES:
        index = (site / "docs" / _module(service) / "index.md").read_text()
        assert "[Service resource](./service_resource.md)" in index
        assert (
            f'resource: {"S3" if service == "s3" else "DynamoDB"}ServiceResource = boto3.resource(' in index
        )
    top = (site / "docs" / "index.md").read_text()
    assert "[Service resource](./types_boto3_s3/service_resource.md)" in top
    assert "sagemaker_edge/service_resource.md" not in top
    assert not list((REPO / "docs").rglob("service_resource.md"))


def _examples(page: Path, folder: Path) -> Path:
    """Each section's usage example as a function, each method example a function inside it (so each can
    bind `result` to its own type) after the resource the section's example makes."""
    functions = []
    for index, section in enumerate(_sections(page.read_text()).values()):
        blocks = [block["code"] for block in _blocks(section)]
        assert "usage example" in blocks[0] and "method usage example" not in blocks[0]
        examples = [code for code in blocks if "method usage example" in code]
        body = [f"    {line}" for line in blocks[0].splitlines()]
        for number, code in enumerate(examples):
            body += [
                "",
                f"    def example_{number}() -> None:",
                *(f"        {line}" for line in code.splitlines()),
            ]
        functions.append(f"def section_{index}() -> None:\n" + "\n".join(body) + "\n")
    path = folder / f"{page.parent.name}_resource_examples.py"
    path.write_text("\n\n".join(functions))
    return path


# must fail: checks that the examples' names resolve to the stubs (not to Any) and that mypy runs on them
_WRONG = {
    "s3": """
def wrong() -> None:
    import boto3

    from types_boto3_s3.service_resource import S3ServiceResource

    resource: S3ServiceResource = boto3.resource("s3")
    resource.Bucket(name=1)  # type: ignore[arg-type]
    resource.Bucket(name="name").objects.filter(Bucket="other")  # type: ignore[call-arg]
""",
    "dynamodb": """
def wrong() -> None:
    import boto3

    from types_boto3_dynamodb.service_resource import DynamoDBServiceResource

    resource: DynamoDBServiceResource = boto3.resource("dynamodb")
    resource.Table(name="table").put_item(Item={"id": object()})  # type: ignore[dict-item]
""",
}


@pytest.mark.parametrize("service", SERVICES)
def test_resource_examples_type_check(
    site: Path, tmp_path: Path, checkers: TypeCheckers, service: str
) -> None:
    path = _examples(site / "docs" / _module(service) / "service_resource.md", tmp_path)
    text = path.read_text()
    assert text.count("def example_") >= (150 if service == "s3" else 20)
    path.write_text(text + "\n" + _WRONG[service])
    # usage.md too: its last example is the service resource's
    usage = _usage_files(site / "docs" / _module(service), tmp_path)
    assert "boto3.resource(" in Path(usage[-1]).read_text()
    found = checkers.mypy([str(path), *usage], stubs=site / "output" / f"types-boto3-{service}")
    assert not found, "\n".join(map(str, found))


@pytest.mark.parametrize("service", resource_service_names())
def test_every_resource_service_page(service: str) -> None:
    """In memory for all nine: blocks parse, notes match markers, links land, every resource is reached."""
    pages = render_docs(build_package(BotocoreData().load(service)))
    text = pages[f"{_module(service)}/service_resource.md"]
    assert _check_service(pages) > 0
    anchors = [match["anchor"] for match in _ANCHOR.finditer(text)]
    assert anchors and not [anchor for anchor, count in Counter(anchors).items() if count > 1]
    for name, section in _sections(text).items():
        example = _blocks(section)[0]["code"]
        ast.parse(example)
        # every resource is made from boto3.resource() (not taken as a function parameter)
        assert "def use(" not in example, (service, name)
        assert re.search(rf"^\w+: {name} = ", example, re.M), (service, name)


def test_example_variables_are_identifiers() -> None:
    assert variable("MultipartUploadPart") == "multipart_upload_part"
    assert variable("DhcpOptions") == "dhcp_options"
    # the service resource's own variable, and keywords, are never reused
    assert variable("Resource") == "resource_"
    assert variable("Import") == "import_"


def test_site_with_resources_builds_strict(site: Path) -> None:
    result = run_cli("docs", "build", "--config", "mkdocs.yml", cwd=site, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    page = (site / "site" / _module("s3") / "service_resource" / "index.html").read_text()
    assert 'id="bucket"' in page and 'id="Bucket.Acl"' in page and 'id="bucketacl"' in page


@pytest.fixture(scope="module")
def every_resource_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site with all nine resource services (s3 and ec2 among them) generated into it."""
    root = tmp_path_factory.mktemp("every-resource-site")
    _copy_site(root, REPO / "docs")
    result = run_cli("generate", *resource_service_names(), "--output", "output", "--docs", "docs", cwd=root)
    assert result.returncode == 0, result.stderr
    return root


@pytest.mark.slow
def test_site_with_every_resource_service_builds_strict(every_resource_site: Path) -> None:
    result = run_cli("docs", "build", "--config", "mkdocs.yml", cwd=every_resource_site, timeout=1800)
    assert result.returncode == 0, result.stdout + result.stderr
    for service in ("s3", "ec2"):
        assert (every_resource_site / "site" / _module(service) / "service_resource" / "index.html").is_file()


@pytest.mark.slow
@pytest.mark.parametrize("service", [name for name in resource_service_names() if name not in SERVICES])
def test_resource_examples_of_every_service_type_check(
    every_resource_site: Path, tmp_path: Path, checkers: TypeCheckers, service: str
) -> None:
    pages = every_resource_site / "docs" / _module(service)
    files = [str(_examples(pages / "service_resource.md", tmp_path)), *_usage_files(pages, tmp_path)]
    found = checkers.mypy(files, stubs=every_resource_site / "output" / f"types-boto3-{service}")
    assert not found, "\n".join(map(str, found))
