"""The stub package of one service: file path (relative to the package folder) to text."""

from __future__ import annotations

from ..ir.package import ServicePackage
from .environment import render_tree


def render_stubs(package: ServicePackage) -> dict[str, str]:
    files = render_tree(
        "stubs", {"package": package.module_name}, package.absent_modules, package=package
    )
    return {f"{package.pypi_name}/{path}": text for path, text in files.items()}
