"""`record`: the frozen dataclass of this package, with methods shared instead of compiled per class.

A dataclass compiles each method it writes when its module is imported, six for a frozen one, and those
compiles were a fifth of a small service's whole run (64 classes). A record still is a dataclass, so
`fields()`, `replace()` and `asdict()` work, and it behaves as `@dataclass(frozen=True)` does: the same
__init__ arguments and defaults, equality and hash over the compared fields in their order, the same repr,
and assigning or deleting a field raises FrozenInstanceError. Building one costs about half a microsecond
more than a compiled __init__, a second of CPU over every service.
"""

from __future__ import annotations

import dataclasses
from operator import attrgetter
from typing import Any, Callable, TypeVar, dataclass_transform

_T = TypeVar("_T")
_set = object.__setattr__


def _getter(names: list[str]) -> Callable[[Any], Any]:
    # one name gives its value, not a 1-tuple: compared and hashed alike, either way
    return attrgetter(*names) if names else lambda instance: ()


def _init(cls: type) -> Callable[..., None]:
    fields = dataclasses.fields(cls)
    names = tuple(field.name for field in fields if field.init)
    missing = dataclasses.MISSING
    defaults = {field.name: field.default for field in fields if field.default is not missing}
    factories = {field.name: field.default_factory for field in fields if field.default_factory is not missing}
    # a field left out of __init__ reads its default from the class; only a factory's value is set
    unset = [field.name for field in fields if not field.init and field.name in factories]
    post_init = getattr(cls, "__post_init__", None)

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        if len(args) > len(names):
            raise TypeError(f"{cls.__name__}() takes {len(names)} arguments but {len(args)} were given")
        for name, value in zip(names, args):
            _set(self, name, value)
        for name in names[len(args) :]:
            if name in kwargs:
                _set(self, name, kwargs.pop(name))
            elif name in defaults:
                _set(self, name, defaults[name])
            elif name in factories:
                _set(self, name, factories[name]())
            else:
                raise TypeError(f"{cls.__name__}() missing argument {name!r}")
        if kwargs:
            raise TypeError(f"{cls.__name__}() got an unexpected or repeated argument {next(iter(kwargs))!r}")
        for name in unset:
            _set(self, name, factories[name]())
        if post_init is not None:
            post_init(self)

    return __init__


def _setattr(self: Any, name: str, value: Any) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")


def _delattr(self: Any, name: str) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")


def _eq(self: Any, other: object) -> Any:
    if other.__class__ is not self.__class__:
        return NotImplemented
    compared: Callable[[Any], Any] = getattr(type(self), "__record_compared__")
    return compared(self) == compared(other)


def _hash(self: Any) -> int:
    hashed: Callable[[Any], Any] = getattr(type(self), "__record_hashed__")
    return hash(hashed(self))


def _repr(self: Any) -> str:
    shown = (f"{field.name}={getattr(self, field.name)!r}" for field in dataclasses.fields(self) if field.repr)
    return f"{self.__class__.__qualname__}({', '.join(shown)})"


_SHARED = {"__eq__": _eq, "__hash__": _hash, "__repr__": _repr, "__setattr__": _setattr, "__delattr__": _delattr}


@dataclass_transform(frozen_default=True)
def record(cls: type[_T]) -> type[_T]:
    """`@dataclass(frozen=True)`, its methods shared with every other record."""
    for name, method in _SHARED.items():
        if name not in cls.__dict__:
            setattr(cls, name, method)
    # nothing left for dataclass to compile: it records the fields, and the shared methods read them
    made: Any = dataclasses.dataclass(init=False, repr=False, eq=False)(cls)
    made.__init__ = _init(made)
    fields = dataclasses.fields(made)
    # read from the class, not the instance, where the empty getter (a function) would bind
    made.__record_compared__ = _getter([field.name for field in fields if field.compare])
    hashed = [field.name for field in fields if (field.compare if field.hash is None else field.hash)]
    made.__record_hashed__ = _getter(hashed)
    return made  # type: ignore[no-any-return]
