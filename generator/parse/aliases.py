"""botocore's parameter aliases: request keys its handlers rename before validation, read from botocore.

botocore registers a `ParameterAlias` per alias in `botocore.handlers.BUILTIN_HANDLERS`: its
`before-parameter-build` handler moves the documented name (ec2's `Filters`, logs' `fromTime`) to the
model's member name (`Filter`, `from`) wherever the operation's input has that member. boto3 documents
only the documented name, so that is the request key; the model's name is not offered (see README).
Which operations an alias covers is botocore's answer too: the operation's event is emitted, through
botocore's own event aliasing and wildcards, at the registered handlers, and the renamed keys are read back.
"""

from __future__ import annotations

import functools
from typing import Any

from botocore.handlers import BUILTIN_HANDLERS, ParameterAlias
from botocore.hooks import EventAliaser, HierarchicalEmitter
from botocore.model import ServiceModel

from ..ir.records import record


_EVENT = "before-parameter-build."


@record
class _Probe:
    """A request value that remembers the key it was passed under."""

    documented: str


@record
class _Handlers:
    """botocore's alias handlers on an emitter of their own, and the names they rename from and to."""

    emitter: EventAliaser
    documented: tuple[str, ...]  # the names the handlers accept
    originals: frozenset[str]  # the member names they rename to


@functools.lru_cache(maxsize=1)
def _handlers() -> _Handlers:
    """botocore's alias handlers, registered as a client registers them."""
    emitter = EventAliaser(HierarchicalEmitter())
    documented, originals = set(), set()
    for entry in BUILTIN_HANDLERS:
        event, handler = entry[0], entry[1]
        owner = getattr(handler, "__self__", None)
        if isinstance(owner, ParameterAlias) and event.startswith(_EVENT):
            emitter.register(event, handler)
            # botocore keeps both names only on the handler's object
            documented.add(str(getattr(owner, "_alias_name")))
            originals.add(str(getattr(owner, "_original_name")))
    return _Handlers(emitter, tuple(sorted(documented)), frozenset(originals))


def operation_aliases(model: ServiceModel, operation_name: str) -> dict[str, str]:
    """{model member name: documented name} for one operation, as botocore's handlers translate them."""
    handlers = _handlers()
    operation = model.operation_model(operation_name)
    shape = operation.input_shape
    # the handlers rename only to a member the input has; other operations need no emit
    if shape is None or handlers.originals.isdisjoint(shape.members):
        return {}
    params: dict[str, Any] = {name: _Probe(name) for name in handlers.documented}
    handlers.emitter.emit(
        f"{_EVENT}{model.service_id.hyphenize()}.{operation_name}",
        params=params,
        model=operation,
        context={},
    )
    return {
        key: value.documented
        for key, value in params.items()
        if isinstance(value, _Probe) and key != value.documented
    }


def parameter_aliases(model: ServiceModel) -> dict[str, dict[str, str]]:
    """{input shape name: {model member name: documented name}}; operations sharing an input shape
    keep the renames they agree on."""
    found: dict[str, dict[str, str]] = {}
    for operation_name in sorted(model.operation_names):
        shape = model.operation_model(operation_name).input_shape
        if shape is None:
            continue
        renames = operation_aliases(model, operation_name)
        if shape.name in found:
            renames = {key: value for key, value in renames.items() if found[shape.name].get(key) == value}
        found[shape.name] = renames
    return {name: renames for name, renames in found.items() if renames}
