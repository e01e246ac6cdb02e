"""The committed sagemaker-edge stubs under the real type checkers: the package itself is clean under
mypy --strict and pyright strict, the usage file of correct calls is clean, and every line of the usage file
of wrong calls is flagged with the code it names."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import MODULE, PACKAGE_DIR, USAGE, TypeCheckers, assert_exactly_marked_lines_flagged, report

GOOD = USAGE / "sagemaker_edge_ok.py"
BAD = USAGE / "sagemaker_edge_bad.py"
# the wrong calls and values in BAD; a line added or lost there must be a deliberate change here too
FLAGGED_LINES = 19


@pytest.mark.parametrize("python_version", ["3.10", "3.12"])
def test_package_is_clean_under_mypy_strict(checkers: TypeCheckers, python_version: str) -> None:
    # 3.10 takes the typing_extensions branch of the stubs' imports, 3.12 the typing one
    found = checkers.mypy(["-p", MODULE], stubs=PACKAGE_DIR, python_version=python_version)
    assert not found, report(found)


def _type_checked_files() -> list[str]:
    """What a checker reads of the package: every stub, and a .py only where no stub stands beside it.

    A run-time module (`client.py` beside `client.pyi`) is never what mypy or pyright resolve an import to;
    it holds what Python evaluates (`EventStream` bare, methods whose body is a docstring), which strict
    checking as source would reject. It is proven by running it: tests/test_runtime_modules.py.
    """
    folder = PACKAGE_DIR / MODULE
    stubs = sorted(folder.glob("*.pyi"))
    alone = [path for path in sorted(folder.glob("*.py")) if not path.with_suffix(".pyi").exists()]
    return [str(path) for path in stubs + alone]


@pytest.mark.parametrize("python_version", ["3.9", "3.13"])
def test_package_is_clean_under_pyright_strict(checkers: TypeCheckers, python_version: str) -> None:
    # pyright given the folder would analyse the run-time modules as source too (mypy -p takes the stubs)
    targets = _type_checked_files()
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
