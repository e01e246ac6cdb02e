"""Every service botocore ships generates a stub package that mypy --strict and pyright strict find nothing
in: all packages generated with `--all`, gathered in one search folder, then one mypy run over all of them
and pyright in two halves side by side (one per core of the CI machine)."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import Diagnostic, EveryService, TypeCheckers, type_checked_files


def _report(diagnostics: list[Diagnostic]) -> str:
    return "\n".join(map(str, diagnostics[:60])) + (f"\n... {len(diagnostics)} in all" if len(diagnostics) > 60 else "")


@pytest.mark.slow
def test_every_package_is_clean_under_mypy_and_pyright_strict(
    checkers: TypeCheckers, every_service: EveryService, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    services = every_service.services
    assert len(services) > 400
    output = every_service.output
    generated = time.monotonic()

    # one search folder holding every import package, as site-packages would
    site = tmp_path / "site"
    site.mkdir()
    for service in services:
        module = "types_boto3_" + service.replace("-", "_")
        package = output / f"types-boto3-{service}" / module
        assert package.is_dir(), package
        (site / module).symlink_to(package, target_is_directory=True)
    modules = sorted(path.name for path in site.iterdir())
    assert len(modules) == len(services)

    found = checkers.mypy([argument for module in modules for argument in ("-p", module)], stubs=site)
    assert not found, _report(found)
    checked_mypy = time.monotonic()

    halves = [
        [path for module in modules[index::2] for path in type_checked_files(site / module)] for index in range(2)
    ]
    with ThreadPoolExecutor(max_workers=2) as pool:
        found = [
            item for half in pool.map(lambda targets: checkers.pyright(targets, stubs=site), halves) for item in half
        ]
    assert not found, _report(found)
    finished = time.monotonic()
    with capsys.disabled():
        print(
            f"\n{len(modules)} packages: generated in {every_service.seconds:.0f} s, mypy {checked_mypy - generated:.0f} s,"
            f" pyright {finished - checked_mypy:.0f} s"
        )
