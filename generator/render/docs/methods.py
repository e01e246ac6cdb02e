"""What every docs page of a service builds on: its example values and operations, the client created with
an annotation, and how one method is documented (signature with numbered notes, example call, return type)."""

from __future__ import annotations

from ...ir.members import Method, ParameterKind
from ...ir.package import ServicePackage
from ...ir.types import NONE, STR, quote
from ..members import parameter_texts
from typing import Sequence

from .code import CodeBlock, MethodSection, Returns, links
from .examples import Example, ExampleValues, call_lines, is_identifier

# built-in methods whose string argument is an operation's method name
_METHOD_NAMES = frozenset({"operation_name", "ClientMethod"})


class MethodDocs:
    """The methods of one service as the docs show them; the resource page and the usage snippets use this."""

    def __init__(self, package: ServicePackage) -> None:
        self.package = package
        definitions = {item.name: item for item in (*package.type_defs, *package.literals)}
        self.values = ExampleValues(definitions)
        self.operations = tuple(m for m in package.client.methods if m.operation_name)
        self.exceptions = package.client.exceptions
        modeled = [name for name in self.exceptions if name != "ClientError"]
        self.example_exception = (modeled or ["ClientError"])[0]

    @property
    def client_lines(self) -> tuple[str, ...]:
        """Creating the client with an explicit annotation."""
        return self.client_code((), ())

    def client_code(
        self, imports: Sequence[str], body: Sequence[str], before: Sequence[str] = (), arguments: str = ""
    ) -> tuple[str, ...]:
        """`imports` after the client class's, `before` the client is created (with `arguments`) and
        annotated, then `body` using it: inside `async with`, in a coroutine, for an asyncio family."""
        package, client = self.package, self.package.client.name
        created = ", ".join(item for item in (quote(package.service_name), arguments) if item)
        own = f"from {package.module_name} import {client}"
        if not package.family.asynchronous:
            made = f"client: {client} = boto3.client({created})"
            return ("import boto3", "", own, *imports, "", *before, made, *body)
        return (
            "from aiobotocore.session import get_session",
            "",
            own,
            *imports,
            "",
            "",
            "async def main() -> None:",
            *(f"    {line}" for line in before),
            f"    async with get_session().create_client({created}) as opened:",
            f"        client: {client} = opened",
            *(f"        {line}" if line else "" for line in body),
        )

    def awaited(self, method: Method) -> str:
        """What a call of `method` is preceded by: `await ` where it returns a coroutine."""
        return "await " if method.awaitable else ""

    def method_section(self, overloads: list[Method], receiver: str) -> MethodSection:
        block = CodeBlock()
        for method in overloads:
            if block.lines:
                block.add("")
            if method.overload:
                block.add("@overload")
            _signature_lines(block, method)
        method = overloads[0]
        head = "" if method.return_type == NONE else "result = "
        example = call_lines(f"{head}{self.awaited(method)}{receiver}.{method.name}", self.arguments(method))
        returned = {item.return_type.render(): item.return_type for item in overloads}
        found = {link.name: link for expr in returned.values() for link in links(expr)}
        returns = Returns(" | ".join(returned), tuple(found.values()))
        summary = markdown_text(method.summary)
        return MethodSection(
            method.name, summary, method.doc_url, tuple(block.lines), block.notes, tuple(example), returns
        )

    def arguments(self, method: Method) -> tuple[tuple[str, Example], ...]:
        if method.request is not None:
            return self.values.required_arguments(method.request)
        first = self.operations[0].name if self.operations else "close"
        # the built-in methods take an operation's method name, not any string
        return tuple(
            (
                p.name,
                (
                    Example(quote(first))
                    if p.name in _METHOD_NAMES and p.type == STR
                    else self.values.for_type(p.type, p.name)
                ),
            )
            for p in method.parameters
            if p.default is None and p.kind is not ParameterKind.VAR_KEYWORD
        )


def _signature_lines(block: CodeBlock, method: Method) -> None:
    """`def name(self, *, Key: type, ...) -> result: ...`, required keys first, each type annotated."""
    block.add(f"{'async def' if method.awaitable else 'def'} {method.name}(").add("    self,")
    if method.request is not None and all(is_identifier(f.name) for f in method.request.fields):
        block.add("    *,")
        for item in method.request.fields:
            default = "" if item.required else " = ..."
            block.add(f"    {item.name}: {item.type.render()}{default},", item.type)
    else:
        for text, parameter in parameter_texts(method.parameters):
            block.add(f"    {text},", parameter.type if parameter else None)
    block.add(f") -> {method.return_type.render()}:", method.return_type).add("    ...")


def markdown_text(text: str) -> str:
    """botocore's plain text made inert in markdown: no emphasis, link or raw HTML from its punctuation."""
    escaped = "".join("\\" + char if char in "\\`*_[]#|" else char for char in text)
    return escaped.replace("<", "&lt;").replace(">", "&gt;")
