"""The docs view of a ServicePackage: each page's sections, code lines with their numbered `# (n)` notes,
links to definitions and example values. Templates only loop over what this builds."""

from __future__ import annotations

from typing import Iterable, Iterator

from ...ir.defs import AliasDef, LiteralDef, TypeDef, TypedDictDef
from ...ir.members import Method
from ...ir.package import ClassDef, ServicePackage
from ...ir.records import record
from ...ir.types import Module, Subscript, quote
from .code import CodeBlock, CodeLine, Link, MethodSection, Note
from .examples import ExampleValues
from .methods import MethodDocs, markdown_text
from .pages import CHANGES_PAGE, OPTIONAL_PAGES, PAGES
from .snippets import usage_snippets

_ACCESSORS = {Module.PAGINATOR: "get_paginator", Module.WAITER: "get_waiter"}


@record
class TypeDefSection:
    """One definition's entry on the type definitions page: example, definition and notes."""

    name: str
    kind: str
    example: tuple[str, ...]
    definition: tuple[CodeLine, ...]
    notes: tuple[Note, ...]
    successor: str = ""  # a deprecated alias: the name to use instead
    unused: bool = False  # a deprecated TypedDict: no operation uses its structure any more


@record
class ErratumNote:
    """A literal's correction of its model: the values as inline code, why, and the upstream report."""

    added: str
    model_values: str
    reason: str
    reference: str


@record
class LiteralSection:
    """One Literal's entry on the literals page, with its corrections of the model."""

    name: str
    example: str
    definition: tuple[str, ...]
    errata: tuple[ErratumNote, ...] = ()


@record
class ClassSection:
    """A paginator or waiter class: how to get one from the client, and its methods."""

    name: str
    summary: str
    doc_url: str
    example: tuple[str, ...]
    methods: tuple[MethodSection, ...]


def type_def_section(definition: TypeDef) -> TypeDefSection:
    block = CodeBlock()
    if isinstance(definition, AliasDef):
        example: tuple[str, ...] = ("return ...",)
        _alias_lines(block, definition)
    else:
        first = [f"    {item.key}: ...," for item in definition.fields[:1]]
        example = ("return {", *first, "}") if first else ("return {}",)
        _typed_dict_lines(block, definition)
    successor = definition.type.render() if isinstance(definition, AliasDef) and definition.deprecated else ""
    unused = isinstance(definition, TypedDictDef) and definition.unused
    return TypeDefSection(
        definition.name, definition.kind, example, tuple(block.lines), block.notes, successor, unused
    )


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


def _method_anchors(owner: str, prefix: str, methods: Iterable[MethodSection]) -> Iterator[tuple[str, str]]:
    for method in methods:
        if not method.name.startswith("_"):  # a dunder heading (`__aenter__`) renders as bold text: another anchor
            yield f"{owner}.{method.name}", f"{prefix}{method.name.lower()}"


class DocsView(MethodDocs):
    """Everything the docs templates of one service show, derived from its ServicePackage."""

    def __init__(self, package: ServicePackage, changes: bool = False) -> None:
        """`changes`: the package has a changes page (`generate --changes-since OLD`)."""
        super().__init__(package)
        self.type_defs = tuple(type_def_section(item) for item in package.type_defs)
        self.literals = tuple(literal_section(item, self.values) for item in package.literals)
        self.methods = self._methods(package.client.methods, "client")
        self.paginators = tuple(self._class(item, "paginator") for item in package.paginators)
        self.waiters = tuple(self._class(item, "waiter") for item in package.waiters)
        resource = None
        if package.resource:
            from .resources import ResourcePage  # only a service with resources has their pages

            resource = ResourcePage(self, package.resource)
        self.resource_sections = resource.sections() if resource else ()
        self.resource_tour = resource.tour() if resource else ()
        # index.md shows the service resource annotated too, where there is one
        self.resource_uses = (resource.service_lines,) if resource else ()
        self.snippets = usage_snippets(self, self.resource_tour)
        skipped = {OPTIONAL_PAGES[name] for name in package.absent_modules}
        if not changes:
            skipped.add(CHANGES_PAGE)
        self.skip = frozenset(skipped)
        self.pages = tuple(page for page in PAGES if page.file[:-3] not in skipped)

    def anchors(self) -> dict[str, str]:
        """The link to the section of each public name `diff` reports (`type_defs.XTypeDef`) that these pages
        have one for, and of each method of its classes (`client.S3Client.get_object`)."""
        refs = [item.ref for item in (*self.package.type_defs, *self.package.literals)]
        found = {f"{ref.module.value}.{ref.name}": Link.to(ref).href for ref in refs}
        client = f"{Module.CLIENT.value}.{self.package.client.name}"
        found[client] = f"./client.md#{self.package.client.name.lower()}"
        found[f"{Module.CLIENT.value}.Exceptions"] = "./client.md#exceptions"
        found.update(_method_anchors(client, "./client.md#", self.methods))
        classes = zip((*self.package.paginators, *self.package.waiters), (*self.paginators, *self.waiters))
        for item, section in classes:
            href = Link.to(item.ref).href
            found[f"{item.module.value}.{item.name}"] = href
            # `### ListXPaginator.paginate`: mkdocs' anchor drops the dot
            found.update(_method_anchors(f"{item.module.value}.{item.name}", href, section.methods))
        return found

    # client.md, paginators.md, waiters.md ---------------------------------------------------
    def _methods(self, methods: Iterable[Method], receiver: str) -> tuple[MethodSection, ...]:
        """One section per method name: overloads (get_paginator, get_waiter) share theirs."""
        groups: dict[str, list[Method]] = {}
        for method in methods:
            groups.setdefault(method.name, []).append(method)
        return tuple(self.method_section(group, receiver) for group in groups.values())

    def _class(self, item: ClassDef, variable: str) -> ClassSection:
        accessor = f"client.{_ACCESSORS[item.module]}({quote(item.key)})"
        example = self.client_code(
            (f"from {self.package.module_name}.{item.module.value} import {item.name}",),
            (f"{variable}: {item.name} = {accessor}",),
        )
        methods = self._methods(item.methods, variable)
        return ClassSection(item.name, markdown_text(item.summary), item.doc_url, example, methods)
