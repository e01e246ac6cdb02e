"""The mypy-boto3 family (`--flavor mypy-boto3`): the types-boto3 package under the older names
(`mypy-boto3-<service>`, `mypy_boto3_<service>`), built and installed beside PyPI's boto3-stubs, where
`boto3.client("s3")` is inferred as our S3Client; `--flavor` on the command line, stamps and sweeping of
several families in one folder; every service generates, and a fixed-seed sample is strict-clean."""

from __future__ import annotations

import re
import shutil
import subprocess
import venv
import zipfile
from pathlib import Path

import pytest
from conftest import (
    BOTOCORE_PIN,
    CLI,
    REPO,
    USAGE,
    TypeCheckers,
    assert_exactly_marked_lines_flagged,
    pip_env,
    report,
    site_packages,
    tree,
    type_checked_files,
)
from families import BOTO3_STUBS_PIN, SAMPLE_SIZE, Generation, gather, sample

from generator.ir.family import BOTO3, FAMILIES, MYPY_BOTO3

SERVICES = ("s3", "dynamodb", "sqs")
FLAGGED_LINES = {"s3": 20, "dynamodb": 9, "sqs": 6}  # as in tests/test_paginators_waiters_usage.py


def _renamed(text: str, service: str) -> str:
    """A types-boto3 text in the mypy-boto3 family's names."""
    module = service.replace("-", "_")
    return (
        text.replace(f"types_boto3_{module}", f"mypy_boto3_{module}")
        .replace(f"types-boto3-{service}", f"mypy-boto3-{service}")
        .replace("types-boto3", "boto3-stubs")
    )


def test_unknown_flavor_is_one_line_and_exit_2(cli: CLI, tmp_path: Path) -> None:
    for command in (["generate", "s3", "--no-docs"], ["build", "s3", "--dist", str(tmp_path / "dist")]):
        result = cli(*command, "--flavor", "boto4", "--output", str(tmp_path / "out"))
        assert result.returncode == 2, result.stderr
        assert result.stderr.splitlines() == [
            "boto-typegen: error: unknown --flavor 'boto4' (choose from types-boto3, mypy-boto3, types-aiobotocore)"
        ]
        assert not (tmp_path / "out").exists()
    assert list(FAMILIES) == ["types-boto3", "mypy-boto3", "types-aiobotocore"]


def test_the_same_package_under_other_names(cli: CLI, tmp_path: Path) -> None:
    """Every file of mypy-boto3-s3 is types-boto3-s3's with the names (and companion stubs) swapped."""
    for family in (BOTO3, MYPY_BOTO3):
        result = cli("generate", "s3", "--flavor", family.prefix, "--output", "out", "--docs", "docs")
        assert result.returncode == 0, result.stderr
    ours = tree(tmp_path / "out" / "types-boto3-s3")
    theirs = tree(tmp_path / "out" / "mypy-boto3-s3")
    assert sorted(theirs) == sorted(_renamed(path, "s3") for path in ours)
    for path, data in ours.items():
        assert theirs[_renamed(path, "s3")].decode() == _renamed(data.decode(), "s3"), path
    assert 'dependencies = [\n    "botocore-stubs",\n    "boto3-stubs",' in theirs["pyproject.toml"].decode()
    assert "types_boto3" not in "".join(data.decode() for data in theirs.values())
    # the family's docs pages have their own folder and index, beside the default family's
    pages = tree(tmp_path / "docs" / "mypy-boto3")
    assert "index.md" in pages and "mypy_boto3_s3/client.md" in pages and "mypy_boto3_s3/usage.md" in pages
    assert "`mypy-boto3-s3`" in pages["index.md"].decode()
    assert "types_boto3" not in "".join(data.decode() for data in pages.values())
    assert (tmp_path / "docs" / "types_boto3_s3" / "client.md").is_file()
    assert "mypy" not in (tmp_path / "docs" / "index.md").read_text()


def test_families_in_one_folder_keep_their_own_stamps_and_sweeping(cli: CLI, tmp_path: Path) -> None:
    for family in (BOTO3, MYPY_BOTO3):
        first = cli("generate", "sagemaker-edge", "--flavor", family.prefix, "--output", "out", "--no-docs")
        assert re.fullmatch(r"sagemaker-edge: \d+ files in out\n", first.stdout), first.stdout
    for family in (BOTO3, MYPY_BOTO3):
        again = cli("generate", "sagemaker-edge", "--flavor", family.prefix, "--output", "out", "--no-docs")
        assert again.stdout == "sagemaker-edge: up to date in out\n", again.stdout
    # a staging folder a killed run left (its process is gone) is swept, for every family's names
    dead = subprocess.Popen(["true"])
    dead.wait()
    left = [f".{family.prefix}-sagemaker-edge.{dead.pid}.x1.tmp" for family in FAMILIES.values()]
    for name in left:
        (tmp_path / "out" / name).mkdir()
    cli("generate", "sagemaker-edge", "--flavor", MYPY_BOTO3.prefix, "--output", "out", "--no-docs")
    assert not [name for name in left if (tmp_path / "out" / name).exists()]


def test_build_makes_the_family_s_distributions(cli: CLI, tmp_path: Path) -> None:
    result = cli("build", "sagemaker-edge", "--flavor", MYPY_BOTO3.prefix, "--dist", "dist", "--output", "out")
    assert result.returncode == 0, result.stderr
    names = sorted(path.name for path in (tmp_path / "dist").iterdir())
    assert names == [
        f"mypy_boto3_sagemaker_edge-{BOTOCORE_PIN}-py3-none-any.whl",
        f"mypy_boto3_sagemaker_edge-{BOTOCORE_PIN}.tar.gz",
    ]
    with zipfile.ZipFile(tmp_path / "dist" / names[0]) as wheel:
        assert "mypy_boto3_sagemaker_edge/client.pyi" in wheel.namelist()


@pytest.fixture(scope="module")
def beside_boto3_stubs(tmp_path_factory: pytest.TempPathFactory, constraints: Path) -> tuple[str, Path]:
    """A new virtualenv with PyPI's boto3-stubs (no extras), mypy, and our s3, dynamodb and sqs wheels; its python,
    and the usage files of tests/usage in the family's names."""
    root = tmp_path_factory.mktemp("mypy-boto3")
    from conftest import run_cli

    built = run_cli("build", *SERVICES, "--flavor", MYPY_BOTO3.prefix, "--dist", "dist", "--output", "out", cwd=root)
    assert built.returncode == 0, built.stderr
    venv.EnvBuilder(with_pip=True).create(root / "venv")
    python = str(root / "venv" / "bin" / "python")
    wheels = [str(path) for path in (root / "dist").glob("*.whl")]
    assert len(wheels) == len(SERVICES)
    install = subprocess.run(
        [python, "-m", "pip", "install", "-q", *wheels, f"boto3-stubs=={BOTO3_STUBS_PIN}", "mypy"],
        capture_output=True,
        text=True,
        timeout=900,
        env=pip_env(constraints),
    )
    assert install.returncode == 0, install.stdout[-3000:] + install.stderr[-3000:]
    usage = root / "usage"
    usage.mkdir()
    for service in SERVICES:
        for kind in ("ok", "bad"):
            name = f"{service}_client_{kind}.py"
            (usage / name).write_text(_renamed((USAGE / name).read_text(), service))
    return python, usage


def test_boto3_client_is_inferred_as_ours_beside_boto3_stubs(
    beside_boto3_stubs: tuple[str, Path], checkers: TypeCheckers, tmp_path: Path
) -> None:
    python, usage = beside_boto3_stubs
    good = tmp_path / "clients.py"
    good.write_text(
        "from typing import assert_type\n\nimport boto3\n\nfrom mypy_boto3_s3.client import S3Client\n"
        "from mypy_boto3_sqs.client import SQSClient\n\n"
        'assert_type(boto3.client("s3"), S3Client)  # pyright: ignore[reportUnknownMemberType]\n'
        'assert_type(boto3.session.Session().client("sqs"), SQSClient)  # pyright: ignore[reportUnknownMemberType]\n'
    )
    found = checkers.mypy([str(good)], python=python) + checkers.pyright([str(good)], python=python)
    assert not found, report(found)
    # what the check rests on: the published boto3-stubs, whose overloads import mypy_boto3_<service>
    site = site_packages(python)
    assert "from mypy_boto3_s3.client import S3Client" in (Path(site) / "boto3-stubs" / "session.pyi").read_text()


def test_usage_files_in_the_family_s_names(
    beside_boto3_stubs: tuple[str, Path], checkers: TypeCheckers, tmp_path: Path
) -> None:
    """tests/usage's s3, dynamodb and sqs files, renamed: correct lines clean, each wrong line flagged, exactly."""
    python, usage = beside_boto3_stubs
    files = [str(usage / f"{service}_client_{kind}.py") for service in SERVICES for kind in ("ok", "bad")]
    found = checkers.mypy(files, python=python) + checkers.pyright(files, python=python)
    assert not found, report(found)
    bad = {usage / f"{service}_client_bad.py": FLAGGED_LINES[service] for service in SERVICES}
    assert_exactly_marked_lines_flagged(checkers, bad, None, tmp_path, python=python)


@pytest.mark.slow
def test_every_service_generates_and_a_sample_is_strict_clean(
    mypy_boto3_every_service: Generation, checkers: TypeCheckers, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    generation = mypy_boto3_every_service
    assert len(generation.services) > 400
    chosen = sample(generation.services)
    assert len(chosen) == SAMPLE_SIZE
    site = tmp_path / "site"
    modules = gather(generation, chosen, site)
    found = checkers.mypy([argument for module in modules for argument in ("-p", module)], stubs=site)
    assert not found, report(found[:60])
    found = checkers.pyright([path for module in modules for path in type_checked_files(site / module)], stubs=site)
    assert not found, report(found[:60])
    with capsys.disabled():
        print(f"\nmypy-boto3: {len(generation.services)} packages generated in {generation.seconds:.0f} s")


def test_the_family_s_pages_are_their_own_nav_section_in_a_strict_site_build(cli: CLI, tmp_path: Path) -> None:
    shutil.copytree(REPO / "docs", tmp_path / "docs")
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "generator").mkdir()
    shutil.copy(REPO / "generator" / "site_hooks.py", tmp_path / "generator" / "site_hooks.py")
    result = cli("generate", "sqs", "--flavor", MYPY_BOTO3.prefix, "--output", "out", "--docs", "docs")
    assert result.returncode == 0, result.stderr
    built = cli("docs", "build", "--config", "mkdocs.yml", "--site-dir", "site")
    assert built.returncode == 0, built.stdout + built.stderr
    page = (tmp_path / "site" / "index.html").read_text()
    titles = [title.strip() for title in re.findall(r'<span class="md-ellipsis">\s*([^<]+?)\s*</span>', page)]
    # the default family's services at the top, the family's folder a section holding its services
    assert "sagemaker-edge" in titles and "mypy-boto3" in titles and "sqs" in titles, titles
    assert (tmp_path / "site" / "mypy-boto3" / "mypy_boto3_sqs" / "usage" / "index.html").is_file()
