"""How botocore's loader reads its JSON files here: as botocore reads them, minus the OrderedDict hook.

botocore's JSONFileLoader parses every model with `object_pairs_hook=OrderedDict`, which costs twice a
plain parse (ec2's model, endpoints.json); a dict keeps the file's order too. The Loader takes the file
loader as a parameter, so everything else (search paths, versions, extras) stays botocore's.
"""

from __future__ import annotations

import gzip
import json
import os
from typing import Any, Optional

from botocore.loaders import JSONFileLoader, Loader

# the suffixes botocore's loader tries, in its order
_OPENERS = ((".json", open), (".json.gz", gzip.open))


class PlainJSONFileLoader(JSONFileLoader):
    def load_file(self, file_path: str) -> Optional[Any]:
        """The data of `file_path` + .json or .json.gz, or None when neither is a file (as botocore's)."""
        for suffix, opener in _OPENERS:
            path = file_path + suffix
            if os.path.isfile(path):
                with opener(path, "rb") as handle:
                    return json.loads(handle.read().decode("utf-8"))
        return None


def model_loader(search_paths: list[str], include_default_search_paths: bool) -> Loader:
    """botocore's Loader over `search_paths` (searched first), reading files with the plain parser."""
    return Loader(
        extra_search_paths=search_paths,
        file_loader=PlainJSONFileLoader(),
        include_default_search_paths=include_default_search_paths,
    )
