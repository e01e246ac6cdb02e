"""Up-to-date stamps: a service is skipped when a content hash of its inputs matches the stamp its last
generation left, and its output files still hash to what was written. Never timestamps.

The inputs of a service: every file in its botocore (and boto3 resource) model folders on each search
path, botocore's shared data files, the list of service names (every package's ServiceName Literal),
the generator's own code and templates, the versions of the libraries the output depends on, and the
options that change the output.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from functools import lru_cache
from importlib import util
from pathlib import Path
from typing import Any, Iterable, Optional, Sequence

from .ir.records import record


# stamps live in the user's cache folder, keyed by the output folders, so output/, the wheels built from it
# and the drift tests see generated files only
CACHE_ENV = "BOTO_TYPEGEN_CACHE"
_PACKAGE_DIR = Path(__file__).resolve().parent


def cache_dir() -> Path:
    explicit = os.environ.get(CACHE_ENV)
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "boto-typegen"


def digest(*parts: bytes) -> str:
    hasher = hashlib.blake2b(digest_size=20)
    for part in parts:
        hasher.update(len(part).to_bytes(8, "little"))
        hasher.update(part)
    return hasher.hexdigest()


def file_digest(path: str) -> str:
    try:
        with open(path, "rb") as handle:
            return hashlib.blake2b(handle.read(), digest_size=20).hexdigest()
    except OSError as error:  # the loader reports an unreadable model as one line; the key only has to differ
        return f"unreadable:{error.errno}"


def _folder_digests(root: str, skip: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    """(relative path, content hash) of every file under `root` but in folders named in `skip`, sorted;
    [] if it does not exist."""
    found: list[tuple[str, str]] = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(name for name in dirs if name not in skip)
        for name in sorted(names):
            path = os.path.join(folder, name)
            found.append((os.path.relpath(path, root), file_digest(path)))
    return found


def kept_json(path: Path) -> Any:
    """The data of a file of the cache folder, or None when it is missing or unreadable (it is then made again)."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def keep_json(path: Path, data: object) -> None:
    """Write `data` to a file of the cache folder whole or not at all; one that cannot be written is left out."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(data, stream)
        os.replace(temporary, path)
    except OSError:
        pass


@lru_cache(maxsize=1)
def generator_fingerprint() -> str:
    """The generator's code and templates, and the versions of what shapes the output."""
    parts: list[bytes] = [sys.version.split()[0].encode()]
    for library in ("botocore", "boto3", "black", "jinja2", "aiobotocore"):
        parts.append(f"{library}={_installed_version(library)}".encode())
    from .render.environment import templates_dir

    for root in (_PACKAGE_DIR, templates_dir()):
        for relative, hashed in _folder_digests(str(root), skip=frozenset({"__pycache__"})):
            parts.append(f"{relative}:{hashed}".encode())
    return digest(*parts)


def _installed_version(name: str) -> str:
    """The version in the library's dist-info folder name (importlib.metadata costs more than a small run)."""
    spec = util.find_spec(name)
    if spec is None or spec.origin is None:
        return "none"
    site = os.path.dirname(os.path.dirname(spec.origin))
    prefix = f"{name}-"
    for entry in os.listdir(site):
        if entry.startswith(prefix) and entry.endswith(".dist-info"):
            return entry[len(prefix) : -len(".dist-info")]
    return "unknown"


def _boto3_data() -> Optional[str]:
    spec = util.find_spec("boto3")  # finds the folder without importing boto3
    if spec is None or not spec.submodule_search_locations:
        return None
    return os.path.join(list(spec.submodule_search_locations)[0], "data")


@record
class Inputs:
    """What every service's key shares: search paths, shared data files, service names, generator."""

    search_paths: tuple[str, ...]
    shared: str

    @classmethod
    def scan(cls, search_paths: Sequence[str], service_names: Iterable[str], options: str) -> "Inputs":
        roots = tuple(path for path in search_paths if os.path.isdir(path))
        boto3_data = _boto3_data()
        if boto3_data and os.path.isdir(boto3_data):
            roots += (boto3_data,)
        parts = [generator_fingerprint().encode(), options.encode(), "\n".join(service_names).encode()]
        for root in roots:
            parts.append(root.encode())
            for entry in sorted(os.scandir(root), key=lambda item: item.name):
                if entry.is_file():
                    parts.append(f"{entry.name}:{file_digest(entry.path)}".encode())
        return cls(roots, digest(*parts))

    def key(self, service: str) -> str:
        parts = [self.shared.encode()]
        for root in self.search_paths:
            for relative, hashed in _folder_digests(os.path.join(root, service)):
                parts.append(f"{root}/{relative}:{hashed}".encode())
        return digest(*parts)


class Stamps:
    """The stamps of one pair of output folders (stubs, docs)."""

    def __init__(self, output: Path, docs: Optional[Path], root: Optional[Path] = None, family: str = "") -> None:
        folders = f"{output.resolve()}\n{docs.resolve() if docs is not None else ''}"
        if family:  # another family's packages of the same service in the same folders have their own stamps
            folders += f"\n{family}"
        self.folder = (root or cache_dir()) / "stamps" / digest(folders.encode())[:16]

    def _path(self, service: str) -> Path:
        return self.folder / f"{service}.json"

    def is_current(self, service: str, key: str) -> bool:
        stamp = kept_json(self._path(service))
        if not isinstance(stamp, dict) or stamp.get("key") != key:
            return False
        trees = stamp.get("trees")
        if not isinstance(trees, dict) or not trees:
            return False
        # the output must still be exactly what was written: an edited or deleted file means redo
        return all(
            isinstance(files, list) and [list(pair) for pair in _folder_digests(tree)] == files
            for tree, files in trees.items()
        )

    def record(self, service: str, key: str, trees: Sequence[Path]) -> None:
        stamp = {
            "key": key,
            "trees": {str(tree.resolve()): [list(pair) for pair in _folder_digests(str(tree))] for tree in trees},
        }
        keep_json(self._path(service), stamp)  # a stamp that cannot be kept only costs a regeneration next time

    def forget(self, service: str) -> None:
        try:
            self._path(service).unlink()
        except OSError:
            pass
