"""Each endpoint prefix's regions (the RegionName literal), as botocore's EndpointResolver lists them for the
aws partition of its endpoints data.

They are worked out for every prefix at once and kept in the cache folder, keyed by the endpoints file's
content and botocore's version: parsing that 1.2 MB file was a sixth of a small service's run.
"""

from __future__ import annotations

from typing import Any, Callable

import botocore

from ..cache import cache_dir, file_digest, keep_json, kept_json

PARTITION = "aws"


def regions_by_prefix(endpoints: Any) -> dict[str, list[str]]:
    """{endpoint prefix: its regions, sorted} for every service of the aws partition."""
    from botocore.regions import EndpointResolver  # with jmespath, only when a table is made

    resolver = EndpointResolver(endpoints)
    prefixes = {
        prefix
        for partition in endpoints["partitions"]
        if partition["partition"] == PARTITION
        for prefix in partition["services"]
    }
    return {prefix: sorted(resolver.get_available_endpoints(prefix, PARTITION)) for prefix in sorted(prefixes)}


def cached_regions(path: str, load: Callable[[], Any]) -> dict[str, list[str]]:
    """regions_by_prefix of the endpoints file at `path`, which `load` parses when the cache has no table
    this botocore made from this content."""
    digest = file_digest(path)
    if digest.startswith("unreadable"):
        return regions_by_prefix(load())  # load reports the file as it fails
    stored = cache_dir() / "regions" / f"{botocore.__version__}-{digest}.json"
    table = kept_json(stored)
    if isinstance(table, dict) and all(isinstance(regions, list) for regions in table.values()):
        return table
    table = regions_by_prefix(load())
    keep_json(stored, table)  # a table that cannot be kept only costs a parse next time
    return table
