"""The pages of a service's docs folder, which of them a service without paginators, waiters or a service
resource skips, and the services of the site's top-level index."""

from __future__ import annotations

from typing import Iterable

from ...ir.family import Family
from ...ir.records import record

# the page of each optional module, skipped (like the module's stub) when a service lacks it
OPTIONAL_PAGES = {"paginator": "paginators", "waiter": "waiters", "service_resource": "service_resource"}


@record
class Page:
    """One page of a service's docs folder: its file, its title and what the index says it holds."""

    file: str
    title: str
    description: str


PAGES = (
    Page("client.md", "Client", "the client class, its exceptions and one section per method"),
    Page("paginators.md", "Paginators", "one class per paginator, from `client.get_paginator`"),
    Page("waiters.md", "Waiters", "one class per waiter, from `client.get_waiter`"),
    Page("service_resource.md", "Service resource", "`boto3.resource`: its resources and their collections"),
    Page("type_defs.md", "Type definitions", "the TypedDicts of requests and results, and their aliases"),
    Page("literals.md", "Literals", "the Literal types of enum values, service and region names"),
    Page("usage.md", "Usage examples", "short worked examples"),
    # only with `generate --changes-since OLD`
    Page("changes.md", "Changes", "what changes for user code since the previous generation"),
)
# the page only `generate --changes-since OLD` writes
CHANGES_PAGE = "changes"


@record
class SiteService:
    """One service folder of the docs site, for the top-level index."""

    name: str
    module: str
    pages: tuple[Page, ...]
    pypi_name: str


def site_services(
    folders: dict[str, set[str]], service_names: Iterable[str], family: Family
) -> tuple[SiteService, ...]:
    """The services whose folders (module name -> page files) are in the family's docs folder, by service name."""
    by_module = {family.module(name): name for name in service_names}
    found = []
    for module, files in folders.items():
        name = by_module.get(module, family.service_of(module))
        pages = tuple(page for page in PAGES if page.file in files)
        found.append(SiteService(name, module, pages, family.distribution(name)))
    return tuple(sorted(found, key=lambda service: service.name))
