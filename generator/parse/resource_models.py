"""boto3's resource models (boto3/data/*/resources-1.json): which services have one, and reading it. Apart
from the resource parser (resources.py), which only a service with resources loads."""

from __future__ import annotations

import zlib
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any, Optional

from botocore.exceptions import DataNotFoundError
from botocore.loaders import Loader

from ..errors import ModelError
from .model_files import model_loader


@lru_cache(maxsize=1)
def _loader() -> Loader:
    # boto3 ships resource models next to itself; boto3.Session adds this same folder to botocore's loader.
    # Found without importing boto3, which costs a tenth of a second and only services with resources need
    spec = find_spec("boto3")
    if spec is None or spec.origin is None:
        raise ModelError("boto3 is not installed: its resource models cannot be read")
    return model_loader([str(Path(spec.origin).parent / "data")], include_default_search_paths=False)


@lru_cache(maxsize=1)
def resource_service_names() -> tuple[str, ...]:
    """The services `boto3.resource()` accepts."""
    return tuple(sorted(_loader().list_available_services("resources-1")))


def load_resource_model(service_name: str) -> Optional[dict[str, Any]]:
    """The latest resources-1 model of a service, or None when boto3 has no resources for it."""
    if service_name not in resource_service_names():
        return None
    try:
        data = _loader().load_service_model(service_name, "resources-1")
    except (DataNotFoundError, ValueError, OSError, EOFError, zlib.error, UnicodeDecodeError) as error:
        raise ModelError(f"boto3 resources-1 model of {service_name}: cannot read: {error}") from None
    if not isinstance(data, dict) or not isinstance(data.get("resources"), dict) or "service" not in data:
        raise ModelError(f"boto3 resources-1 model of {service_name}: no 'service' and 'resources' sections")
    return data
