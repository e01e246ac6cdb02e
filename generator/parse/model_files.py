"""How botocore's loader reads its JSON files here: as botocore reads them, minus the OrderedDict hook.

botocore's JSONFileLoader parses every model with `object_pairs_hook=OrderedDict`, which costs twice a
plain parse (ec2's model, endpoints.json); a dict keeps the file's order too. The Loader takes the file
loader as a parameter, so everything else (search paths, versions, extras) stays botocore's.

Loading one service's paginators or waiters asks botocore's listing of every service that has them, only to
see that this one is in it: a walk of some 450 folders per model type, 4% of a small service's run. The
loader here answers that question from the service's own folders; the listing itself is still botocore's.
"""

from __future__ import annotations

import gzip
import json
import os
from typing import Any, Iterator, Optional, Sequence, overload

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


class ServiceListing(Sequence[str]):
    """botocore's listing of the services with a model type, made when first read; `in` alone looks only at
    that service's folders, for the same answer (as load_service_model uses it)."""

    def __init__(self, loader: "ModelLoader", type_name: str) -> None:
        self._loader = loader
        self._type_name = type_name
        self._services: Optional[list[str]] = None

    def _listed(self) -> list[str]:
        if self._services is None:
            self._services = Loader.list_available_services(self._loader, self._type_name)
        return self._services

    def __contains__(self, name: object) -> bool:
        if self._services is not None:
            return name in self._services
        # botocore lists the folders in each search path: a name with a separator is never one of them
        if not isinstance(name, str) or not name or name in (".", "..") or os.sep in name:
            return False
        exists = self._loader.file_loader.exists
        for root in self._loader.search_folders():
            folder = os.path.join(root, name)
            if os.path.isdir(folder) and any(
                exists(os.path.join(folder, version, self._type_name)) for version in os.listdir(folder)
            ):
                return True
        return False

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: Any) -> Any:
        return self._listed()[index]

    def __len__(self) -> int:
        return len(self._listed())

    def __iter__(self) -> Iterator[str]:
        return iter(self._listed())


class ModelLoader(Loader):
    """botocore's Loader, whose listing of a model type's services answers `in` from that service's folders."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._listings: dict[str, ServiceListing] = {}

    def search_folders(self) -> list[str]:
        """The search paths that are folders, in botocore's order (where its listing looks)."""
        return [path for path in self.search_paths if os.path.isdir(path)]

    def list_available_services(self, type_name: str) -> ServiceListing:  # type: ignore[override]
        if type_name not in self._listings:
            self._listings[type_name] = ServiceListing(self, type_name)
        return self._listings[type_name]


def model_loader(search_paths: list[str], include_default_search_paths: bool) -> ModelLoader:
    """botocore's Loader over `search_paths` (searched first), reading files with the plain parser."""
    return ModelLoader(
        extra_search_paths=search_paths,
        file_loader=PlainJSONFileLoader(),
        include_default_search_paths=include_default_search_paths,
    )
