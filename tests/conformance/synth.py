"""Requests and responses built from botocore shapes: minimal, maximal, and the mutations botocore should reject."""

from __future__ import annotations

import copy
import datetime
import io
from dataclasses import dataclass, field
from typing import Any, Iterator, Optional

from botocore.model import ListShape, MapShape, OperationModel, Shape, StructureShape
from botocore.response import StreamingBody
from botocore.utils import is_json_value_header

# structures nested deeper than this get their required members only
MAX_DEPTH = 4
STAMP = datetime.datetime(2024, 1, 2, 3, 4, 5)
ISO_STAMP = "2024-01-02T03:04:05Z"
UNKNOWN_MEMBER = "NotAModelledMember"
NOT_AN_ENUM_VALUE = "NOT-A-MODELLED-VALUE"
SCALAR_KINDS = ("string", "integer", "boolean", "float", "blob", "timestamp")
# a value of the wrong Python type for each scalar kind (botocore's validator rejects each)
WRONG_SCALARS: dict[str, Any] = {
    "string": 12345,
    "integer": "12345",
    "boolean": "true",
    "float": "1.5",
    "blob": 12345,
    "timestamp": b"not a date",
}

Path = tuple[Any, ...]


@dataclass(frozen=True)
class Request:
    """One synthesized request; `expect_flag` is set where botocore's verdict alone cannot decide (enums)."""

    kind: str
    params: dict[str, Any]
    target: str = ""
    expect_flag: bool = False
    base: str = "minimal"  # the valid request it mutates: "minimal", or "minimal+Member" (see base_request)


@dataclass
class _Walk:
    """Where the first member of each kind sits in a request (paths of keys and list indexes)."""

    scalars: dict[str, Path] = field(default_factory=dict)
    enum: Optional[Path] = None
    list: Optional[Path] = None
    structure: Optional[Path] = None


def is_eventstream(shape: Shape) -> bool:
    return isinstance(shape, StructureShape) and bool(shape.serialization.get("eventstream"))


def has_eventstream(shape: Optional[Shape]) -> bool:
    return isinstance(shape, StructureShape) and any(is_eventstream(m) for m in shape.members.values())


def _is_document(shape: Shape) -> bool:
    return bool(getattr(shape, "is_document_type", False) or shape.metadata.get("document"))


def _scalar_kind(shape: Shape) -> Optional[str]:
    name = shape.type_name
    if name in ("string", "character"):
        return None if getattr(shape, "enum", None) or is_json_value_header(shape) else "string"
    if name in ("integer", "long", "short", "byte"):
        return "integer"
    if name in ("float", "double", "bigdecimal"):
        return "float"
    if name in ("boolean", "blob", "timestamp"):
        return name
    return None


class Synthesizer:
    """Values for one direction: inputs use datetimes or ISO strings and bytes; outputs add streaming bodies."""

    def __init__(self, output: bool = False, iso_timestamps: bool = False) -> None:
        self.output = output
        self.iso_timestamps = iso_timestamps
        self._stack: list[str] = []  # names of the structures being built, outermost first

    def value(self, shape: Shape, depth: int, full: bool) -> Any:
        if isinstance(shape, StructureShape):
            return self.structure(shape, depth + 1, full)
        minimum = int(shape.metadata.get("min", 0) or 0)
        if isinstance(shape, ListShape):
            count = max(minimum, 1 if full and depth <= MAX_DEPTH else 0)
            return [self.value(shape.member, depth, full) for _ in range(count)]
        if isinstance(shape, MapShape):
            count = max(minimum, 1 if full and depth <= MAX_DEPTH else 0)
            return {self.key(shape.key, index): self.value(shape.value, depth, full) for index in range(count)}
        return self.scalar(shape)

    def structure(self, shape: StructureShape, depth: int, full: bool) -> dict[str, Any]:
        if _is_document(shape):
            return {"a": "b"}
        if depth > 10 * MAX_DEPTH:
            raise ValueError(f"no finite value for structure {shape.name!r}")
        wide = full and depth <= MAX_DEPTH
        if shape.is_tagged_union:
            # botocore accepts exactly one member of a union; deep down, the one that ends recursion soonest
            names = list(shape.members)
            name = names[0] if depth <= MAX_DEPTH else min(names, key=lambda n: self._nesting(shape.members[n]))
            members = [name]
        else:
            members = list(shape.members if wide else shape.required_members)
        self._stack.append(shape.name)
        try:
            return {
                name: self.value(shape.members[name], depth, wide)
                for name in members
                if not is_eventstream(shape.members[name])
            }
        finally:
            self._stack.pop()

    def _nesting(self, shape: Shape) -> tuple[bool, int]:
        """A union member's recursion risk: back into a structure being built, then containers over scalars."""
        inner = shape.member if isinstance(shape, ListShape) else shape.value if isinstance(shape, MapShape) else shape
        container = 2 if isinstance(shape, (ListShape, MapShape)) else 1 if isinstance(shape, StructureShape) else 0
        return inner.name in self._stack, container

    def key(self, shape: Shape, index: int) -> str:
        enum = getattr(shape, "enum", None)
        if enum:
            return enum[index % len(enum)]
        minimum = int(shape.metadata.get("min", 0) or 0)
        return "k" * max(minimum, 1) + (str(index) if index else "")

    def scalar(self, shape: Shape) -> Any:
        enum = getattr(shape, "enum", None)
        if enum:
            return enum[0]
        minimum = shape.metadata.get("min")
        name = shape.type_name
        if name in ("string", "character"):
            if is_json_value_header(shape):
                return {"a": "b"}  # botocore json-encodes these headers itself
            return "a" * max(int(minimum or 0), 1)
        if name in ("integer", "long", "short", "byte"):
            return int(minimum) if minimum is not None else 1
        if name in ("float", "double", "bigdecimal"):
            return float(minimum) if minimum is not None else 1.5
        if name == "boolean":
            return True
        if name == "timestamp":
            return ISO_STAMP if self.iso_timestamps and not self.output else STAMP
        if name == "blob":
            return b"a" * max(int(minimum or 0), 1)
        raise ValueError(f"shape {shape.name!r} has unsupported type {name!r}")


def minimal_request(operation: OperationModel) -> dict[str, Any]:
    """Required members only, less idempotency tokens (botocore fills those in itself)."""
    shape = operation.input_shape
    if shape is None:
        return {}
    params = Synthesizer().structure(shape, 1, full=False)
    for name, member in shape.members.items():
        if member.metadata.get("idempotencyToken"):
            params.pop(name, None)
    return params


def maximal_request(operation: OperationModel, iso_timestamps: bool = False) -> dict[str, Any]:
    shape = operation.input_shape
    if shape is None:
        return {}
    return Synthesizer(iso_timestamps=iso_timestamps).structure(shape, 1, full=True)


def maximal_response(operation: OperationModel) -> dict[str, Any]:
    shape = operation.output_shape
    if shape is None:
        return {}
    response = Synthesizer(output=True).structure(shape, 1, full=True)
    if operation.get_streaming_output() is not None:
        # botocore hands a blob payload back unread, as a StreamingBody (streaming trait or not)
        response[shape.serialization["payload"]] = StreamingBody(io.BytesIO(b"a"), 1)
    return response


def has_timestamp(shape: Optional[Shape], seen: Optional[set[str]] = None) -> bool:
    seen = set() if seen is None else seen
    if shape is None or shape.name in seen:
        return False
    seen.add(shape.name)
    if isinstance(shape, StructureShape):
        return any(has_timestamp(member, seen) for member in shape.members.values())
    if isinstance(shape, ListShape):
        return has_timestamp(shape.member, seen)
    if isinstance(shape, MapShape):
        return has_timestamp(shape.value, seen)
    return shape.type_name == "timestamp"


def valid_requests(operation: OperationModel) -> list[Request]:
    requests = [Request("minimal", minimal_request(operation))]
    if operation.input_shape is not None and operation.input_shape.members:
        requests.append(Request("maximal", maximal_request(operation)))
        if has_timestamp(operation.input_shape):
            requests.append(Request("maximal-iso", maximal_request(operation, iso_timestamps=True)))
    return requests


# mutations -----------------------------------------------------------------------------------
def _walk(shape: Shape, value: Any, path: Path, found: _Walk) -> None:
    if isinstance(shape, StructureShape):
        if _is_document(shape) or not isinstance(value, dict):
            return
        if path and found.structure is None:
            found.structure = path
        for name, member in shape.members.items():
            if name in value:
                _walk(member, value[name], path + (name,), found)
    elif isinstance(shape, ListShape):
        if found.list is None and path:
            found.list = path
        if value:
            _walk(shape.member, value[0], path + (0,), found)
    elif isinstance(shape, MapShape):
        if value:
            key = next(iter(value))
            _walk(shape.value, value[key], path + (key,), found)
    elif getattr(shape, "enum", None):
        if found.enum is None:
            found.enum = path
    else:
        kind = _scalar_kind(shape)
        if kind is not None and kind not in found.scalars:
            found.scalars[kind] = path


def _first(paths: list[Optional[Path]]) -> Optional[Path]:
    """Top-level targets first: they make the shortest, clearest mutations."""
    present = [p for p in paths if p is not None]
    return min(present, key=len) if present else None


def _locate(shape: StructureShape, params: dict[str, Any]) -> dict[str, _Walk]:
    """For each top-level member, where its first scalar/enum/list/structure sits."""
    walks = {}
    for name, member in shape.members.items():
        if name in params:
            found = _Walk()
            _walk(member, params[name], (name,), found)
            walks[name] = found
    return walks


def _base(minimal: dict[str, Any], maximal: dict[str, Any], path: Path) -> dict[str, Any]:
    """The minimal request plus the one top-level member that holds `path`, as in the maximal one."""
    base = copy.deepcopy(minimal)
    base[path[0]] = copy.deepcopy(maximal[path[0]])
    return base


def _set(params: dict[str, Any], path: Path, value: Any) -> dict[str, Any]:
    node: Any = params
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return params


def _drop(params: dict[str, Any], path: Path) -> dict[str, Any]:
    node: Any = params
    for step in path[:-1]:
        node = node[step]
    del node[path[-1]]
    return params


def _get(params: dict[str, Any], path: Path) -> Any:
    node: Any = params
    for step in path:
        node = node[step]
    return node


def _nested_required(shape: StructureShape, maximal: dict[str, Any]) -> Optional[Path]:
    """The first required member of a nested structure in the maximal request."""

    def search(current: Shape, value: Any, path: Path) -> Optional[Path]:
        if isinstance(current, StructureShape) and isinstance(value, dict) and not _is_document(current):
            if path and not current.is_tagged_union:
                for name in current.required_members:
                    if name in value:
                        return path + (name,)
            for name, member in current.members.items():
                if name in value:
                    hit = search(member, value[name], path + (name,))
                    if hit:
                        return hit
        elif isinstance(current, ListShape) and value:
            return search(current.member, value[0], path + (0,))
        elif isinstance(current, MapShape) and value:
            key = next(iter(value))
            return search(current.value, value[key], path + (key,))
        return None

    return search(shape, maximal, ())


def invalid_requests(operation: OperationModel) -> list[Request]:
    """Mutations of valid requests; every one but the enum one should fail botocore's validator."""
    shape = operation.input_shape
    minimal = minimal_request(operation)
    if shape is None or not shape.members:
        return [Request("unknown-member", {UNKNOWN_MEMBER: "a"}, UNKNOWN_MEMBER)]
    maximal = maximal_request(operation)
    requests = []
    for name in shape.required_members:
        if name in minimal:
            requests.append(Request("drop-required", _drop(copy.deepcopy(minimal), (name,)), name))
    nested = _nested_required(shape, maximal)
    if nested is not None:
        mutated = _drop(_base(minimal, maximal, nested), nested)
        requests.append(Request("drop-required", mutated, _dotted(nested), base=_base_name(nested)))
    requests.append(Request("unknown-member", dict(minimal, **{UNKNOWN_MEMBER: "a"}), UNKNOWN_MEMBER))
    walks = _locate(shape, maximal).values()
    structure = _first([w.structure for w in walks])
    if structure is not None:
        path = structure + (UNKNOWN_MEMBER,)
        mutated = _set(_base(minimal, maximal, path), path, "a")
        requests.append(Request("unknown-member", mutated, _dotted(path), base=_base_name(path)))
    enum = _first([w.enum for w in walks])
    if enum is not None:
        mutated = _set(_base(minimal, maximal, enum), enum, NOT_AN_ENUM_VALUE)
        requests.append(Request("enum-value", mutated, _dotted(enum), expect_flag=True, base=_base_name(enum)))
    for kind in SCALAR_KINDS:
        path = _first([w.scalars.get(kind) for w in walks])
        if path is not None:
            mutated = _set(_base(minimal, maximal, path), path, WRONG_SCALARS[kind])
            requests.append(Request(f"wrong-type-{kind}", mutated, _dotted(path), base=_base_name(path)))
    listed = _first([w.list for w in walks])
    if listed is not None:
        base = _base(minimal, maximal, listed)
        items = _get(base, listed)
        mutated = _set(base, listed, {"a": items[0] if items else "a"})
        requests.append(Request("dict-for-list", mutated, _dotted(listed), base=_base_name(listed)))
    return requests


def _base_name(path: Path) -> str:
    return f"minimal+{path[0]}"


def base_request(operation: OperationModel, name: str) -> dict[str, Any]:
    """The valid request a mutation started from, by its `Request.base` name."""
    minimal = minimal_request(operation)
    if name == "minimal":
        return minimal
    return _base(minimal, maximal_request(operation), (name.split("+", 1)[1],))


def _dotted(path: Path) -> str:
    return ".".join(f"[{step}]" if isinstance(step, int) else str(step) for step in path)
