"""Which botocore version a generation is made from: the one whose `data/` folder is read.

The rule: a version the user states wins; else a `--data-path` inside a botocore installation
(`.../botocore/data`) gives that installation's `__version__` (or the dist-info beside it); else,
with no `--data-path`, the installed botocore's. A bare folder whose version cannot be known is
reported by `VersionSource.known` being False, and the command line warns that it falls back.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

import botocore

from ..errors import GeneratorError
from ..ir.records import record

# PEP 440 releases as botocore publishes them (1.40.0, 1.40.0rc1, 1.40.0.dev3)
_VERSION = re.compile(r"\d+(\.\d+)*((a|b|rc)\d+)?(\.(post|dev)\d+)?")


class VersionError(GeneratorError):
    """A stated botocore version that is not one."""

    exit_code = 2


@record
class VersionSource:
    """The version written into a generation, and where it came from (for the user)."""

    version: str
    origin: str  # "stated", "installation <path>", "installed botocore", "unknown"

    @property
    def known(self) -> bool:
        return self.origin != "unknown"


def data_version(data_path: Optional[Path], stated: Optional[str] = None) -> VersionSource:
    if stated is not None:
        if not _VERSION.fullmatch(stated):
            raise VersionError(f"--botocore-version {stated!r}: not a version (expected e.g. 1.40.0)")
        return VersionSource(stated, "stated")
    if data_path is None:
        return VersionSource(botocore.__version__, "installed botocore")
    found = installation_version(data_path)
    if found is not None:
        return VersionSource(found, f"installation {data_path.resolve().parent}")
    return VersionSource(botocore.__version__, "unknown")


def installation_version(data_path: Path) -> Optional[str]:
    """The version of the botocore installation `data_path` is the `data/` folder of, if it is one."""
    package = data_path.resolve().parent
    if data_path.resolve().name != "data" or package.name != "botocore":
        return None
    import ast  # only for --data-path of another installation: a small run need not load the module

    init = package / "__init__.py"
    try:
        tree = ast.parse(init.read_text(encoding="utf-8"))
    except (OSError, SyntaxError, UnicodeDecodeError):
        tree = None
    for node in tree.body if tree is not None else ():
        if (
            isinstance(node, ast.Assign)
            and any(isinstance(target, ast.Name) and target.id == "__version__" for target in node.targets)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            return node.value.value
    for info in sorted(package.parent.glob("botocore-*.dist-info")):
        version = info.name[len("botocore-") : -len(".dist-info")]
        if _VERSION.fullmatch(version):
            return version
    return None


class MissingLibraryError(GeneratorError):
    """A family versioned by a library (aiobotocore) that is not installed."""


def library_version(library: str) -> Optional[str]:
    """The installed version of the library a family's releases are numbered by; None for botocore, whose
    version is the data's (data_version)."""
    if library == "botocore":
        return None
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(library)
    except PackageNotFoundError:
        raise MissingLibraryError(
            f"{library} is not installed; its family is generated beside it (pip install 'boto-typegen[{library}]')"
        ) from None
