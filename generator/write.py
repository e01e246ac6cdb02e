"""Atomic writes: a tree is rendered into a temporary folder beside its target, then moved into place."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from .errors import OutputError


def write_tree(root: Path, top: str, files: dict[str, str]) -> None:
    """Replace `root/top` with exactly `files` (paths relative to root, all under `top`)."""
    target = root / top
    try:
        root.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{top}.", suffix=".tmp", dir=root))
    except OSError as error:
        raise OutputError(f"cannot write to {root}: {error.strerror or error}") from None
    try:
        for path, text in files.items():
            destination = staging / Path(path).relative_to(top)
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.write_text(text, encoding="utf-8", newline="\n")
        _swap(staging, target)
    except OSError as error:
        raise OutputError(f"cannot write {target}: {error.strerror or error}") from None
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def _swap(staging: Path, target: Path) -> None:
    # mkdtemp makes the folder 0700; published files should read like any other
    for folder, _, names in os.walk(staging):
        os.chmod(folder, 0o755)
        for name in names:
            os.chmod(os.path.join(folder, name), 0o644)
    if not target.exists():
        staging.rename(target)
        return
    retired = target.with_name(f".{target.name}.{os.getpid()}.old")
    target.rename(retired)
    staging.rename(target)
    shutil.rmtree(retired, ignore_errors=True)


def write_file(path: Path, text: str) -> None:
    """Replace one file atomically: written beside it, then renamed over it."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror or error}") from None
