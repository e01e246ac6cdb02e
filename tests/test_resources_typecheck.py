"""Service resources under the real type checkers: s3, dynamodb, ec2 and sqs generated into a temporary folder
are clean under mypy --strict and pyright strict, their usage files of correct calls are clean, and every line of
their usage files of wrong calls is flagged with the code it names. The slow test does every resource service.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import REPO, USAGE, Diagnostic, TypeCheckers, run_cli

from generator.parse.resources import resource_service_names

SERVICES = ("s3", "dynamodb", "ec2", "sqs")
GOOD = tuple(USAGE / f"{service}_resource_ok.py" for service in SERVICES)
BAD = tuple(USAGE / f"{service}_resource_bad.py" for service in SERVICES)
# the wrong calls in BAD, per file; a line added or lost there must be a deliberate change here too
FLAGGED_LINES = {"s3": 15, "dynamodb": 10, "ec2": 11, "sqs": 9}

_IGNORES = re.compile(r"  # type: ignore\[(?P<mypy>[^\]]+)\]  # pyright: ignore\[(?P<pyright>[^\]]+)\]$")


def _module(service: str) -> str:
    return "types_boto3_" + service.replace("-", "_")


def _generate(services: tuple[str, ...], root: Path) -> Path:
    """`boto-typegen generate SERVICES --no-docs`, then the import packages gathered in one search folder."""
    output = root / "output"
    result = run_cli("generate", *services, "--output", str(output), "--no-docs", cwd=REPO)
    assert result.returncode == 0, result.stderr
    site = root / "site"
    for service in services:
        shutil.copytree(output / f"types-boto3-{service}" / _module(service), site / _module(service))
    return site


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _generate(SERVICES, tmp_path_factory.mktemp("resources"))


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


def test_packages_are_clean_under_mypy_strict(checkers: TypeCheckers, site: Path) -> None:
    targets = [arg for service in SERVICES for arg in ("-p", _module(service))]
    found = checkers.mypy(targets, stubs=site)
    assert not found, _report(found)


def test_packages_are_clean_under_pyright_strict(checkers: TypeCheckers, site: Path) -> None:
    found = checkers.pyright([str(site / _module(service)) for service in SERVICES], stubs=site)
    assert not found, _report(found)


def test_good_usage_is_clean(checkers: TypeCheckers, site: Path) -> None:
    files = [str(path) for path in GOOD]
    found = checkers.mypy(files, stubs=site) + checkers.pyright(files, stubs=site)
    assert not found, _report(found)


def test_good_usage_really_checks_inference() -> None:
    for service, path in zip(SERVICES, GOOD):
        text = path.read_text()
        assert f'boto3.resource("{service}"' in text, path.name
        assert text.count("assert_type(") >= 12, path.name


def test_bad_usage_every_line_still_flagged(checkers: TypeCheckers, site: Path) -> None:
    files = [str(path) for path in BAD]
    found = checkers.mypy(files, stubs=site) + checkers.pyright(files, stubs=site)
    assert not found, _report(found)


def test_bad_usage_flags_exactly_the_marked_lines(checkers: TypeCheckers, site: Path, tmp_path: Path) -> None:
    """With the ignore comments stripped, each checker reports exactly the marked lines, with their codes."""
    mypy_expected: dict[tuple[str, int], set[str]] = {}
    pyright_expected: dict[tuple[str, int], set[str]] = {}
    stripped = []
    for service, path in zip(SERVICES, BAD):
        expected = _expected(path)
        assert len(expected) == FLAGGED_LINES[service], path.name
        for line, (codes, rules) in expected.items():
            mypy_expected[(path.name, line)] = codes
            pyright_expected[(path.name, line)] = rules
        copy = tmp_path / path.name
        copy.write_text("\n".join(_IGNORES.sub("", line) for line in path.read_text().splitlines()) + "\n")
        assert "ignore[" not in copy.read_text()
        stripped.append(str(copy))

    assert _by_file_and_line(checkers.mypy(stripped, stubs=site)) == mypy_expected
    assert _by_file_and_line(checkers.pyright(stripped, stubs=site)) == pyright_expected


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
    site = _generate(services, tmp_path)
    targets = [arg for service in services for arg in ("-p", _module(service))]
    found = checkers.mypy(targets, stubs=site, python_version=mypy_version)
    packages = [str(site / _module(service)) for service in services]
    found += checkers.pyright(packages, stubs=site, python_version=pyright_version)
    assert not found, _report(found)
