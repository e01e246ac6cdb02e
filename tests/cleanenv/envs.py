"""Clean virtualenvs for the run-time check (boto3, botocore and, below 3.12, typing-extensions; no stub
package), what the IR expects of each package's run-time modules, and one check subprocess per batch.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Optional

from generator.ir.defs import TypedDictDef
from generator.ir.package import ServicePackage
from generator.ir.types import Module

PINS = (
    "boto3==1.44.8",
    "botocore==1.44.8",
    'typing-extensions==4.15.0; python_version < "3.12"',
)
# boto3 1.44 requires Python 3.10: on 3.9 the modules run beside the last boto3 release that supports it
PINS_BY_VERSION = {"3.9": ("boto3==1.42.97", "botocore==1.42.97", "typing-extensions==4.15.0")}
VERSIONS = ("3.9", "3.10", "3.11", "3.12", "3.13")
PYENV = Path.home() / ".pyenv" / "versions"
CHECK = Path(__file__).with_name("check.py")


def interpreter(version: str) -> Optional[Path]:
    """pyenv's newest patch release of `version`, if installed."""
    found = sorted(
        PYENV.glob(f"{version}.*/bin/python"),
        key=lambda path: [int(p) for p in path.parts[-3].split(".") if p.isdigit()],
    )
    return found[-1] if found else None


def clean_venv(root: Path, version: str) -> Path:
    """A new virtualenv holding only the pinned run-time dependencies; its python."""
    base = interpreter(version)
    if base is None:
        raise FileNotFoundError(f"no Python {version} under {PYENV}")
    folder = root / f"py{version}"
    subprocess.run([str(base), "-m", "venv", str(folder)], check=True, capture_output=True)
    python = folder / "bin" / "python"
    subprocess.run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "-q",
            "--disable-pip-version-check",
            *PINS_BY_VERSION.get(version, PINS),
        ],
        check=True,
        capture_output=True,
    )
    return python


class CleanVenvs:
    """One clean virtualenv per Python version, made on first use and kept for the test session."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._made: dict[str, Path] = {}

    def python(self, version: str) -> Path:
        if version not in self._made:
            self._made[version] = clean_venv(self.root, version)
        return self._made[version]


@dataclass(frozen=True)
class Expected:
    """What one package's run-time modules must hold: its modules, and each TypedDict's keys."""

    service: str
    path: Path  # the folder holding the import package
    package: str
    modules: tuple[str, ...]
    typed_dicts: dict[str, tuple[list[str], list[str]]]

    @classmethod
    def of(cls, package: ServicePackage, folder: Path) -> Expected:
        modules = tuple(module.value for module in Module if module.value not in package.absent_modules)
        typed_dicts = {
            definition.name: (
                sorted(field.name for field in definition.fields if field.required),
                sorted(field.name for field in definition.fields if not field.required),
            )
            for definition in package.type_defs
            if isinstance(definition, TypedDictDef)
        }
        return cls(package.service_name, folder, package.module_name, modules, typed_dicts)

    def json(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "package": self.package,
            "modules": list(self.modules),
            "typed_dicts": {name: [list(keys[0]), list(keys[1])] for name, keys in self.typed_dicts.items()},
        }


@dataclass(frozen=True)
class Report:
    environment: list[str]
    services: dict[str, list[str]]


class PendingCheck:
    """A check subprocess that runs while the caller does other work; `report()` waits for it."""

    def __init__(self, python: Path, expected: Iterable[Expected], workdir: Path) -> None:
        workdir.mkdir(parents=True, exist_ok=True)
        spec = workdir / f"expected-{Path(python).parts[-3]}.json"
        spec.write_text(json.dumps({item.service: item.json() for item in expected}))
        self.python = python
        # -I: no user site, no PYTHONPATH, no current folder: only the virtualenv and the packages checked
        self._process = subprocess.Popen(
            [str(python), "-I", "-B", str(CHECK), str(spec)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )

    def report(self) -> Report:
        out, err = self._process.communicate()
        if self._process.returncode != 0:
            raise RuntimeError(f"{self.python} {CHECK.name} failed:\n{err[-3000:]}")
        raw = json.loads(out)
        return Report(raw["environment"], raw["services"])


def check(python: Path, expected: Iterable[Expected], workdir: Path) -> Report:
    """One subprocess of `python` imports and checks every package in `expected`."""
    return PendingCheck(python, expected, workdir).report()


def current_python() -> str:
    return f"{sys.version_info.major}.{sys.version_info.minor}"
