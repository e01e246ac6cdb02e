"""Every service botocore ships generates a stub package whose every Python file parses."""

from __future__ import annotations

import ast
import subprocess
from pathlib import Path

import pytest
from conftest import REPO, cli_command

from generator.parse.source import BotocoreData

# two CLI processes, one per core of the CI machine
WORKERS = 2


def _model_size(data: BotocoreData, service: str) -> int:
    path = data._path(service, "service-2")
    return Path(path).stat().st_size if path else 0


def _shares(services: list[str], data: BotocoreData) -> list[list[str]]:
    """Services dealt round-robin, biggest model first, so each worker gets a like share of work."""
    ordered = sorted(services, key=lambda service: (-_model_size(data, service), service))
    return [ordered[index::WORKERS] for index in range(WORKERS)]


@pytest.mark.slow
def test_every_service_generates_and_parses(tmp_path: Path) -> None:
    data = BotocoreData()
    services = list(data.service_names())
    assert len(services) > 300
    output = tmp_path / "stubs"
    workers = [
        subprocess.Popen(
            [*cli_command(), "generate", *share, "--output", str(output), "--no-docs"],
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for share in _shares(services, data)
    ]
    for worker in workers:
        _, stderr = worker.communicate(timeout=3000)
        assert worker.returncode == 0, stderr[-3000:]

    packages = sorted(path.name for path in output.iterdir())
    assert packages == sorted(f"types-boto3-{service}" for service in services)
    failures = []
    parsed = 0
    for path in sorted(output.rglob("*.py*")):
        if path.suffix not in (".py", ".pyi"):
            continue
        try:
            ast.parse(path.read_text(encoding="utf-8"), filename=str(path), feature_version=(3, 9))
        except SyntaxError as error:
            failures.append(f"{path.relative_to(output)}:{error.lineno}: {error.msg}")
        parsed += 1
    assert not failures, "\n".join(failures[:50])
    assert parsed >= 5 * len(services)
    assert not list(REPO.glob("output/.*.tmp")), "a temporary folder leaked into the repository"
