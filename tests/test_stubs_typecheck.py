"""The committed sagemaker-edge stubs under the real type checkers: the package itself is clean under
mypy --strict and pyright strict, the usage file of correct calls is clean, and every line of the usage file
of wrong calls is flagged with the code it names."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import MODULE, PACKAGE_DIR, USAGE, Diagnostic, TypeCheckers

GOOD = USAGE / "sagemaker_edge_ok.py"
BAD = USAGE / "sagemaker_edge_bad.py"
# the wrong calls and values in BAD; a line added or lost there must be a deliberate change here too
FLAGGED_LINES = 19

_IGNORES = re.compile(r"  # type: ignore\[(?P<mypy>[^\]]+)\]  # pyright: ignore\[(?P<pyright>[^\]]+)\]$")


def _expected(path: Path) -> dict[int, tuple[set[str], set[str]]]:
    """Line number → (mypy codes, pyright rules) named by that line's ignore comments."""
    found = {}
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        match = _IGNORES.search(line)
        if match:
            codes = {code.strip() for code in match["mypy"].split(",")}
            rules = {rule.strip() for rule in match["pyright"].split(",")}
            found[number] = (codes, rules)
    return found


def _by_line(diagnostics: list[Diagnostic]) -> dict[int, set[str]]:
    lines: dict[int, set[str]] = {}
    for diagnostic in diagnostics:
        lines.setdefault(diagnostic.line, set()).add(diagnostic.code)
    return lines


def _report(diagnostics: list[Diagnostic]) -> str:
    return "\n".join(map(str, diagnostics))


@pytest.mark.parametrize("python_version", ["3.10", "3.12"])
def test_package_is_clean_under_mypy_strict(checkers: TypeCheckers, python_version: str) -> None:
    # 3.10 takes the typing_extensions branch of the stubs' imports, 3.12 the typing one
    found = checkers.mypy(["-p", MODULE], stubs=PACKAGE_DIR, python_version=python_version)
    assert not found, _report(found)


@pytest.mark.parametrize("python_version", ["3.9", "3.13"])
def test_package_is_clean_under_pyright_strict(checkers: TypeCheckers, python_version: str) -> None:
    found = checkers.pyright([str(PACKAGE_DIR / MODULE)], python_version=python_version)
    assert not found, _report(found)


def test_good_usage_is_clean(checkers: TypeCheckers) -> None:
    found = checkers.mypy([str(GOOD)], stubs=PACKAGE_DIR) + checkers.pyright([str(GOOD)], stubs=PACKAGE_DIR)
    assert not found, _report(found)


def test_good_usage_really_checks_inference() -> None:
    text = GOOD.read_text()
    assert 'boto3.client("sagemaker-edge"' in text
    assert text.count("assert_type(") >= 20


def test_bad_usage_every_line_still_flagged(checkers: TypeCheckers) -> None:
    # with warn_unused_ignores / reportUnnecessaryTypeIgnoreComment a line no longer flagged is an error here
    found = checkers.mypy([str(BAD)], stubs=PACKAGE_DIR) + checkers.pyright([str(BAD)], stubs=PACKAGE_DIR)
    assert not found, _report(found)


def test_bad_usage_flags_exactly_the_marked_lines(checkers: TypeCheckers, tmp_path: Path) -> None:
    """With the ignore comments stripped, each checker reports exactly the marked lines, with their codes."""
    expected = _expected(BAD)
    assert len(expected) == FLAGGED_LINES
    stripped = tmp_path / BAD.name
    stripped.write_text("\n".join(_IGNORES.sub("", line) for line in BAD.read_text().splitlines()) + "\n")
    assert "ignore[" not in stripped.read_text()

    mypy_found = _by_line(checkers.mypy([str(stripped)], stubs=PACKAGE_DIR))
    pyright_found = _by_line(checkers.pyright([str(stripped)], stubs=PACKAGE_DIR))

    assert mypy_found == {line: codes for line, (codes, _) in expected.items()}
    assert pyright_found == {line: rules for line, (_, rules) in expected.items()}
