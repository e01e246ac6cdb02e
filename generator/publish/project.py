"""A generated package folder read as a project: its pyproject.toml, README and files, which are all the
wheel and the sdist are made of (the folder stays buildable by its own build backend, too)."""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path

from packaging.requirements import InvalidRequirement, Requirement

from ..errors import GeneratorError
from ..ir.records import record


class DistError(GeneratorError):
    """A package folder that cannot be built, or a distribution that cannot be written."""


@record
class Project:
    """The metadata and files of one package folder."""

    folder: Path
    name: str
    version: str
    summary: str
    readme: str
    readme_type: str
    license_expression: str
    license_files: tuple[str, ...]
    requires_python: str
    dependencies: tuple[str, ...]
    keywords: tuple[str, ...]
    classifiers: tuple[str, ...]
    packages: tuple[str, ...]  # the import packages the wheel holds
    files: tuple[str, ...]  # every file of the folder, relative posix paths, sorted

    @property
    def stem(self) -> str:
        """`name-version` as distribution file names spell it (PEP 427, PEP 625)."""
        return f"{re.sub(r'[-_.]+', '_', self.name).lower()}-{self.version}"

    def read(self, relative: str) -> bytes:
        return (self.folder / relative).read_bytes()


_README_TYPES = {".md": "text/markdown", ".rst": "text/x-rst", ".txt": "text/plain"}


def read_project(folder: Path) -> Project:
    """The project in `folder`; a missing or malformed pyproject.toml is a DistError naming the file."""
    try:
        config = tomllib.loads((folder / "pyproject.toml").read_text(encoding="utf-8"))
        project = config["project"]
        readme = str(project["readme"])
        packages = config["tool"]["hatch"]["build"]["targets"]["wheel"]["packages"]
        return Project(
            folder=folder,
            name=str(project["name"]),
            version=str(project["version"]),
            summary=str(project["description"]),
            readme=(folder / readme).read_text(encoding="utf-8"),
            readme_type=_README_TYPES[Path(readme).suffix.lower()],
            license_expression=str(project["license"]),
            license_files=tuple(map(str, project.get("license-files", ()))),
            requires_python=str(project["requires-python"]),
            dependencies=tuple(map(_requirement, project.get("dependencies", ()))),
            keywords=tuple(sorted(map(str, project.get("keywords", ())))),  # sorted, as hatchling writes them
            classifiers=tuple(map(str, project.get("classifiers", ()))),
            packages=tuple(map(str, packages)),
            files=_files(folder),
        )
    except OSError as error:
        raise DistError(f"cannot read {error.filename or folder}: {error.strerror}") from None
    except (tomllib.TOMLDecodeError, KeyError, TypeError, InvalidRequirement) as error:
        raise DistError(
            f"{folder.name}: pyproject.toml is not a project boto-typegen wrote ({error})"
        ) from None


def _requirement(text: str) -> str:
    """A requirement as written (hatchling writes it so too), once packaging has checked it is one."""
    Requirement(text)
    return text


def _files(folder: Path) -> tuple[str, ...]:
    found: list[str] = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(name for name in dirs if name != "__pycache__")
        found.extend(Path(root, name).relative_to(folder).as_posix() for name in sorted(names))
    return tuple(found)
