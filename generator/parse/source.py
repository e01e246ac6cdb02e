"""Reading botocore's data through botocore.loaders: service names, models, paginators, waiters, regions."""

from __future__ import annotations

import difflib
import json
import os
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

import botocore
from botocore.exceptions import DataNotFoundError
from botocore.loaders import Loader
from botocore.model import ServiceModel
from botocore.regions import EndpointResolver
from botocore.utils import get_service_module_name

from ..errors import ModelError, UnknownServiceError

# what a truncated, corrupt or unreadable JSON (or .json.gz) file raises while botocore loads it
_LOAD_ERRORS = (ValueError, OSError, EOFError, zlib.error, UnicodeDecodeError)


@dataclass
class ServiceSource:
    """One service's botocore data, loaded and checked."""

    name: str
    model: ServiceModel
    class_prefix: str
    regions: tuple[str, ...]
    all_services: tuple[str, ...]
    botocore_version: str
    paginators: dict[str, Any] = field(default_factory=dict)
    waiters: dict[str, Any] = field(default_factory=dict)


class BotocoreData:
    """The models botocore ships (plus any folder given with --data-path, searched first)."""

    def __init__(self, data_path: Optional[Path] = None) -> None:
        extra = [str(data_path)] if data_path else []
        self.loader = Loader(extra_search_paths=extra)
        self.version: str = botocore.__version__

    def service_names(self) -> tuple[str, ...]:
        return tuple(self.loader.list_available_services("service-2"))

    def load(self, service_name: str) -> ServiceSource:
        names = self.service_names()
        if service_name not in names:
            close = difflib.get_close_matches(service_name, names, n=3, cutoff=0.0)
            hint = f"; did you mean: {', '.join(close)}?" if close else "; run `boto-typegen list`"
            raise UnknownServiceError(f"unknown service {service_name!r}{hint}")
        model_data = self._load(service_name, "service-2")
        try:
            model = ServiceModel(model_data, service_name=service_name)
            class_prefix = get_service_module_name(model)
            endpoint_prefix = model.endpoint_prefix
        except (KeyError, TypeError, AttributeError, ValueError) as error:
            raise ModelError(
                f"{self._path(service_name, 'service-2')}: not a valid service model ({error!r})"
            ) from None
        return ServiceSource(
            name=service_name,
            model=model,
            class_prefix=class_prefix,
            regions=self._regions(endpoint_prefix),
            all_services=names,
            botocore_version=self.version,
            paginators=self._optional(service_name, "paginators-1").get("pagination", {}),
            waiters=self._optional(service_name, "waiters-2").get("waiters", {}),
        )

    def _regions(self, endpoint_prefix: str) -> tuple[str, ...]:
        resolver = EndpointResolver(self._load_data("endpoints"))
        return tuple(sorted(resolver.get_available_endpoints(endpoint_prefix, "aws")))

    def _optional(self, service_name: str, type_name: str) -> dict[str, Any]:
        try:
            return self._load(service_name, type_name)
        except ModelError:
            if self._path(service_name, type_name) is None:
                return {}
            raise

    def _load(self, service_name: str, type_name: str) -> dict[str, Any]:
        try:
            data = self.loader.load_service_model(service_name, type_name)
        except DataNotFoundError:
            raise ModelError(f"no {type_name} model for {service_name}") from None
        except _LOAD_ERRORS as error:
            path = self._path(service_name, type_name) or f"{service_name}/{type_name}"
            raise ModelError(f"{path}: cannot read model: {_reason(error)}") from None
        if not isinstance(data, dict):
            raise ModelError(f"{self._path(service_name, type_name)}: not a JSON object")
        return data

    def _load_data(self, name: str) -> Any:
        try:
            return self.loader.load_data(name)
        except _LOAD_ERRORS as error:
            raise ModelError(f"botocore data {name!r}: cannot read: {_reason(error)}") from None

    def _path(self, service_name: str, type_name: str) -> Optional[str]:
        """The file botocore reads for this model, for error messages."""
        try:
            version = self.loader.determine_latest_version(service_name, type_name)
        except DataNotFoundError:
            return None
        for root in self.loader.search_paths:
            base = os.path.join(root, service_name, version, type_name)
            for suffix in (".json", ".json.gz"):
                if os.path.isfile(base + suffix):
                    return base + suffix
        return None


def _reason(error: Exception) -> str:
    if isinstance(error, json.JSONDecodeError):
        return f"invalid JSON at line {error.lineno} column {error.colno}"
    return str(error).splitlines()[0] if str(error) else type(error).__name__
