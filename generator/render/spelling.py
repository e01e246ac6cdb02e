"""How a module writes the IR's types: a stub (.pyi) as type checkers read them, a run-time module (.py) as
Python evaluates them. The templates are shared; each top-level template names its spelling."""

from __future__ import annotations

import dataclasses
from typing import Container, Mapping

from ..ir.defs import AliasDef, Field, TypedDictDef
from ..ir.package import ImportBlock, ImportGroup, ModuleDef, ServicePackage
from ..ir.records import record
from ..ir.types import Module, TypeExpr

# modules of classes whose method annotations name generics that exist only in the stubs: at run time
# they stay unevaluated strings (PEP 563). type_defs must not defer: a deferred `NotRequired[...]` is a
# string the TypedDict cannot see, and the key would count as required.
_DEFERRED = frozenset({Module.CLIENT, Module.PAGINATOR, Module.WAITER, Module.SERVICE_RESOURCE})
_FUTURE = ImportGroup((("__future__", ("annotations",)),))


class StubSpelling:
    """Types as the .pyi writes them."""

    def type(self, expr: TypeExpr) -> str:
        return expr.render()

    def annotation(self, definition: TypedDictDef, field: Field) -> str:
        return field.annotation.render()

    def functional(self, definition: TypedDictDef) -> bool:
        return definition.functional

    def alias(self, definition: AliasDef) -> str:
        return definition.type.render()

    def module(self, module: ModuleDef) -> ModuleDef:
        return module


@record
class _Pending:
    """The type_defs names not yet bound while `at`'s definition is evaluated (itself included)."""

    position: Mapping[str, int]
    at: int

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.position.get(name, -1) >= self.at


class RuntimeSpelling:
    """Types as the run-time .py evaluates them: stub-only generics bare, forward references quoted."""

    def __init__(self, package: ServicePackage) -> None:
        self._position = {definition.name: index for index, definition in enumerate(package.type_defs)}

    def _pending(self, name: str) -> Container[str]:
        return _Pending(self._position, self._position[name])

    def type(self, expr: TypeExpr) -> str:
        return expr.runtime()

    def annotation(self, definition: TypedDictDef, field: Field) -> str:
        return field.runtime_annotation(self._pending(definition.name))

    def functional(self, definition: TypedDictDef) -> bool:
        # checkers do not mangle names in a stub's class body; Python does in a module's
        return definition.functional or definition.mangled_in_a_class

    def alias(self, definition: AliasDef) -> str:
        # an alias is bound to its value, so only the pending names in it are strings (Union makes them
        # forward references)
        return definition.type.runtime(self._pending(definition.name))

    def module(self, module: ModuleDef) -> ModuleDef:
        if module.module not in _DEFERRED:
            return module
        imports = ImportBlock((_FUTURE, *module.imports.groups), module.imports.backported)
        return dataclasses.replace(module, imports=imports)
