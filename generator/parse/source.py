"""Reading botocore's data through botocore.loaders: service names, models, paginators, waiters, regions."""

from __future__ import annotations

import json
import os
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from botocore.exceptions import DataNotFoundError, UndefinedModelAttributeError
from botocore.model import InvalidShapeError, NoShapeFoundError, ServiceModel
from botocore.utils import get_service_module_name

from ..errors import ModelError, UnknownServiceError
from .errata import corrected_model
from .model_files import model_loader
from .regions import cached_regions, regions_by_prefix
from .versions import data_version

# what a truncated, corrupt or unreadable JSON (or .json.gz) file raises while botocore loads it
_LOAD_ERRORS = (ValueError, OSError, EOFError, zlib.error, UnicodeDecodeError)
# what botocore's ServiceModel raises on a model that passed model_problem but is still not usable
_MODEL_ERRORS = (
    KeyError,
    TypeError,
    AttributeError,
    ValueError,
    NoShapeFoundError,
    InvalidShapeError,
    UndefinedModelAttributeError,
)
# the scalar shape types of botocore's models; structure, list and map name other shapes
_SCALAR_TYPES = frozenset(
    {"string", "character", "integer", "long", "short", "byte", "float", "double", "bigdecimal"}
    | {"boolean", "timestamp", "blob"}
)


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

    def __init__(self, data_path: Optional[Path] = None, version: Optional[str] = None) -> None:
        # botocore skips a search path that is missing; a mistyped --data-path must not go unnoticed
        if data_path is not None and not data_path.is_dir():
            raise ModelError(f"--data-path {data_path}: not a folder")
        extra = [str(data_path)] if data_path else []
        self.version = data_version(data_path, version)
        # another installation's data/ stands alone: services it lacks must not come from this botocore
        alone = self.version.origin.startswith("installation")
        self.loader = model_loader(extra, include_default_search_paths=not alone)
        self._regions_table: Optional[dict[str, list[str]]] = None  # every endpoint prefix's, read once

    def service_names(self) -> tuple[str, ...]:
        return tuple(self.loader.list_available_services("service-2"))  # the loader keeps its listing

    def load(self, service_name: str) -> ServiceSource:
        names = self.service_names()
        if service_name not in names:
            import difflib  # only for a mistyped name

            close = difflib.get_close_matches(service_name, names, n=3, cutoff=0.0)
            hint = f"; did you mean: {', '.join(close)}?" if close else "; run `boto-typegen list`"
            raise UnknownServiceError(f"unknown service {service_name!r}{hint}")
        model = self._service_model(service_name)
        return ServiceSource(
            name=service_name,
            model=model,
            class_prefix=class_prefix(model),
            regions=self._regions(model.endpoint_prefix),
            all_services=names,
            botocore_version=self.version.version,
            paginators=self._optional(service_name, "paginators-1", "pagination"),
            waiters=self._optional(service_name, "waiters-2", "waiters"),
        )

    def _service_model(self, service_name: str) -> ServiceModel:
        data = self._load(service_name, "service-2")
        problem = model_problem(data)
        if problem is None:
            try:
                model = ServiceModel(corrected_model(service_name, data), service_name=service_name)
                # both read the metadata; a model without what they need fails here, not mid-parse
                get_service_module_name(model)
                model.endpoint_prefix
                return model
            except _MODEL_ERRORS as error:
                problem = f"{type(error).__name__}: {error}"
        path = self._path(service_name, "service-2")
        raise ModelError(f"{path}: not a valid service model: {problem}")

    def _regions(self, endpoint_prefix: str) -> tuple[str, ...]:
        if self._regions_table is None:
            path = self._found_data_file("endpoints")
            try:
                if path is None:  # the loader says what is missing
                    self._regions_table = regions_by_prefix(self._load_data("endpoints"))
                else:
                    self._regions_table = cached_regions(path, lambda: self._load_data("endpoints"))
            except (KeyError, TypeError, AttributeError, ValueError) as error:
                problem = f"{type(error).__name__}: {error}"
                raise ModelError(f"{self._data_file('endpoints')}: not valid endpoint data: {problem}") from None
        return tuple(self._regions_table.get(endpoint_prefix, ()))

    def _optional(self, service_name: str, type_name: str, key: str) -> dict[str, Any]:
        """The `key` table of a model a service may lack (paginators, waiters): name → definition."""
        # looked for in the service's own folders first: botocore's loader would list every service's
        if self._path(service_name, type_name) is None:
            return {}
        table = self._load(service_name, type_name).get(key, {})
        if not isinstance(table, dict) or not all(isinstance(entry, dict) for entry in table.values()):
            path = self._path(service_name, type_name)
            raise ModelError(f"{path}: not a valid {type_name} model: {key!r} is not an object of objects")
        return table

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
            raise ModelError(f"{self._data_file(name)}: cannot read: {_reason(error)}") from None

    def _data_file(self, name: str) -> str:
        """The file botocore reads for a shared data file (endpoints), for error messages."""
        return self._found_data_file(name) or f"botocore data {name!r}"

    def _found_data_file(self, name: str) -> Optional[str]:
        found = (
            os.path.join(root, name + suffix) for root in self.loader.search_paths for suffix in (".json", ".json.gz")
        )
        return next((path for path in found if os.path.isfile(path)), None)

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


def model_problem(data: dict[str, Any]) -> Optional[str]:
    """What keeps `data` from being a service model the parser can walk (None when nothing does).

    Checked up front so that a broken model is one error naming its file, not a crash mid-parse.
    """
    for key in ("metadata", "operations", "shapes"):
        if not isinstance(data.get(key), dict):
            return f"{key!r} is missing or not an object"
    for key in ("endpointPrefix", "serviceFullName"):
        if not isinstance(data["metadata"].get(key), str):
            return f"metadata {key!r} is missing or not a string"
    shapes: dict[str, Any] = data["shapes"]
    for name, shape in shapes.items():
        problem = _shape_problem(shape, shapes)
        if problem:
            return f"shape {name!r}: {problem}"
    for name, operation in data["operations"].items():
        problem = _operation_problem(operation, shapes)
        if problem:
            return f"operation {name!r}: {problem}"
    return None


def _shape_problem(shape: Any, shapes: dict[str, Any]) -> Optional[str]:
    if not isinstance(shape, dict):
        return "not an object"
    kind = shape.get("type")
    references: list[tuple[str, Any]] = []
    if kind == "structure":
        members = shape.get("members", {})
        if not isinstance(members, dict):
            return "'members' is not an object"
        references = [(f"member {name!r}", reference) for name, reference in members.items()]
        if not _is_names(shape.get("required", [])):
            return "'required' is not a list of names"
    elif kind == "list":
        references = [("'member'", shape.get("member"))]
    elif kind == "map":
        references = [("'key'", shape.get("key")), ("'value'", shape.get("value"))]
    elif kind not in _SCALAR_TYPES:
        return f"unknown type {kind!r}"
    elif not _is_names(shape.get("enum", [])):
        return "'enum' is not a list of strings"
    return _references_problem(references, shapes)


def _operation_problem(operation: Any, shapes: dict[str, Any]) -> Optional[str]:
    if not isinstance(operation, dict):
        return "not an object"
    errors = operation.get("errors", [])
    if not isinstance(errors, list):
        return "'errors' is not a list"
    references = [(f"{key!r}", operation[key]) for key in ("input", "output") if key in operation]
    references += [("an error", reference) for reference in errors]
    return _references_problem(references, shapes)


def _references_problem(references: list[tuple[str, Any]], shapes: dict[str, Any]) -> Optional[str]:
    for what, reference in references:
        if not isinstance(reference, dict) or not isinstance(reference.get("shape"), str):
            return f"{what} is not a shape reference"
        if reference["shape"] not in shapes:
            return f"{what} names the undefined shape {reference['shape']!r}"
    return None


def _is_names(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def class_prefix(model: ServiceModel) -> str:
    """botocore's client class name, first letter capitalised (signer -> Signer) as types-boto3 imports it."""
    name: str = get_service_module_name(model)
    return name[:1].upper() + name[1:]
