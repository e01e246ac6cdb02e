"""The run-time modules of a chunk's packages, in clean virtualenvs: one check subprocess per Python version
for all services of the chunk, not one per module, running while the chunk's check files are written."""

from __future__ import annotations

from pathlib import Path

from cleanenv.envs import Expected, PendingCheck
from generator.parse.package import build_package
from generator.parse.source import BotocoreData

# the oldest and the newest Python the packages support
VERSIONS = ("3.9", "3.13")


def start(services: list[str], stubs_root: Path, pythons: dict[str, Path], workdir: Path) -> dict[str, PendingCheck]:
    """One check subprocess per Python version over the chunk's packages, all running at once; a service
    whose package is missing is left to the generate step."""
    data = BotocoreData()
    expected = []
    for service in services:
        folder = stubs_root / f"types-boto3-{service}"
        if folder.is_dir():
            expected.append(Expected.of(build_package(data.load(service)), folder))
    return {version: PendingCheck(python, expected, workdir / f"py{version}") for version, python in pythons.items()}


def finish(pending: dict[str, PendingCheck]) -> dict[str, dict[str, list[str]]]:
    """service -> Python version -> problems."""
    found: dict[str, dict[str, list[str]]] = {}
    for version, check in pending.items():
        report = check.report()
        for service, problems in report.services.items():
            found.setdefault(service, {})[version] = [*report.environment, *problems]
    return found
