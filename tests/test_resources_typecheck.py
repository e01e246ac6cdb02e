"""Service resources under the real type checkers: s3, dynamodb, ec2 and sqs generated into a temporary folder
are clean under mypy --strict and pyright strict, their usage files of correct calls are clean, and every line of
their usage files of wrong calls is flagged with the code it names. The slow test does every resource service.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import (
    USAGE,
    TypeCheckers,
    assert_exactly_marked_lines_flagged,
    generate_site,
    report,
    type_checked_files,
)

from generator.parse.resource_models import resource_service_names

SERVICES = ("s3", "dynamodb", "ec2", "sqs")
GOOD = tuple(USAGE / f"{service}_resource_ok.py" for service in SERVICES)
BAD = tuple(USAGE / f"{service}_resource_bad.py" for service in SERVICES)
# the wrong calls in BAD, per file; a line added or lost there must be a deliberate change here too
FLAGGED_LINES = {"s3": 15, "dynamodb": 10, "ec2": 11, "sqs": 9}


def _module(service: str) -> str:
    return "types_boto3_" + service.replace("-", "_")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate_site(SERVICES, tmp_path_factory.mktemp("resources"))


def test_packages_are_clean_under_mypy_strict(checkers: TypeCheckers, site: Path) -> None:
    targets = [arg for service in SERVICES for arg in ("-p", _module(service))]
    found = checkers.mypy(targets, stubs=site)
    assert not found, report(found)


def test_packages_are_clean_under_pyright_strict(checkers: TypeCheckers, site: Path) -> None:
    targets = [path for service in SERVICES for path in type_checked_files(site / _module(service))]
    found = checkers.pyright(targets, stubs=site)
    assert not found, report(found)


def test_good_usage_is_clean(checkers: TypeCheckers, site: Path) -> None:
    files = [str(path) for path in GOOD]
    found = checkers.both(files, stubs=site)
    assert not found, report(found)


def test_good_usage_really_checks_inference() -> None:
    for service, path in zip(SERVICES, GOOD):
        text = path.read_text()
        assert f'boto3.resource("{service}"' in text, path.name
        assert text.count("assert_type(") >= 12, path.name


def test_bad_usage_every_line_still_flagged(checkers: TypeCheckers, site: Path) -> None:
    files = [str(path) for path in BAD]
    found = checkers.both(files, stubs=site)
    assert not found, report(found)


def test_bad_usage_flags_exactly_the_marked_lines(checkers: TypeCheckers, site: Path, tmp_path: Path) -> None:
    bad_files = {path: FLAGGED_LINES[service] for service, path in zip(SERVICES, BAD)}
    assert_exactly_marked_lines_flagged(checkers, bad_files, site, tmp_path)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("mypy_version", "pyright_version"),
    [(None, None), ("3.10", "3.9")],
    ids=["current", "oldest"],  # 3.10 takes the typing_extensions branch of the imports; pyright goes to 3.9
)
def test_every_resource_service_is_clean(
    checkers: TypeCheckers, tmp_path: Path, mypy_version: str | None, pyright_version: str | None
) -> None:
    services = resource_service_names()
    assert len(services) >= 9
    site = generate_site(services, tmp_path)
    targets = [arg for service in services for arg in ("-p", _module(service))]
    found = checkers.mypy(targets, stubs=site, python_version=mypy_version)
    packages = [path for service in services for path in type_checked_files(site / _module(service))]
    found += checkers.pyright(packages, stubs=site, python_version=pyright_version)
    assert not found, report(found)
