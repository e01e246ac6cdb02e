"""The committed stub output is what the generator makes today, byte for byte, every time, and black-clean.

When a change to the generator alters the stubs on purpose, `boto-typegen generate` (from the repository
root) rewrites output/ and the new files are committed with the change.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import botocore
from conftest import BOTOCORE_PIN, MODULE, OUTPUT, PACKAGE_DIR, REPO, run_cli, tree

import pytest

UPDATE_HINT = "output/ drifted from the generator: run `boto-typegen generate` and commit output/ if intended"


def _generate(output: Path, hash_seed: str) -> None:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    result = run_cli("generate", "--output", str(output), "--no-docs", cwd=REPO, env=env)
    assert result.returncode == 0, result.stderr


def _diff(committed: dict[str, bytes], fresh: dict[str, bytes]) -> list[str]:
    return sorted(
        [f"only committed: {path}" for path in committed.keys() - fresh.keys()]
        + [f"only generated: {path}" for path in fresh.keys() - committed.keys()]
        + [f"differs: {path}" for path in committed.keys() & fresh.keys() if committed[path] != fresh[path]]
    )


@pytest.mark.skipif(botocore.__version__ != BOTOCORE_PIN, reason=f"output/ is pinned to botocore {BOTOCORE_PIN}")
def test_committed_output_does_not_drift(fresh_output: Path) -> None:
    committed, fresh = tree(OUTPUT), tree(fresh_output)
    assert committed, "output/ is empty"
    assert not _diff(committed, fresh), UPDATE_HINT + "\n" + "\n".join(_diff(committed, fresh))


def test_two_generations_are_byte_identical(fresh_output: Path, tmp_path: Path) -> None:
    # a different hash seed shakes out any order that leans on set or dict-of-set iteration
    _generate(tmp_path / "again", hash_seed="12345")
    first, second = tree(fresh_output), tree(tmp_path / "again")
    assert len(first) >= 9
    assert first == second, "\n".join(_diff(first, second))


MODULES = ("__init__", "client", "literals", "type_defs")


def test_committed_package_has_the_expected_files() -> None:
    assert sorted(tree(PACKAGE_DIR)) == sorted(
        [
            "LICENSE",
            "README.md",
            "pyproject.toml",
            # each stub with its run-time module beside it
            *(f"{MODULE}/{name}{suffix}" for name in MODULES for suffix in (".py", ".pyi")),
            f"{MODULE}/py.typed",
            f"{MODULE}/version.py",
        ]
    )


@pytest.mark.parametrize("which", ["committed", "fresh"])
def test_black_demands_no_change(which: str, fresh_output: Path) -> None:
    root = PACKAGE_DIR if which == "committed" else fresh_output / PACKAGE_DIR.name
    sources = sorted(str(path) for path in root.rglob("*") if path.suffix in (".py", ".pyi"))
    assert len(sources) == 9  # four stubs, the four run-time modules beside them, version.py
    # black picks .pyi mode by suffix; the targets are the ones the stubs support
    result = subprocess.run(
        [sys.executable, "-m", "black", "--check", "--diff", "--target-version", "py39", *sources],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(sources)} files would be left unchanged" in result.stderr
