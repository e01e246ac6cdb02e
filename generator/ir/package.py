"""The package-level IR: the client, paginator and waiter classes, modules with their imports, and the
ServicePackage itself."""

from __future__ import annotations

import sys
from typing import Iterable, Iterator, Optional

from .defs import LiteralDef, TypeDef
from .family import BOTO3, Family
from .members import Method
from .records import record
from .resources import ServiceResourceDef
from .types import DefRef, External, Import, Module, TypeExpr


@record
class ClientDef:
    """The client class and its Exceptions class."""

    name: str
    methods: tuple[Method, ...]
    exceptions: tuple[str, ...]
    doc_url: str
    base: External = External("botocore.client", "BaseClient")

    def imports(self) -> Iterator[Import]:
        yield from self.base.imports()
        yield Import("botocore.client", "ClientMeta")
        yield Import("botocore.exceptions", "ClientError", "BotocoreClientError")
        for method in self.methods:
            yield from method.imports()


@record
class ClassDef:
    """A paginator or waiter class: what `client.get_paginator(key)` / `get_waiter(key)` returns."""

    name: str  # ListObjectsV2Paginator
    key: str  # list_objects_v2
    module: Module
    base: TypeExpr
    methods: tuple[Method, ...]
    summary: str
    doc_url: str

    @property
    def ref(self) -> DefRef:
        return DefRef(self.name, self.module)

    def imports(self) -> Iterator[Import]:
        yield from self.base.imports()
        for method in self.methods:
            yield from method.imports()


@record
class ImportGroup:
    """`from module import a, b` lines of one section, in black/isort order."""

    lines: tuple[tuple[str, tuple[str, ...]], ...]


@record
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


@record
class ModuleDef:
    """One generated .pyi module: its imports and public names."""

    module: Module
    imports: ImportBlock
    exports: tuple[str, ...]


@record
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
    paginators: tuple[ClassDef, ...] = ()
    waiters: tuple[ClassDef, ...] = ()
    dependencies: tuple[str, ...] = ()  # stub packages beyond botocore-stubs, for imports like boto3.s3.transfer
    resource: Optional[ServiceResourceDef] = None
    post: Optional[int] = None  # a .postN rebuild of the same botocore version
    family: Family = BOTO3
    library_version: Optional[str] = None  # the family's `versioned_by` library's, when that is not botocore

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
        return self.family.module(self.service_name)

    @property
    def pypi_name(self) -> str:
        return self.family.distribution(self.service_name)

    @property
    def version(self) -> str:
        """The distribution's version."""
        return self.family.version(self.library_version or self.botocore_version, self.post)

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

    @property
    def service_resource_module(self) -> ModuleDef:
        imports = self.resource.imports() if self.resource else iter(())
        exports = self.resource.exports if self.resource else ()
        return ModuleDef(Module.SERVICE_RESOURCE, ImportBlock.build(imports, Module.SERVICE_RESOURCE), exports)

    @property
    def aliases(self) -> tuple[tuple[str, str], ...]:
        """Short names the package root binds: `Client = S3Client`, `ServiceResource = S3ServiceResource`."""
        resource = (("ServiceResource", self.resource.name),) if self.resource else ()
        return (("Client", self.client.name), *resource)

    @property
    def init_module(self) -> ModuleDef:
        """The package root re-exports the client, its paginators and waiters under their names."""
        classes = [DefRef(self.client.name, Module.CLIENT)]
        classes.extend(item.ref for item in (*self.paginators, *self.waiters))
        if self.resource:
            classes.append(DefRef(self.resource.name, Module.SERVICE_RESOURCE))
        imports = (item for ref in classes for item in ref.imports())
        exports = (*(ref.name for ref in classes), *(alias for alias, _ in self.aliases))
        return ModuleDef(Module.INIT, ImportBlock.build(imports, Module.INIT), tuple(sorted(exports)))

    @property
    def paginator_module(self) -> ModuleDef:
        return _class_module(Module.PAGINATOR, self.paginators)

    @property
    def waiter_module(self) -> ModuleDef:
        return _class_module(Module.WAITER, self.waiters)


def _class_module(module: Module, classes: tuple[ClassDef, ...]) -> ModuleDef:
    imports = (item for definition in classes for item in definition.imports())
    return ModuleDef(
        module,
        ImportBlock.build(imports, module),
        tuple(sorted(definition.name for definition in classes)),
    )
