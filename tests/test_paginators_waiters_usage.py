"""Clients, paginators, waiters and boto3's transfer methods under the real type checkers: s3, dynamodb, ec2,
lambda, sqs and logs generated into a temporary folder; their usage files of correct calls are clean under mypy
--strict and pyright strict, and every line of their usage files of wrong calls is flagged with the code it
names. mypy checks the imported stub packages along with the usage files, so they are clean too."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import USAGE, TypeCheckers, assert_exactly_marked_lines_flagged, generate_site, report

SERVICES = ("s3", "dynamodb", "ec2", "lambda", "sqs", "logs")
GOOD = tuple(USAGE / f"{service}_client_ok.py" for service in SERVICES)
BAD = tuple(USAGE / f"{service}_client_bad.py" for service in SERVICES)
# the wrong calls in BAD, per file; a line added or lost there must be a deliberate change here too
FLAGGED_LINES = {"s3": 20, "dynamodb": 9, "ec2": 11, "lambda": 7, "sqs": 6, "logs": 2}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate_site(SERVICES, tmp_path_factory.mktemp("clients"))


def test_usage_files_cover_paginators_and_waiters() -> None:
    for path in GOOD:
        text = path.read_text()
        assert "get_paginator(" in text and ".paginate(" in text, path.name
        assert text.count("assert_type(") >= 8, path.name
        # sqs and logs have no waiters; every other has
        assert ("get_waiter(" in text) == (not path.name.startswith(("sqs", "logs"))), path.name
    assert "upload_file(" in (USAGE / "s3_client_ok.py").read_text()


def test_good_usage_is_clean(checkers: TypeCheckers, site: Path) -> None:
    targets = [str(path) for path in GOOD]
    found = checkers.both(targets, stubs=site)
    assert not found, report(found)


def test_bad_usage_every_line_still_flagged(checkers: TypeCheckers, site: Path) -> None:
    # with warn_unused_ignores / reportUnnecessaryTypeIgnoreComment a line no longer flagged is an error here
    targets = [str(path) for path in BAD]
    found = checkers.both(targets, stubs=site)
    assert not found, report(found)


def test_bad_usage_flags_exactly_the_marked_lines(checkers: TypeCheckers, site: Path, tmp_path: Path) -> None:
    bad_files = {path: FLAGGED_LINES[service] for service, path in zip(SERVICES, BAD)}
    assert_exactly_marked_lines_flagged(checkers, bad_files, site, tmp_path)
