"""Clients, paginators, waiters and boto3's transfer methods under the real type checkers: s3, dynamodb, ec2,
lambda and sqs generated into a temporary folder; their usage files of correct calls are clean under mypy
--strict and pyright strict, and every line of their usage files of wrong calls is flagged with the code it
names. mypy checks the imported stub packages along with the usage files, so they are clean too."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import REPO, USAGE, Diagnostic, TypeCheckers, run_cli

SERVICES = ("s3", "dynamodb", "ec2", "lambda", "sqs")
GOOD = tuple(USAGE / f"{service}_client_ok.py" for service in SERVICES)
BAD = tuple(USAGE / f"{service}_client_bad.py" for service in SERVICES)
# the wrong calls in BAD, per file; a line added or lost there must be a deliberate change here too
FLAGGED_LINES = {"s3": 20, "dynamodb": 9, "ec2": 8, "lambda": 7, "sqs": 6}

_IGNORES = re.compile(r"  # type: ignore\[(?P<mypy>[^\]]+)\]  # pyright: ignore\[(?P<pyright>[^\]]+)\]$")


def _module(service: str) -> str:
    return "types_boto3_" + service.replace("-", "_")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`boto-typegen generate SERVICES --no-docs`, then the import packages gathered in one search folder."""
    root = tmp_path_factory.mktemp("clients")
    output = root / "output"
    result = run_cli("generate", *SERVICES, "--output", str(output), "--no-docs", cwd=REPO)
    assert result.returncode == 0, result.stderr
    site = root / "site"
    for service in SERVICES:
        shutil.copytree(output / f"types-boto3-{service}" / _module(service), site / _module(service))
    return site


def _report(diagnostics: list[Diagnostic]) -> str:
    return "\n".join(map(str, diagnostics))


def _expected(path: Path) -> dict[int, tuple[set[str], set[str]]]:
    """Line number → (mypy codes, pyright rules) named by that line's ignore comments."""
    found = {}
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        match = _IGNORES.search(line)
        if match:
            found[number] = (
                {code.strip() for code in match["mypy"].split(",")},
                {rule.strip() for rule in match["pyright"].split(",")},
            )
    return found


def _by_file_and_line(diagnostics: list[Diagnostic]) -> dict[tuple[str, int], set[str]]:
    lines: dict[tuple[str, int], set[str]] = {}
    for diagnostic in diagnostics:
        lines.setdefault((Path(diagnostic.path).name, diagnostic.line), set()).add(diagnostic.code)
    return lines


def test_usage_files_cover_paginators_and_waiters() -> None:
    for path in GOOD:
        text = path.read_text()
        assert "get_paginator(" in text and ".paginate(" in text, path.name
        assert text.count("assert_type(") >= 8, path.name
        # sqs has no waiters; every other of the five has
        assert ("get_waiter(" in text) == (not path.name.startswith("sqs")), path.name
    assert "upload_file(" in (USAGE / "s3_client_ok.py").read_text()


def test_good_usage_is_clean(checkers: TypeCheckers, site: Path) -> None:
    targets = [str(path) for path in GOOD]
    found = checkers.mypy(targets, stubs=site) + checkers.pyright(targets, stubs=site)
    assert not found, _report(found)


def test_bad_usage_every_line_still_flagged(checkers: TypeCheckers, site: Path) -> None:
    # with warn_unused_ignores / reportUnnecessaryTypeIgnoreComment a line no longer flagged is an error here
    targets = [str(path) for path in BAD]
    found = checkers.mypy(targets, stubs=site) + checkers.pyright(targets, stubs=site)
    assert not found, _report(found)


def test_bad_usage_flags_exactly_the_marked_lines(checkers: TypeCheckers, site: Path, tmp_path: Path) -> None:
    """With the ignore comments stripped, each checker reports exactly the marked lines, with their codes."""
    expected_mypy: dict[tuple[str, int], set[str]] = {}
    expected_pyright: dict[tuple[str, int], set[str]] = {}
    stripped = []
    for service, path in zip(SERVICES, BAD):
        expected = _expected(path)
        assert len(expected) == FLAGGED_LINES[service], path.name
        for line, (codes, rules) in expected.items():
            expected_mypy[(path.name, line)] = codes
            expected_pyright[(path.name, line)] = rules
        target = tmp_path / path.name
        target.write_text("\n".join(_IGNORES.sub("", line) for line in path.read_text().splitlines()) + "\n")
        assert "ignore[" not in target.read_text()
        stripped.append(str(target))

    assert _by_file_and_line(checkers.mypy(stripped, stubs=site)) == expected_mypy
    assert _by_file_and_line(checkers.pyright(stripped, stubs=site)) == expected_pyright
