"""What changes for user code in one service's package since an earlier generation (`generate --changes-since
OLD`): OLD's package of the service against the one just rendered, compared as `diff` compares them."""

from __future__ import annotations

from pathlib import Path
from typing import Mapping, Optional

from ..ir.family import FAMILIES, Family
from ..ir.package import ServicePackage
from ..ir.records import record
from .changes import Report
from .compare import compare_generations
from .reader import PackageFiles, version_of


@record
class ChangesSince:
    """One service's changes since OLD, as `diff OLD NEW` reports them for that service alone."""

    report: Report  # empty when the service is new
    old_version: str  # "" when the service is new
    new_version: str

    @property
    def new(self) -> bool:
        """OLD has no package of the service."""
        return not self.report.services


def changes_since(folder: Path, package: ServicePackage, stubs: Mapping[str, str]) -> ChangesSince:
    """The changes of `package`, whose rendered files (paths under its distribution folder) are `stubs`,
    since its counterpart in the generation `folder`."""
    prefix = f"{package.pypi_name}/{package.module_name}/"
    modules = {path[len(prefix) :]: text for path, text in stubs.items() if path.startswith(prefix)}
    texts = {name[: -len(".pyi")]: text.encode() for name, text in modules.items() if _is_module_stub(name)}
    new = PackageFiles.of(package.pypi_name, texts, version_of(modules.get("version.py", "")))
    old = previous_package(folder, package.service_name, package.family)
    if old is None:
        return ChangesSince(Report([]), "", new.version)
    report = compare_generations({package.service_name: old}, {package.service_name: new})
    return ChangesSince(report, old.version, new.version)


def _is_module_stub(name: str) -> bool:
    return name.endswith(".pyi") and "/" not in name


def previous_package(folder: Path, service: str, family: Family) -> Optional[PackageFiles]:
    """The package of `service` in the generation `folder`: its own family's first, then another family's
    (a distribution is named by its service, and its literals say which it is); None when there is none."""
    families = sorted(FAMILIES.values(), key=lambda each: each != family)
    places = [folder / each.distribution(service) / each.module(service) for each in families]
    places += [init.parent for init in sorted(folder.glob("*/__init__.pyi"))]  # OLD is one distribution's folder
    for place in places:
        if (place / "__init__.pyi").is_file():
            found = PackageFiles.load(place)
            if found.service == service:
                return found
    return None
