"""mkdocs hook of the docs site (mkdocs.yml `hooks:`): a service's nav section is titled by its service name.

mkdocs titles a folder's section from the folder name ("Types boto3 sagemaker edge"); botocore's service
names have no underscores, so the folder name gives the service name back exactly.
"""

from __future__ import annotations

from typing import Any

_PREFIX = "types_boto3_"


def on_nav(nav: Any, config: Any, files: Any) -> Any:
    for item in nav.items:
        pages = [child for child in getattr(item, "children", None) or () if child.is_page]
        folders = {page.file.src_uri.split("/")[0] for page in pages}
        if item.is_section and len(folders) == 1:
            folder = folders.pop()
            if folder.startswith(_PREFIX):
                item.title = folder[len(_PREFIX) :].replace("_", "-")
    return nav
