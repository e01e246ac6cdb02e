"""Every service botocore ships generates a stub package that mypy --strict and pyright strict find nothing
in: all packages generated with `--all`, gathered in one search folder, then one mypy run over all of them
beside pyright in two halves (three processes on the CI machine's two cores)."""

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

    # mypy and the two pyright halves side by side: mypy alone would leave a core idle for its 40 s
    halves = [
        [path for module in modules[index::2] for path in type_checked_files(site / module)] for index in range(2)
    ]
    with ThreadPoolExecutor(max_workers=3) as pool:
        mypy = pool.submit(checkers.mypy, [argument for module in modules for argument in ("-p", module)], stubs=site)
        pyright = [pool.submit(checkers.pyright, half, stubs=site) for half in halves]
        found_mypy = mypy.result()
        checked_mypy = time.monotonic()
        found_pyright = [item for half in pyright for item in half.result()]
    finished = time.monotonic()
    assert not found_mypy, _report(found_mypy)
    assert not found_pyright, _report(found_pyright)
    with capsys.disabled():
        print(
            f"\n{len(modules)} packages: generated in {every_service.seconds:.0f} s, mypy {checked_mypy - generated:.0f} s,"
            f" pyright {finished - generated:.0f} s, side by side"
        )
