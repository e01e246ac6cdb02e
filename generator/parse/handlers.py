"""What botocore's own event handlers do to a client beyond its model, read by running them as a client does:
the operations its `creating-client-class` handlers delete from the client class (they need HTTP/2, which
botocore does not speak), and the required request keys its service-wide `before-parameter-build` handlers
fill when a caller leaves them out (glacier's `accountId`, sent as `-` for the caller's own account)."""

from __future__ import annotations

import functools
import inspect
from typing import Any, Callable

from botocore import xform_name
from botocore.handlers import BUILTIN_HANDLERS
from botocore.hooks import EventAliaser, HierarchicalEmitter
from botocore.model import ServiceModel

_CLASS_EVENT = "creating-client-class"
_PARAMETER_EVENT = "before-parameter-build"


def _takes_only_the_request(handler: Callable[..., Any]) -> bool:
    """A handler whose one named parameter is `params`: it needs no operation model or context to run."""
    try:
        parameters = inspect.signature(handler).parameters.values()
    except (TypeError, ValueError):
        return False
    return [item.name for item in parameters if item.kind is not item.VAR_KEYWORD] == ["params"]


@functools.lru_cache(maxsize=None)
def _emitter(event: str) -> EventAliaser:
    """botocore's handlers of one event family, registered as a client registers them."""
    emitter = EventAliaser(HierarchicalEmitter())
    for entry in BUILTIN_HANDLERS:
        name, handler = entry[0], entry[1]
        if name.split(".")[0] != event:
            continue
        # of the parameter handlers, only service-wide ones that need nothing but the request can run here
        if event == _PARAMETER_EVENT and (name.count(".") != 1 or not _takes_only_the_request(handler)):
            continue
        emitter.register(name, handler)
    return emitter


def removed_operations(model: ServiceModel) -> frozenset[str]:
    """The operations whose methods botocore deletes from the service's client class when it creates it."""
    methods = {xform_name(name): name for name in model.operation_names}
    attributes: dict[str, object] = dict.fromkeys(methods)
    _emitter(_CLASS_EVENT).emit(
        f"{_CLASS_EVENT}.{model.service_id.hyphenize()}", class_attributes=attributes, base_classes=[]
    )
    return frozenset(operation for method, operation in methods.items() if method not in attributes)


def filled_keys(model: ServiceModel) -> frozenset[str]:
    """Request keys botocore sets in every request of the service that lacks them."""
    params: dict[str, Any] = {}
    _emitter(_PARAMETER_EVENT).emit(f"{_PARAMETER_EVENT}.{model.service_id.hyphenize()}", params=params)
    return frozenset(params)
