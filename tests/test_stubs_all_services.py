"""Every service botocore ships generates a stub package whose every Python file parses."""

from __future__ import annotations

import ast

import pytest
from conftest import REPO, EveryService


@pytest.mark.slow
def test_every_service_generates_and_parses(every_service: EveryService) -> None:
    assert len(every_service.services) > 300
    output = every_service.output
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
    assert parsed >= 5 * len(every_service.services)
    assert not [path.name for path in output.iterdir() if path.name.startswith(".")], "a staging folder was left"
    assert not list(REPO.glob("output/.*.tmp")), "a temporary folder leaked into the repository"
