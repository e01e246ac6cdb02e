"""Atomic writes: a tree is rendered into a temporary folder beside its target, then moved into place.

Staging names carry the writing process's id (`.types-boto3-s3.<pid>.<random>.tmp`), so a later run can
sweep what a killed one left without touching a folder another live run is still writing.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

from .errors import OutputError
from .ir.family import FAMILIES

# what write_tree and write_file leave beside their targets while they work (the pid is absent in names
# made before it was added)
_PACKAGES = "|".join(rf"{re.escape(family.prefix)}-[\w-]+|{family.module_prefix}\w+" for family in FAMILIES.values())
_LEFTOVER = re.compile(rf"^\.(?:{_PACKAGES}|index\.md)\.(?:(?P<pid>\d+)\.)?(?:\w+\.tmp|old)$")
# the signals that stop a run; held back while a package is swapped, so it is never half moved
_STOPPING = frozenset({signal.SIGINT, signal.SIGTERM})


def prepare_folder(root: Path) -> None:
    """Make `root`, prove it can be written, and sweep the staging folders killed runs left in it."""
    try:
        root.mkdir(parents=True, exist_ok=True)
        os.rmdir(tempfile.mkdtemp(prefix=f".index.md.{os.getpid()}.", suffix=".tmp", dir=root))
    except OSError as error:
        raise OutputError(f"cannot write to {root}: {error.strerror or error}") from None
    for entry in os.scandir(root):
        match = _LEFTOVER.match(entry.name)
        if match and not _alive(match["pid"]):
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, ignore_errors=True)
            else:
                _unlink(entry.path)


def _alive(pid: Optional[str]) -> bool:
    if pid is None or int(pid) == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process
    return True


def write_tree(root: Path, top: str, files: dict[str, str]) -> None:
    """Replace `root/top` with exactly `files` (paths relative to root, all under `top`)."""
    target = root / top
    try:
        root.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{top}.{os.getpid()}.", suffix=".tmp", dir=root))
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
    with _signals_held():
        if not target.exists():
            staging.rename(target)
            return
        retired = target.with_name(f".{target.name}.{os.getpid()}.old")
        target.rename(retired)
        staging.rename(target)
        shutil.rmtree(retired, ignore_errors=True)


@contextmanager
def _signals_held() -> Iterator[None]:
    """SIGINT and SIGTERM wait until the block is done (they are delivered as it ends)."""
    held = signal.pthread_sigmask(signal.SIG_BLOCK, _STOPPING)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def write_file(path: Path, text: str) -> None:
    """Replace one file atomically: written beside it, then renamed over it."""
    temporary = ""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror or error}") from None
    finally:
        if temporary:
            _unlink(temporary)


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass  # already moved into place, or already gone
