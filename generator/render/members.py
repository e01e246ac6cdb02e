"""How the members of a generated class are written in a stub or run-time module: parameters (the bare `*`,
`**kwargs: Unpack[...]`), signatures, and the checker comments. This is the one place that decides what mypy
and pyright are told where a member overrides its base class's incompatibly, and on which line each sits."""

from __future__ import annotations

from typing import Iterator, Optional, Sequence

from ..ir.members import Method, Override, Parameter, ParameterKind
from ..ir.records import record
from ..ir.resources import Attribute

_MYPY_OVERRIDE = "# type: ignore[override]"
_PYRIGHT_METHOD = "# pyright: ignore[reportIncompatibleMethodOverride]"
_PYRIGHT_VARIABLE = "# pyright: ignore[reportIncompatibleVariableOverride]"


def parameter_text(parameter: Parameter) -> str:
    if parameter.kind is ParameterKind.VAR_KEYWORD:
        return f"**{parameter.name}: Unpack[{parameter.type.render()}]"
    text = f"{parameter.name}: {parameter.type.render()}"
    return text if parameter.default is None else f"{text} = {parameter.default}"


def parameter_texts(parameters: Sequence[Parameter]) -> Iterator[tuple[str, Optional[Parameter]]]:
    """Each parameter as written, the bare `*` (with no parameter) before the first keyword-only one."""
    starred = False
    for parameter in parameters:
        if parameter.kind is ParameterKind.KEYWORD_ONLY and not starred:
            starred = True
            yield "*", None
        yield parameter_text(parameter), parameter


def signature(method: Method) -> str:
    """What stands between the parentheses of the method's `def`."""
    return ", ".join(("self", *(text for text, _ in parameter_texts(method.parameters))))


def _mypy(override: Override) -> str:
    # mypy holds both narrowings against the base's signature
    return "" if override is Override.NONE else _MYPY_OVERRIDE


def _pyright(override: Override) -> str:
    # pyright accepts **kwargs: Unpack[...] over the base's **kwargs: Any
    return _PYRIGHT_METHOD if override is Override.INCOMPATIBLE else ""


def _joined(*comments: str) -> str:
    return "  ".join(comment for comment in comments if comment)


@record
class MethodLines:
    """One method as a class body writes it; `comment` sits on the `def` line, "" for none."""

    name: str
    keyword: str  # def, async def
    decorators: tuple[str, ...]  # each after its `@`, with its checker comment
    comment: str
    signature: str
    returns: str
    docstring: str
    doc_url: str


class MemberText:
    """The members of generated classes for the stub templates; the same in a .pyi and its .py."""

    # a hand-written override in a template that both checkers hold incompatible with its base's
    incompatible = _joined(_mypy(Override.INCOMPATIBLE), _pyright(Override.INCOMPATIBLE))

    def methods(self, methods: Sequence[Method]) -> tuple[MethodLines, ...]:
        return tuple(self._method(methods, index) for index in range(len(methods)))

    def _method(self, methods: Sequence[Method], index: int) -> MethodLines:
        method = methods[index]
        decorators: tuple[str, ...] = ()
        comment = _joined(_mypy(method.override), _pyright(method.override))
        if method.overload:
            # of overloads that narrow their base, mypy reports the first and pyright the last
            first = index == 0 or not _same_overloads(methods[index - 1], method)
            last = index == len(methods) - 1 or not _same_overloads(methods[index + 1], method)
            decorators = (_joined("overload", _mypy(method.override) if first else ""),)
            comment = _pyright(method.override) if last else ""
        return MethodLines(
            method.name,
            "async def" if method.awaitable else "def",
            decorators,
            comment,
            signature(method),
            method.return_type.render(),
            _docstring(method.summary),
            method.doc_url,
        )

    def attribute(self, attribute: Attribute) -> str:
        """`name: type`, and pyright's comment where the type narrows the base's (mypy accepts that)."""
        text = f"{attribute.name}: {attribute.type.render()}"
        return _joined(text, _PYRIGHT_VARIABLE if attribute.narrows else "")


def _docstring(summary: str) -> str:
    """The summary, made safe inside a triple-quoted string."""
    return summary.replace("\\", "\\\\").replace('"', '\\"')


def _same_overloads(neighbour: Method, method: Method) -> bool:
    return neighbour.overload and neighbour.name == method.name
