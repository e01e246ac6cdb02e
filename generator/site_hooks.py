"""mkdocs hook of the docs site (mkdocs.yml `hooks:`): a service's nav section is titled by its service name,
and a family's folder (docs/mypy-boto3/, docs/types-aiobotocore/) by the family's name.

mkdocs titles a folder's section from the folder name ("Types boto3 sagemaker edge"); botocore's service
names have no underscores, so the folder name gives the service name back exactly.
"""

from __future__ import annotations

from typing import Any

from generator.ir.family import FAMILIES

_FOLDERS = {family.docs_folder: family.prefix for family in FAMILIES.values() if family.docs_folder}


def on_nav(nav: Any, config: Any, files: Any) -> Any:
    _title(nav.items, 0)
    return nav


def _title(items: Any, depth: int) -> None:
    for item in items:
        if not item.is_section:
            continue
        pages = [child for child in item.children or () if child.is_page]
        folders = {page.file.src_uri.split("/")[depth] for page in pages if page.file.src_uri.count("/") > depth}
        if len(folders) == 1:
            folder = folders.pop()
            for family in FAMILIES.values():
                if folder.startswith(family.module_prefix):
                    item.title = family.service_of(folder)
            if depth == 0 and folder in _FOLDERS:
                item.title = _FOLDERS[folder]
                _title(item.children, 1)
