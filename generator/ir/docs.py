"""The docs view of a ServicePackage: each page's sections, code lines with their numbered `# (n)` notes,
links to definitions and example values. Templates only loop over what this builds."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from .defs import AliasDef, LiteralDef, TypeDef, TypedDictDef
from .docs_code import CodeBlock, CodeLine, MethodSection, Note, Returns, links
from .docs_resources import ResourcePage
from .examples import Example, ExampleValues, call_lines, is_identifier
from .package import ClassDef, Method, ServicePackage
from .resources import KeywordOnly
from .snippets import usage_snippets
from .types import NONE, STR, Module, Subscript, quote

_ACCESSORS = {Module.PAGINATOR: "get_paginator", Module.WAITER: "get_waiter"}
# the page of each optional module, skipped (like the module's stub) when a service lacks it
OPTIONAL_PAGES = {"paginator": "paginators", "waiter": "waiters", "service_resource": "service_resource"}
# built-in methods whose string argument is an operation's method name
_METHOD_NAMES = frozenset({"operation_name", "ClientMethod"})


@dataclass(frozen=True)
class TypeDefSection:
    name: str
    kind: str
    example: tuple[str, ...]
    definition: tuple[CodeLine, ...]
    notes: tuple[Note, ...]


@dataclass(frozen=True)
class ErratumNote:
    """A literal's correction of its model: the values as inline code, why, and the upstream report."""

    added: str
    model_values: str
    reason: str
    reference: str


@dataclass(frozen=True)
class LiteralSection:
    name: str
    example: str
    definition: tuple[str, ...]
    errata: tuple[ErratumNote, ...] = ()


@dataclass(frozen=True)
class ClassSection:
    """A paginator or waiter class: how to get one from the client, and its methods."""

    name: str
    summary: str
    doc_url: str
    example: tuple[str, ...]
    methods: tuple[MethodSection, ...]


@dataclass(frozen=True)
class Page:
    file: str
    title: str
    description: str


def type_def_section(definition: TypeDef) -> TypeDefSection:
    block = CodeBlock()
    if isinstance(definition, AliasDef):
        example: tuple[str, ...] = ("return ...",)
        _alias_lines(block, definition)
    else:
        first = [f"    {item.key}: ...," for item in definition.fields[:1]]
        example = ("return {", *first, "}") if first else ("return {}",)
        _typed_dict_lines(block, definition)
    return TypeDefSection(definition.name, definition.kind, example, tuple(block.lines), block.notes)


def _alias_lines(block: CodeBlock, definition: AliasDef) -> None:
    expr = definition.type
    if not isinstance(expr, Subscript):
        block.add(f"{definition.name} = {expr.render()}", expr)
        return
    block.add(f"{definition.name} = {expr.base.render()}[")
    for arg in expr.args:
        block.add(f"    {arg.render()},", arg)
    block.add("]")


def _typed_dict_lines(block: CodeBlock, definition: TypedDictDef) -> None:
    if definition.functional:
        block.add(f"{definition.name} = TypedDict(").add(f"    {quote(definition.name)},").add("    {")
        for item in definition.fields:
            block.add(f"        {item.key}: {item.annotation.render()},", item.type)
        block.add("    },").add(")")
        return
    block.add(f"class {definition.name}(TypedDict):")
    for item in definition.fields:
        block.add(f"    {item.name}: {item.annotation.render()}", item.type)
    if not definition.fields:
        block.add("    pass")


def _signature_lines(block: CodeBlock, method: Method) -> None:
    """`def name(self, *, Key: type, ...) -> result: ...`, required keys first, each type annotated."""
    block.add(f"def {method.name}(").add("    self,")
    if method.request is not None and all(is_identifier(f.name) for f in method.request.fields):
        block.add("    *,")
        for item in method.request.fields:
            default = "" if item.required else " = ..."
            block.add(f"    {item.name}: {item.type.render()}{default},", item.type)
    else:
        for parameter in method.parameters:
            block.add(f"    {parameter.render()},", parameter.type)
    block.add(f") -> {method.return_type.render()}:", method.return_type).add("    ...")


def literal_section(literal: LiteralDef, values: ExampleValues) -> LiteralSection:
    example = values.for_type(literal.ref, "string").inline
    if literal.values:
        definition = (f"{literal.name} = Literal[", *(f"    {quote(v)}," for v in literal.values), "]")
    else:
        definition = (f"{literal.name} = {literal.type.render()}",)
    return LiteralSection(literal.name, example, definition, tuple(_erratum_notes(literal)))


def _erratum_notes(literal: LiteralDef) -> Iterable[ErratumNote]:
    item = literal.erratum
    if item is not None:
        yield ErratumNote(_code_values(item.added), _code_values(item.model_values), item.reason, item.reference)


def _code_values(values: Iterable[str]) -> str:
    return ", ".join(f"`{quote(value)}`" for value in values)


class DocsView:
    """Everything the docs templates of one service show, derived from its ServicePackage."""

    def __init__(self, package: ServicePackage) -> None:
        self.package = package
        definitions = {item.name: item for item in (*package.type_defs, *package.literals)}
        self.values = ExampleValues(definitions)
        self.type_defs = tuple(type_def_section(item) for item in package.type_defs)
        self.literals = tuple(literal_section(item, self.values) for item in package.literals)
        self.operations = tuple(m for m in package.client.methods if m.operation_name)
        self.methods = self._methods(package.client.methods, "client")
        self.paginators = tuple(self._class(item, "paginator") for item in package.paginators)
        self.waiters = tuple(self._class(item, "waiter") for item in package.waiters)
        self.exceptions = package.client.exceptions
        modeled = [name for name in self.exceptions if name != "ClientError"]
        self.example_exception = (modeled or ["ClientError"])[0]
        resource = ResourcePage(self, package.resource) if package.resource else None
        self.resource_sections = resource.sections() if resource else ()
        self.resource_tour = resource.tour() if resource else ()
        # index.md shows the service resource annotated too, where there is one
        self.resource_uses = (resource.service_lines,) if resource else ()
        self.snippets = usage_snippets(self)
        skipped = {OPTIONAL_PAGES[name] for name in package.absent_modules}
        self.skip = frozenset(skipped)
        self.pages = tuple(page for page in _PAGES if page.file[:-3] not in skipped)

    @property
    def client_lines(self) -> tuple[str, ...]:
        """Creating the client with an explicit annotation."""
        package = self.package
        return (
            "import boto3",
            "",
            f"from {package.module_name} import {package.client.name}",
            "",
            f"client: {package.client.name} = boto3.client({quote(package.service_name)})",
        )

    # client.md, paginators.md, waiters.md ---------------------------------------------------
    def _methods(self, methods: Iterable[Method], receiver: str) -> tuple[MethodSection, ...]:
        """One section per method name: overloads (get_paginator, get_waiter) share theirs."""
        groups: dict[str, list[Method]] = {}
        for method in methods:
            groups.setdefault(method.name, []).append(method)
        return tuple(self.method_section(group, receiver) for group in groups.values())

    def method_section(self, overloads: list[Method], receiver: str) -> MethodSection:
        block = CodeBlock()
        for method in overloads:
            if block.lines:
                block.add("")
            for decorator in method.decorators:
                block.add(f"@{decorator.expr.render()}")
            _signature_lines(block, method)
        method = overloads[0]
        head = f"{receiver}." if method.return_type == NONE else f"result = {receiver}."
        example = call_lines(head + method.name, self.arguments(method))
        returned = {item.return_type.render(): item.return_type for item in overloads}
        found = {link.name: link for expr in returned.values() for link in links(expr)}
        returns = Returns(" | ".join(returned), tuple(found.values()))
        summary = _markdown_text(method.summary)
        return MethodSection(
            method.name, summary, method.doc_url, tuple(block.lines), block.notes, tuple(example), returns
        )

    def _class(self, item: ClassDef, variable: str) -> ClassSection:
        accessor = f"client.{_ACCESSORS[item.module]}({quote(item.key)})"
        example = (
            *self.client_lines[:3],
            f"from {self.package.module_name}.{item.module.value} import {item.name}",
            "",
            self.client_lines[-1],
            f"{variable}: {item.name} = {accessor}",
        )
        methods = self._methods(item.methods, variable)
        return ClassSection(item.name, _markdown_text(item.summary), item.doc_url, example, methods)

    def arguments(self, method: Method) -> tuple[tuple[str, Example], ...]:
        if method.request is not None:
            return self.values.required_arguments(method.request)
        first = self.operations[0].name if self.operations else "close"
        # the built-in methods take an operation's method name, not any string
        return tuple(
            (p.name, Example(quote(first)) if p.name in _METHOD_NAMES and p.type == STR else
             self.values.for_type(p.type, p.name))
            for p in method.parameters
            if p.default is None and not p.unpacked and not isinstance(p, KeywordOnly)
        )


_PAGES = (
    Page("client.md", "Client", "the client class, its exceptions and one section per method"),
    Page("paginators.md", "Paginators", "one class per paginator, from `client.get_paginator`"),
    Page("waiters.md", "Waiters", "one class per waiter, from `client.get_waiter`"),
    Page("service_resource.md", "Service resource", "`boto3.resource`: its resources and their collections"),
    Page("type_defs.md", "Type definitions", "the TypedDicts of requests and results, and their aliases"),
    Page("literals.md", "Literals", "the Literal types of enum values, service and region names"),
    Page("usage.md", "Usage examples", "short worked examples"),
)


def _markdown_text(text: str) -> str:
    """botocore's plain text made inert in markdown: no emphasis, link or raw HTML from its punctuation."""
    escaped = "".join("\\" + char if char in "\\`*_[]#|" else char for char in text)
    return escaped.replace("<", "&lt;").replace(">", "&gt;")


@dataclass(frozen=True)
class SiteService:
    """One service folder of the docs site, for the top-level index."""

    name: str
    module: str
    pages: tuple[Page, ...]

    @property
    def pypi_name(self) -> str:
        return "types-boto3-" + self.name


def site_services(folders: dict[str, set[str]], service_names: Iterable[str]) -> tuple[SiteService, ...]:
    """The services whose folders (module name -> page files) are in the docs folder, by service name."""
    by_module = {"types_boto3_" + name.replace("-", "_"): name for name in service_names}
    found = [
        SiteService(
            by_module.get(module, module.removeprefix("types_boto3_").replace("_", "-")),
            module,
            tuple(page for page in _PAGES if page.file in files),
        )
        for module, files in folders.items()
    ]
    return tuple(sorted(found, key=lambda service: service.name))
