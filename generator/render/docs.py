"""The documentation pages of one service: file path (relative to the docs folder) to markdown."""

from __future__ import annotations

from ..ir.package import ServicePackage


def render_docs(package: ServicePackage) -> dict[str, str]:
    # filled in by the docs issue (#3); until then a service has no pages
    return {}
