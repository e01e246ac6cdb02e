"""One service from botocore's model to files on disk: parse, build the IR, render, format, write."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Optional

from .format import format_files
from .ir.family import BOTO3, Family
from .ir.package import ServicePackage
from .ir.records import record
from .parse.package import build_package
from .parse.source import BotocoreData
from .render.docs import render_docs, render_site_index
from .render.docs.pages import site_services
from .render.stubs import render_stubs
from .write import write_file, write_tree


@record
class Written:
    """What one service produced."""

    service: str
    files: int
    folders: tuple[Path, ...] = ()  # the trees written, which the up-to-date stamps hash


def render_service(
    data: BotocoreData,
    service: str,
    use_black: bool = False,
    post: Optional[int] = None,
    family: Family = BOTO3,
    keep_names_from: Optional[Path] = None,
) -> tuple[ServicePackage, dict[str, str]]:
    if keep_names_from is None:
        package = replace(build_package(data.load(service), family), post=post)
    else:
        # imported here: it reads generations through diff's reader, which a plain generate need not load
        from .parse.kept_names import keep_names, previous_names, previous_structures

        previous = previous_names(keep_names_from, service, family)
        package = build_package(data.load(service), family, previous_structures(previous))
        package = keep_names(replace(package, post=post), previous)
    return package, format_files(render_stubs(package), use_black)


def generate_service(
    data: BotocoreData,
    service: str,
    output: Path,
    docs: Optional[Path] = None,
    use_black: bool = False,
    post: Optional[int] = None,
    family: Family = BOTO3,
    keep_names_from: Optional[Path] = None,
    changes_since: Optional[Path] = None,
) -> Written:
    """`changes_since`: a previous generation; the docs get a page of what changes since it."""
    package, stubs = render_service(data, service, use_black, post, family, keep_names_from)
    changes = None
    if docs is not None and changes_since is not None:
        from .diff.since import changes_since as compare  # diff's reader and facts, only when asked for

        changes = compare(changes_since, package, stubs)  # the stubs just rendered, against OLD's
    pages = render_docs(package, changes) if docs is not None else {}  # rendered before either tree is written
    write_tree(output, package.pypi_name, stubs)
    folders = [output / package.pypi_name]
    if docs is not None and pages:
        write_tree(docs / family.docs_folder, package.module_name, pages)
        folders.append(docs / family.docs_folder / package.module_name)
    return Written(service, len(stubs) + len(pages), tuple(folders))


def index_docs(data: BotocoreData, docs: Path, family: Family = BOTO3) -> None:
    """Rewrite the family's index.md from its service folders present, so generating one more service adds it."""
    root = docs / family.docs_folder
    folders = {
        folder.name: {page.name for page in folder.glob("*.md")}
        for folder in root.glob(f"{family.module_prefix}*")
        if (folder / "index.md").is_file()
    }
    write_file(root / "index.md", render_site_index(site_services(folders, data.service_names(), family), family))
