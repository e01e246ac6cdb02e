"""The documentation pages of one service (file path relative to the docs folder to markdown), and the
site's top-level index of every service folder present."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Sequence

from ...ir.family import Family
from ...ir.package import ServicePackage
from ..environment import environment, render_tree
from .pages import SiteService
from .view import DocsView

if TYPE_CHECKING:
    from ...diff.since import ChangesSince


def render_docs(package: ServicePackage, changes: Optional[ChangesSince] = None) -> dict[str, str]:
    """The pages; with `changes` (`generate --changes-since OLD`), changes.md too."""
    view = DocsView(package, changes is not None)
    page = None
    if changes is not None:
        from .changes import ChangesPage  # a plain generate need not load diff's report

        page = ChangesPage(changes, view.anchors())
    files = render_tree("docs/package", {}, view.skip, package=package, view=view, changes=page)
    return {f"{package.module_name}/{path}": text for path, text in files.items()}


def render_site_index(services: Sequence[SiteService], family: Family) -> str:
    return environment().get_template("docs/index.md.jinja").render(services=services, family=family)
