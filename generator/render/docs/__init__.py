"""The documentation pages of one service (file path relative to the docs folder to markdown), and the
site's top-level index of every service folder present."""

from __future__ import annotations

from typing import Sequence

from ...ir.family import Family
from ...ir.package import ServicePackage
from ..environment import environment, render_tree
from .pages import SiteService
from .view import DocsView


def render_docs(package: ServicePackage) -> dict[str, str]:
    view = DocsView(package)
    files = render_tree("docs/package", {}, view.skip, package=package, view=view)
    return {f"{package.module_name}/{path}": text for path, text in files.items()}


def render_site_index(services: Sequence[SiteService], family: Family) -> str:
    return environment().get_template("docs/index.md.jinja").render(services=services, family=family)
