"""Type expressions of the IR: how each type is written in a stub and which imports it needs."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Container, Iterator

from .records import record


class Module(enum.Enum):
    """The generated modules a definition can live in."""

    INIT = "__init__"
    TYPE_DEFS = "type_defs"
    LITERALS = "literals"
    CLIENT = "client"
    PAGINATOR = "paginator"
    WAITER = "waiter"
    SERVICE_RESOURCE = "service_resource"


# typing names that stubs for Python < 3.12 must take from typing_extensions
BACKPORTED = frozenset({"NotRequired", "TypedDict", "Unpack", "Literal"})

# classes that are generic in the stub packages only: at run time `EventStream[X]` raises TypeError
NOT_SUBSCRIPTABLE_AT_RUN_TIME = frozenset(
    {
        ("botocore.paginate", "Paginator"),
        ("botocore.paginate", "PageIterator"),
        ("botocore.eventstream", "EventStream"),
        ("botocore.waiter", "Waiter"),
        ("boto3.resources.collection", "ResourceCollection"),
        ("aiobotocore.paginate", "AioPaginator"),
        ("aiobotocore.paginate", "AioPageIterator"),
        ("aiobotocore.eventstream", "AioEventStream"),
        ("aiobotocore.waiter", "AIOWaiter"),
    }
)


@dataclass(frozen=True, order=True)
class Import:
    """One `from module import name`; `module` is absolute, or a generated Module."""

    module: str
    name: str
    alias: str = ""

    @property
    def text(self) -> str:
        return f"{self.name} as {self.alias}" if self.alias else self.name

    @property
    def is_backported(self) -> bool:
        return self.module == "typing" and self.name in BACKPORTED

    @property
    def is_local(self) -> bool:
        return self.module.startswith(".")


class TypeExpr:
    """A type as it appears in an annotation."""

    def render(self) -> str:
        raise NotImplementedError

    def imports(self) -> Iterator[Import]:
        raise NotImplementedError

    def refs(self) -> Iterator[DefRef]:
        """The generated definitions this type mentions."""
        return iter(())

    def names(self) -> Iterator[str]:
        """Every bare name the rendered text uses (to spot keys that shadow them)."""
        for item in self.imports():
            yield item.name

    def runtime(self, pending: Container[str] = ()) -> str:
        """The type as Python evaluates it at run time: generics that exist only in the stubs bare,
        references to `pending` definitions (not yet bound where this is evaluated) quoted."""
        return self.render()

    def runtime_refs(self) -> Iterator[DefRef]:
        """The generated definitions the run-time text mentions."""
        return self.refs()


@record
class Builtin(TypeExpr):
    """A name that needs no import: str, int, list, dict, ..."""

    name: str

    def render(self) -> str:
        return self.name

    def imports(self) -> Iterator[Import]:
        return iter(())

    def names(self) -> Iterator[str]:
        yield self.name


@record
class External(TypeExpr):
    """A name imported from another module: datetime, Sequence, StreamingBody, ..."""

    module: str
    name: str
    alias: str = ""

    def render(self) -> str:
        return self.alias or self.name

    def imports(self) -> Iterator[Import]:
        yield Import(self.module, self.name, self.alias)

    def names(self) -> Iterator[str]:
        yield self.render()

    @property
    def subscriptable_at_run_time(self) -> bool:
        return (self.module, self.name) not in NOT_SUBSCRIPTABLE_AT_RUN_TIME


@record
class DefRef(TypeExpr):
    """A reference to a definition generated into one of the package's modules."""

    name: str
    module: Module

    def render(self) -> str:
        return self.name

    def imports(self) -> Iterator[Import]:
        yield Import("." + self.module.value, self.name)

    def refs(self) -> Iterator[DefRef]:
        yield self

    def runtime(self, pending: Container[str] = ()) -> str:
        return quote(self.name) if self.name in pending else self.name


@record
class Subscript(TypeExpr):
    """A generic applied to arguments: Sequence[X], dict[str, X], Union[X, Y]."""

    base: TypeExpr
    args: tuple[TypeExpr, ...]

    def render(self) -> str:
        return f"{self.base.render()}[{', '.join(arg.render() for arg in self.args)}]"

    @property
    def erased_at_run_time(self) -> bool:
        return isinstance(self.base, External) and not self.base.subscriptable_at_run_time

    def runtime(self, pending: Container[str] = ()) -> str:
        if self.erased_at_run_time:
            return self.base.runtime(pending)
        return f"{self.base.runtime(pending)}[{', '.join(arg.runtime(pending) for arg in self.args)}]"

    def runtime_refs(self) -> Iterator[DefRef]:
        if not self.erased_at_run_time:
            for arg in self.args:
                yield from arg.runtime_refs()

    def imports(self) -> Iterator[Import]:
        yield from self.base.imports()
        for arg in self.args:
            yield from arg.imports()

    def refs(self) -> Iterator[DefRef]:
        for arg in self.args:
            yield from arg.refs()

    def names(self) -> Iterator[str]:
        yield from self.base.names()
        for arg in self.args:
            yield from arg.names()


@record
class CallableType(TypeExpr):
    """Callable[[A, B], R]."""

    parameters: tuple[TypeExpr, ...]
    returns: TypeExpr

    def render(self) -> str:
        parameters = ", ".join(item.render() for item in self.parameters)
        return f"Callable[[{parameters}], {self.returns.render()}]"

    def runtime(self, pending: Container[str] = ()) -> str:
        parameters = ", ".join(item.runtime(pending) for item in self.parameters)
        return f"Callable[[{parameters}], {self.returns.runtime(pending)}]"

    def runtime_refs(self) -> Iterator[DefRef]:
        for item in (*self.parameters, self.returns):
            yield from item.runtime_refs()

    def imports(self) -> Iterator[Import]:
        yield Import("collections.abc", "Callable")
        for item in (*self.parameters, self.returns):
            yield from item.imports()

    def refs(self) -> Iterator[DefRef]:
        for item in (*self.parameters, self.returns):
            yield from item.refs()

    def names(self) -> Iterator[str]:
        yield "Callable"
        for item in (*self.parameters, self.returns):
            yield from item.names()


@record
class Deferred(TypeExpr):
    """A type that run-time Python must not evaluate where it is written: a string of its run-time text,
    for names bound further down the module. Stubs write it plainly."""

    inner: TypeExpr

    def render(self) -> str:
        return self.inner.render()

    def runtime(self, pending: Container[str] = ()) -> str:
        return quote(self.inner.runtime())

    def imports(self) -> Iterator[Import]:
        return self.inner.imports()

    def refs(self) -> Iterator[DefRef]:
        return self.inner.refs()

    def runtime_refs(self) -> Iterator[DefRef]:
        return self.inner.runtime_refs()

    def names(self) -> Iterator[str]:
        return self.inner.names()


@record
class LiteralValues(TypeExpr):
    """Literal["a", "b"]."""

    values: tuple[str, ...]

    def render(self) -> str:
        return f"Literal[{', '.join(quote(value) for value in self.values)}]"

    def imports(self) -> Iterator[Import]:
        yield Import("typing", "Literal")


def quote(value: str) -> str:
    """A Python string literal for `value`, quoted the way black prefers."""
    body = value.replace("\\", "\\\\").translate(_CONTROL_ESCAPES)
    if '"' in value and "'" not in value:
        return "'" + body + "'"
    return '"' + body.replace('"', '\\"') + '"'


_CONTROL_ESCAPES = {code: f"\\x{code:02x}" for code in range(32)} | {10: "\\n", 9: "\\t", 13: "\\r"}


STR = Builtin("str")
INT = Builtin("int")
FLOAT = Builtin("float")
BOOL = Builtin("bool")
BYTES = Builtin("bytes")
NONE = Builtin("None")
ANY = External("typing", "Any")
DATETIME = External("datetime", "datetime")
STREAMING_BODY = External("botocore.response", "StreamingBody")


def list_of(direction_is_input: bool, item: TypeExpr) -> TypeExpr:
    base: TypeExpr = External("collections.abc", "Sequence") if direction_is_input else Builtin("list")
    return Subscript(base, (item,))


def map_of(direction_is_input: bool, key: TypeExpr, value: TypeExpr) -> TypeExpr:
    base: TypeExpr = External("collections.abc", "Mapping") if direction_is_input else Builtin("dict")
    return Subscript(base, (key, value))


def union(*members: TypeExpr) -> TypeExpr:
    return Subscript(External("typing", "Union"), members)


_NOT_REQUIRED = External("typing", "NotRequired")


def not_required(inner: TypeExpr) -> TypeExpr:
    return Subscript(_NOT_REQUIRED, (inner,))
