"""The types-aiobotocore family (`--flavor types-aiobotocore`), generated in a virtualenv where aiobotocore
3.10.0 was installed first and `boto-typegen[aiobotocore]` after it: the extra keeps botocore inside
aiobotocore's pin; the packages carry aiobotocore's version and its classes; the usage files (async with,
await, async for) are clean and each wrong line flagged under both checkers; the client surface matches the
real aiobotocore clients; every service generates, and a fixed-seed sample is strict-clean."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import tomllib
from pathlib import Path

import pytest
from conftest import REPO, USAGE, TypeCheckers, assert_exactly_marked_lines_flagged, report, tree, type_checked_files
from families import AIO_BOTOCORE_RANGE, AIOBOTOCORE_PIN, SAMPLE_SIZE, AioEnv, Generation, gather, sample

from generator.ir.family import AIOBOTOCORE

SERVICES = ("s3", "dynamodb", "sqs")
GOOD = tuple(USAGE / f"aio_{service}_client_ok.py" for service in SERVICES)
BAD = tuple(USAGE / f"aio_{service}_client_bad.py" for service in SERVICES)
FLAGGED_LINES = {"s3": 6, "dynamodb": 4, "sqs": 4}
SURFACE = Path(__file__).with_name("aio_surface.py")


@pytest.fixture(scope="module")
def generated(aiobotocore_env: AioEnv, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """s3, dynamodb and sqs with their docs pages, generated in the aiobotocore environment."""
    root = tmp_path_factory.mktemp("aio")
    result = aiobotocore_env.cli(
        "generate", *SERVICES, "--flavor", AIOBOTOCORE.prefix, "--output", "out", "--docs", "docs", cwd=root
    )
    assert result.returncode == 0, result.stderr
    return root


@pytest.fixture(scope="module")
def site(generated: Path) -> Path:
    folder = generated / "site"
    folder.mkdir()
    for service in SERVICES:
        module = AIOBOTOCORE.module(service)
        (folder / module).symlink_to(generated / "out" / AIOBOTOCORE.distribution(service) / module)
    return folder


def test_the_extra_keeps_botocore_inside_aiobotocore_s_pin(aiobotocore_env: AioEnv) -> None:
    versions = aiobotocore_env.versions
    assert versions["aiobotocore"] == AIOBOTOCORE_PIN
    assert versions["botocore"] in AIO_BOTOCORE_RANGE, versions
    assert versions["boto3"].rsplit(".", 1)[0] == versions["botocore"].rsplit(".", 1)[0], versions
    assert "No broken requirements found." in aiobotocore_env.check, aiobotocore_env.check
    extras = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["optional-dependencies"]
    assert extras["aiobotocore"] == ["aiobotocore>=3"]


def test_packages_carry_aiobotocore_s_version_and_classes(aiobotocore_env: AioEnv, generated: Path) -> None:
    package = tree(generated / "out" / "types-aiobotocore-s3")
    project = tomllib.loads(package["pyproject.toml"].decode())["project"]
    assert project["name"] == "types-aiobotocore-s3"
    assert project["version"] == AIOBOTOCORE_PIN
    assert project["dependencies"][:2] == ["botocore-stubs", "types-aiobotocore"]
    assert package["types_aiobotocore_s3/version.py"].decode().endswith(f'__version__ = "{AIOBOTOCORE_PIN}"\n')
    client = package["types_aiobotocore_s3/client.pyi"].decode()
    assert f"botocore {aiobotocore_env.versions['botocore']}" in client
    assert "class S3Client(AioBaseClient):" in client
    assert "    async def get_object(" in client and "    async def __aenter__(self) -> S3Client:" in client
    for name in ("upload_file", "download_file", "copy", "upload_fileobj", "download_fileobj"):
        assert f"def {name}(" not in client, name
    assert "types_aiobotocore_s3/service_resource.pyi" not in package
    assert "class ListObjectsV2Paginator(AioPaginator[ListObjectsV2OutputTypeDef]):" in (
        package["types_aiobotocore_s3/paginator.pyi"].decode()
    )
    assert "    async def wait(" in package["types_aiobotocore_s3/waiter.pyi"].decode()
    assert "from aiobotocore.response import StreamingBody as AioStreamingBody" in (
        package["types_aiobotocore_s3/type_defs.pyi"].decode()
    )
    pages = tree(generated / "docs" / "types-aiobotocore")
    assert "index.md" in pages and "types_aiobotocore_s3/client.md" in pages
    assert "types_aiobotocore_s3/service_resource.md" not in pages


def test_the_layout_pass_writes_what_black_writes(aiobotocore_env: AioEnv, generated: Path, tmp_path: Path) -> None:
    """`async def` statements included: `--format` (black itself) gives the same bytes."""
    result = aiobotocore_env.cli(
        "generate", "sqs", "--flavor", AIOBOTOCORE.prefix, "--format", "--output", "out", "--docs", "docs", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    package = "types-aiobotocore-sqs"
    assert tree(tmp_path / "out" / package) == tree(generated / "out" / package)
    sqs = "types-aiobotocore/types_aiobotocore_sqs"
    assert tree(tmp_path / "docs" / sqs) == tree(generated / "docs" / sqs)


def test_runtime_modules_import_beside_aiobotocore(aiobotocore_env: AioEnv, generated: Path) -> None:
    script = (
        "import inspect, types_aiobotocore_s3.client as c, types_aiobotocore_s3.paginator, types_aiobotocore_s3.type_defs;"
        "print(inspect.iscoroutinefunction(c.S3Client.get_object), c.S3Client.__mro__[1].__name__)"
    )
    result = subprocess.run(
        [aiobotocore_env.python, "-B", "-c", script],
        capture_output=True,
        text=True,
        cwd=generated / "out" / "types-aiobotocore-s3",
    )
    assert result.stdout == "True AioBaseClient\n", result.stderr


def test_good_usage_is_clean(aiobotocore_env: AioEnv, checkers: TypeCheckers, site: Path) -> None:
    targets = [str(path) for path in GOOD]
    found = checkers.mypy(targets, stubs=site, python=aiobotocore_env.python)
    found += checkers.pyright(targets, stubs=site, python=aiobotocore_env.python)
    assert not found, report(found)
    text = (USAGE / "aio_s3_client_ok.py").read_text()
    for idiom in ("async with get_session().create_client(", "async for page in", '["Body"].read()', "await "):
        assert idiom in text, idiom


def test_bad_usage_flags_exactly_the_marked_lines(
    aiobotocore_env: AioEnv, checkers: TypeCheckers, site: Path, tmp_path: Path
) -> None:
    targets = [str(path) for path in BAD]
    found = checkers.mypy(targets, stubs=site, python=aiobotocore_env.python)
    found += checkers.pyright(targets, stubs=site, python=aiobotocore_env.python)
    assert not found, report(found)  # every ignore comment still needed
    bad_files = {path: FLAGGED_LINES[service] for service, path in zip(SERVICES, BAD)}
    assert_exactly_marked_lines_flagged(checkers, bad_files, site, tmp_path, python=aiobotocore_env.python)


def test_docs_usage_pages_show_the_async_idioms_and_type_check(
    aiobotocore_env: AioEnv, checkers: TypeCheckers, generated: Path, site: Path, tmp_path: Path
) -> None:
    """Every code block of the usage pages is a coroutine using `async with`, `await` and `async for`, and is
    clean under mypy --strict (as tests/test_docs.py holds the default family's); every code block parses."""
    blocks = []
    for service in SERVICES:
        for page in sorted((generated / "docs" / "types-aiobotocore" / AIOBOTOCORE.module(service)).glob("*.md")):
            for index, block in enumerate(re.findall(r"```python\n(.*?)```", page.read_text(), re.S)):
                ast.parse(block)
                if page.name == "usage.md":
                    path = tmp_path / f"{AIOBOTOCORE.module(service)}_{index}.py"
                    path.write_text(block)
                    blocks.append(str(path))
                    assert "\nasync def main() -> None:\n" in block, block
                    assert "\n    async with get_session().create_client(" in block, block
    text = "".join(Path(path).read_text() for path in blocks)
    assert "async for page in client.get_paginator(" in text and "= await client." in text
    assert "boto3" not in text.replace("aiobotocore", "")
    found = checkers.mypy(blocks, stubs=site, python=aiobotocore_env.python)
    assert not found, report(found)


def _surface(env: AioEnv, output: Path, services: list[str]) -> dict[str, dict[str, object]]:
    result = subprocess.run([env.python, "-B", str(SURFACE), str(output), *services], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    found: dict[str, dict[str, object]] = json.loads(result.stdout)
    return found


def test_client_surface_of_three_services(aiobotocore_env: AioEnv, generated: Path) -> None:
    found = _surface(aiobotocore_env, generated / "out", list(SERVICES))
    assert {service: item["gaps"] for service, item in found.items()} == {service: [] for service in SERVICES}
    # s3: every operation, generate_presigned_url, generate_presigned_post and close are async; can_paginate,
    # get_paginator and get_waiter are not
    assert found["s3"]["methods"] == found["s3"]["async"] + 3  # type: ignore[operator]


@pytest.mark.slow
def test_every_service_surface_and_a_strict_clean_sample(
    aiobotocore_env: AioEnv,
    aiobotocore_every_service: Generation,
    checkers: TypeCheckers,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    generation = aiobotocore_every_service
    assert len(generation.services) > 400
    found = _surface(aiobotocore_env, generation.output, list(generation.services))
    gaps = {service: item["gaps"] for service, item in found.items() if item["gaps"]}
    assert not gaps, json.dumps(gaps, indent=1)[:6000]
    chosen = sample(generation.services)
    assert len(chosen) == SAMPLE_SIZE
    site = tmp_path / "site"
    modules = gather(generation, chosen, site)
    python = aiobotocore_env.python
    found_mypy = checkers.mypy(
        [argument for module in modules for argument in ("-p", module)], stubs=site, python=python
    )
    assert not found_mypy, report(found_mypy[:60])
    targets = [path for module in modules for path in type_checked_files(site / module)]
    found_pyright = checkers.pyright(targets, stubs=site, python=python)
    assert not found_pyright, report(found_pyright[:60])
    with capsys.disabled():
        print(f"\ntypes-aiobotocore: {len(generation.services)} packages generated in {generation.seconds:.0f} s")
