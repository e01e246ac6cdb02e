"""A record behaves as `@dataclass(frozen=True)` does, beside one: arguments, defaults, equality, hash, repr."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from dataclasses import field
from typing import Any, Callable

import pytest

from generator.ir.types import DefRef, External, Module, Subscript
from generator.ir.records import record


def _fields() -> dict[str, Any]:
    return {
        "__annotations__": {"name": "str", "count": "int", "items": "tuple[int, ...]", "kind": "str", "note": "str", "seen": "tuple[str, ...]"},
        "count": 0,
        "items": field(default_factory=tuple),
        "kind": field(default="K", init=False),
        "note": field(default="", compare=False),
        "seen": field(default_factory=tuple, init=False),
    }


# the same class twice, under the names pickle finds them by
Record = record(type("Record", (), _fields()))
Dataclass = dataclasses.dataclass(frozen=True)(type("Dataclass", (), _fields()))

CALLS: list[tuple[tuple[Any, ...], dict[str, Any]]] = [
    (("a",), {}),
    (("a", 2), {}),
    (("a", 2, (1,)), {}),
    ((), {"name": "a", "items": (3,), "note": "n"}),
    (("a",), {"count": 5}),
]
BAD_CALLS: list[tuple[tuple[Any, ...], dict[str, Any]]] = [
    ((), {}),  # a field without a default left out
    (("a", 1, (), "n", "extra"), {}),
    (("a",), {"name": "b"}),
    (("a",), {"unknown": 1}),
    (("a",), {"kind": "set by the class"}),
]


@pytest.mark.parametrize("args, kwargs", CALLS)
def test_a_record_is_built_compared_and_shown_as_a_frozen_dataclass(args: Any, kwargs: Any) -> None:
    ours, theirs = Record(*args, **kwargs), Dataclass(*args, **kwargs)
    assert dataclasses.astuple(ours) == dataclasses.astuple(theirs) and vars(ours) == vars(theirs)
    assert repr(ours).removeprefix("Record") == repr(theirs).removeprefix("Dataclass")
    twin = Record(*args, **{**kwargs, "note": "another note"})  # note is not compared
    assert ours == twin and hash(ours) == hash(twin) and len({ours, twin}) == 1
    assert ours != dataclasses.replace(ours, count=ours.count + 1) and ours != Record("b")
    assert ours != theirs  # a record equals only its own class, as a dataclass does
    changed = dataclasses.replace(ours, count=9)
    assert (changed.count, changed.kind, changed.name) == (9, "K", ours.name)
    assert pickle.loads(pickle.dumps(ours)) == ours and copy.deepcopy(ours) == ours


@pytest.mark.parametrize("args, kwargs", BAD_CALLS)
def test_a_record_refuses_the_calls_a_dataclass_refuses(args: Any, kwargs: Any) -> None:
    for cls in (Dataclass, Record):
        with pytest.raises(TypeError):
            cls(*args, **kwargs)


@pytest.mark.parametrize("change", [lambda item: setattr(item, "name", "b"), lambda item: delattr(item, "name")])
def test_a_record_is_frozen(change: Callable[[Any], None]) -> None:
    item = Record("a")
    with pytest.raises(dataclasses.FrozenInstanceError):
        change(item)
    assert item.name == "a"


def test_ir_types_hash_and_compare_by_value() -> None:
    # the IR's types are set members and dict keys: equal values must be one key
    sequence = External("typing", "Sequence")
    first = Subscript(sequence, (DefRef("FooTypeDef", Module.TYPE_DEFS),))
    second = Subscript(External("typing", "Sequence"), (DefRef("FooTypeDef", Module.TYPE_DEFS),))
    assert first is not second and first == second and len({first, second}) == 1
    assert first != Subscript(sequence, (DefRef("FooTypeDef", Module.LITERALS),))
    assert dataclasses.fields(first) == dataclasses.fields(Subscript)
