"""The committed sagemaker-edge stubs under the real type checkers: the package itself is clean under
mypy --strict and pyright strict, the usage file of correct calls is clean, and every line of the usage file
of wrong calls is flagged with the code it names."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import (
    MODULE,
    PACKAGE_DIR,
    USAGE,
    TypeCheckers,
    assert_exactly_marked_lines_flagged,
    report,
    type_checked_files,
)

GOOD = USAGE / "sagemaker_edge_ok.py"
BAD = USAGE / "sagemaker_edge_bad.py"
# the wrong calls and values in BAD; a line added or lost there must be a deliberate change here too
FLAGGED_LINES = 19


@pytest.mark.parametrize("python_version", ["3.10", "3.12"])
def test_package_is_clean_under_mypy_strict(checkers: TypeCheckers, python_version: str) -> None:
    # 3.10 takes the typing_extensions branch of the stubs' imports, 3.12 the typing one
    found = checkers.mypy(["-p", MODULE], stubs=PACKAGE_DIR, python_version=python_version)
    assert not found, report(found)


@pytest.mark.parametrize("python_version", ["3.9", "3.13"])
def test_package_is_clean_under_pyright_strict(checkers: TypeCheckers, python_version: str) -> None:
    targets = type_checked_files(PACKAGE_DIR / MODULE)
    assert len(targets) == 5 and targets[-1].endswith("version.py")
    found = checkers.pyright(targets, python_version=python_version)
    assert not found, report(found)


def test_good_usage_is_clean(checkers: TypeCheckers) -> None:
    found = checkers.both([str(GOOD)], stubs=PACKAGE_DIR)
    assert not found, report(found)


def test_good_usage_really_checks_inference() -> None:
    text = GOOD.read_text()
    assert 'boto3.client("sagemaker-edge"' in text
    assert text.count("assert_type(") >= 20


def test_bad_usage_every_line_still_flagged(checkers: TypeCheckers) -> None:
    # with warn_unused_ignores / reportUnnecessaryTypeIgnoreComment a line no longer flagged is an error here
    found = checkers.both([str(BAD)], stubs=PACKAGE_DIR)
    assert not found, report(found)


def test_bad_usage_flags_exactly_the_marked_lines(checkers: TypeCheckers, tmp_path: Path) -> None:
    assert_exactly_marked_lines_flagged(checkers, {BAD: FLAGGED_LINES}, PACKAGE_DIR, tmp_path)
