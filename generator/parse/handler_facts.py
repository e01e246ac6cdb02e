"""What botocore's handlers do to one service (aliases.py, handlers.py), kept in the cache folder.

Importing botocore.handlers, and the client machinery it pulls in, was 5% of a small service's run. What the
handlers do to a service depends only on botocore's handlers and on the model's service id, operations,
their input shapes and those shapes' members, so the facts are kept keyed by botocore's version, the
handlers file's content and those names. Another model or another botocore works them out again, from
botocore's handlers as before.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any, Optional

import botocore
from botocore.model import ServiceModel

from ..cache import cache_dir, digest, file_digest, keep_json, kept_json
from ..ir.records import record


@lru_cache(maxsize=1)
def _handlers_digest() -> str:
    """The content of botocore's handlers.py, hashed once per process (a worker keys every service by it)."""
    return file_digest(os.path.join(os.path.dirname(botocore.__file__), "handlers.py"))


@record
class HandlerFacts:
    """botocore's parameter aliases of a service, the request keys it fills, the operations it removes."""

    aliases: dict[str, dict[str, str]]  # input shape name -> {model member name: documented name}
    filled: frozenset[str]
    removed: frozenset[str]


def handler_facts(model: ServiceModel) -> HandlerFacts:
    """The facts of `model`, from the cache folder when this botocore worked them out for these names."""
    stored = cache_dir() / "handlers" / f"{_key(model)}.json"
    facts = _read(kept_json(stored))
    if facts is not None:
        return facts
    facts = worked_out(model)
    data = {"aliases": facts.aliases, "filled": sorted(facts.filled), "removed": sorted(facts.removed)}
    keep_json(stored, data)  # facts that cannot be kept only cost the handlers' import next time
    return facts


def worked_out(model: ServiceModel) -> HandlerFacts:
    """The facts from botocore's handlers themselves (imported only here)."""
    from .aliases import parameter_aliases
    from .handlers import filled_keys, removed_operations

    return HandlerFacts(parameter_aliases(model), filled_keys(model), removed_operations(model))


def _key(model: ServiceModel) -> str:
    """botocore's version and handlers, and every name of the model the handlers read."""
    parts = [botocore.__version__, _handlers_digest(), model.service_id.hyphenize()]
    for name in model.operation_names:
        shape = model.operation_model(name).input_shape
        members = ",".join(shape.members) if shape is not None else ""
        parts.append(f"{name}:{shape.name if shape is not None else ''}:{members}")
    return digest(*(part.encode() for part in parts))


def _read(data: Any) -> Optional[HandlerFacts]:
    """The facts a cache file holds, or None when it is not what handler_facts writes."""
    if not isinstance(data, dict):
        return None
    aliases, filled, removed = data.get("aliases"), data.get("filled"), data.get("removed")
    if not (isinstance(aliases, dict) and isinstance(filled, list) and isinstance(removed, list)):
        return None
    renames = list(aliases.values())
    valid = all(isinstance(each, dict) and all(isinstance(name, str) for name in each.values()) for each in renames)
    valid = valid and all(isinstance(name, str) for name in [*filled, *removed])
    return HandlerFacts(aliases, frozenset(filled), frozenset(removed)) if valid else None
