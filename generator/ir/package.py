"""The package-level IR: client methods, modules with their imports, and the ServicePackage itself."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Iterable, Iterator, Optional

from .defs import LiteralDef, TypeDef, TypedDictDef
from .types import Import, Module, TypeExpr


@dataclass(frozen=True)
class Parameter:
    """One parameter of a generated method."""

    name: str
    type: TypeExpr
    default: Optional[str] = None
    unpacked: bool = False  # **kwargs: Unpack[TypedDict]

    def render(self) -> str:
        if self.unpacked:
            return f"**{self.name}: Unpack[{self.type.render()}]"
        text = f"{self.name}: {self.type.render()}"
        return text if self.default is None else f"{text} = {self.default}"

    def imports(self) -> Iterator[Import]:
        if self.unpacked:
            yield Import("typing", "Unpack")
        yield from self.type.imports()


@dataclass(frozen=True)
class Method:
    """A method of a generated class; `operation_name` is empty for the ones botocore adds."""

    name: str
    parameters: tuple[Parameter, ...]
    return_type: TypeExpr
    summary: str
    doc_url: str
    operation_name: str = ""
    request: Optional[TypedDictDef] = None

    @property
    def docstring(self) -> str:
        """The summary, made safe inside a triple-quoted string."""
        return self.summary.replace("\\", "\\\\").replace('"', '\\"')

    @property
    def signature(self) -> str:
        return ", ".join(("self", *(parameter.render() for parameter in self.parameters)))

    def imports(self) -> Iterator[Import]:
        for parameter in self.parameters:
            yield from parameter.imports()
        yield from self.return_type.imports()


@dataclass(frozen=True)
class ClientDef:
    """The client class and its Exceptions class."""

    name: str
    methods: tuple[Method, ...]
    exceptions: tuple[str, ...]
    doc_url: str

    def imports(self) -> Iterator[Import]:
        yield Import("botocore.client", "BaseClient")
        yield Import("botocore.client", "ClientMeta")
        yield Import("botocore.errorfactory", "BaseClientExceptions")
        yield Import("botocore.exceptions", "ClientError", "BotocoreClientError")
        for method in self.methods:
            yield from method.imports()


@dataclass(frozen=True)
class ImportGroup:
    """`from module import a, b` lines of one section, in black/isort order."""

    lines: tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class ImportBlock:
    """All imports of one generated module, sectioned: stdlib, third party, local, version-gated."""

    groups: tuple[ImportGroup, ...]
    backported: tuple[str, ...]

    @classmethod
    def build(cls, imports: Iterable[Import], module: Module) -> ImportBlock:
        own = "." + module.value
        wanted = {item for item in imports if item.module != own}
        backported = sorted({item.name for item in wanted if item.is_backported})
        plain = [item for item in wanted if not item.is_backported]
        if backported:
            plain.append(Import("sys", ""))
        sections: list[list[Import]] = [[], [], []]
        for item in plain:
            top = item.module.split(".")[0]
            index = 2 if item.is_local else 0 if top in sys.stdlib_module_names else 1
            sections[index].append(item)
        groups = tuple(ImportGroup(_merge(section)) for section in sections if section)
        return cls(groups, tuple(backported))


def _merge(items: list[Import]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    by_module: dict[str, set[str]] = {}
    for item in items:
        by_module.setdefault(item.module, set())
        if item.name:
            by_module[item.module].add(item.text)
    # `import x` lines sort before `from x import` lines, as isort does
    order = sorted(by_module, key=lambda name: (bool(by_module[name]), name))
    return tuple((name, tuple(sorted(by_module[name], key=_isort_key))) for name in order)


def _isort_key(name: str) -> tuple[int, str]:
    # isort's force_sort_within_sections off: CONSTANTS, Classes, functions
    kind = 0 if name.isupper() else 1 if name[:1].isupper() else 2
    return (kind, name)


@dataclass(frozen=True)
class ModuleDef:
    """One generated .pyi module: its imports and public names."""

    module: Module
    imports: ImportBlock
    exports: tuple[str, ...]


@dataclass(frozen=True)
class ServicePackage:
    """Everything rendered for one service: the stub package and its documentation pages."""

    service_name: str  # botocore's name: sagemaker-edge
    class_prefix: str  # botocore's client class name: SagemakerEdgeManager
    service_full_name: str
    botocore_version: str
    client: ClientDef
    type_defs: tuple[TypeDef, ...]
    literals: tuple[LiteralDef, ...]
    boto3_doc_url: str
    # filled by the paginator, waiter and resource parsers (issue #4); their types are theirs to define
    paginators: tuple[object, ...] = ()
    waiters: tuple[object, ...] = ()
    resource: Optional[object] = None

    @property
    def absent_modules(self) -> frozenset[str]:
        """Optional modules this service has nothing for: their templates are not rendered."""
        present = {
            Module.PAGINATOR: bool(self.paginators),
            Module.WAITER: bool(self.waiters),
            Module.SERVICE_RESOURCE: self.resource is not None,
        }
        return frozenset(module.value for module, has in present.items() if not has)

    @property
    def module_name(self) -> str:
        return "types_boto3_" + self.service_name.replace("-", "_")

    @property
    def pypi_name(self) -> str:
        return "types-boto3-" + self.service_name

    @property
    def client_variable(self) -> str:
        return self.service_name.replace("-", "_") + "_client"

    @property
    def type_defs_module(self) -> ModuleDef:
        imports = (item for definition in self.type_defs for item in definition.imports())
        return ModuleDef(
            Module.TYPE_DEFS,
            ImportBlock.build(imports, Module.TYPE_DEFS),
            tuple(sorted(definition.name for definition in self.type_defs)),
        )

    @property
    def literals_module(self) -> ModuleDef:
        imports = [Import("typing", "Literal")] if self.literals else []
        return ModuleDef(
            Module.LITERALS,
            ImportBlock.build(imports, Module.LITERALS),
            tuple(sorted(literal.name for literal in self.literals)),
        )

    @property
    def client_module(self) -> ModuleDef:
        return ModuleDef(
            Module.CLIENT,
            ImportBlock.build(self.client.imports(), Module.CLIENT),
            (self.client.name,),
        )
