"""Generated stub packages on disk → `PackageFacts`, read with `ast` (the text's layout never matters).

A generation is found by its folder shape, whatever its family: `<distribution>/<package>/__init__.pyi`
(`types-boto3-s3/types_boto3_s3/`, `mypy-boto3-s3/mypy_boto3_s3/`, ...). The folder given may be one
distribution or a folder of them.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from ..errors import GeneratorError
from .facts import (
    AliasFact,
    ClassFact,
    Definition,
    Direction,
    Key,
    MethodFact,
    Name,
    PackageFacts,
    Parameter,
    Signature,
    Type,
    TypedDictFact,
)
from .statements import may_define, statements
from .types import type_of


class NotAGenerationError(GeneratorError):
    """A folder that holds no generated stub package."""

    exit_code = 2


def read_generation(folder: Path) -> dict[str, PackageFiles]:
    """Every package under `folder`, by service name (its modules are parsed only when compared)."""
    if not folder.is_dir():
        raise NotAGenerationError(f"{folder}: not a folder")
    inits = sorted(folder.glob("*/__init__.pyi")) or sorted(folder.glob("*/*/__init__.pyi"))
    if not inits:
        raise NotAGenerationError(f"{folder}: no generated stub package (<distribution>/<package>/__init__.pyi)")
    packages: dict[str, PackageFiles] = {}
    for init in inits:
        package = PackageFiles.load(init.parent)
        key = package.service if package.service not in packages else package.distribution
        packages[key] = package
    return packages


class _Source:
    """A module's bytes, to take an annotation's text by its node's offsets (ast's offsets count bytes)."""

    def __init__(self, source: bytes) -> None:
        self.source = source
        self.starts = [0]
        for line in source.splitlines(keepends=True):
            self.starts.append(self.starts[-1] + len(line))

    def type(self, node: ast.expr) -> Type:
        assert node.end_lineno is not None and node.end_col_offset is not None
        start = self.starts[node.lineno - 1] + node.col_offset
        end = self.starts[node.end_lineno - 1] + node.end_col_offset
        return type_of(self.source[start:end].decode("utf-8"))


# a module's own docstring states the botocore version: it is no fact of the API
_MODULE_DOCSTRING = re.compile(rb'\A\s*[rRuU]?("""|\'\'\')(.*?)\1', re.DOTALL)
_IDENTIFIER = re.compile(rb"[A-Za-z_][A-Za-z0-9_]*")
_DEFINES = re.compile(rb"^(?:class ([A-Za-z_]\w*)|([A-Za-z_]\w*)\s*[:=])", re.M)


@dataclass
class PackageFiles:
    """One package's module texts; each module is parsed into facts the first time it is asked for.

    Two packages compare module by module: a module whose text (its docstring aside) is the same on both
    sides has the same facts and is never parsed, so a diff costs what changed, not what exists.
    """

    service: str  # the botocore service name (literals' `<Client>ServiceName`), or the distribution folder's
    distribution: str  # types-boto3-s3
    version: str  # version.py's __version__ ("" when absent)
    texts: dict[str, bytes]
    _parsed: dict[str, dict[Name, Definition]] = field(default_factory=dict)
    _where: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, folder: Path) -> "PackageFiles":
        texts: dict[str, bytes] = {}
        for path in sorted(folder.glob("*.pyi")):
            try:
                texts[path.stem] = path.read_bytes()
            except OSError as error:
                raise NotAGenerationError(f"{path}: cannot read: {error.strerror}") from None
        package = cls("", folder.parent.name, _version(folder / "version.py"), texts)
        literals = package.definitions("literals") if "literals" in texts else {}
        package.service = _service_name(literals) or folder.parent.name
        return package

    def body(self, module: str) -> bytes:
        text = self.texts[module]
        found = _MODULE_DOCSTRING.match(text)
        return text[found.end() :] if found else text

    def definitions(self, module: str) -> dict[Name, Definition]:
        if module not in self._parsed:
            found = _by_statement(self.body(module)) if module != "__init__" else None
            if found is None:  # the package root (its re-exports need the whole module), or a split that failed
                text = self.texts[module]
                try:
                    tree = ast.parse(text, filename=f"{self.distribution}/{module}.pyi")
                except (SyntaxError, ValueError) as error:
                    where = f"{self.distribution}/{module}.pyi"
                    raise NotAGenerationError(f"{where}: cannot read: {type(error).__name__}: {error}") from None
                found = list(_definitions(module, tree, _Source(text)))
            self._parsed[module] = {Name(module, n): d for n, d in found}
        return self._parsed[module]

    def lookup(self, identifier: str) -> Optional[Definition]:
        """The definition a type's name stands for (any module but the root's re-exports), or None."""
        if not self._where:  # which module defines what, from the text: one pass, then only that module is read
            for module, text in self.texts.items():
                if module != "__init__":
                    for found in _DEFINES.finditer(text):
                        self._where.setdefault((found.group(1) or found.group(2)).decode(), module)
            self._where.setdefault("", "")
        module = self._where.get(identifier, "")
        return self.definitions(module).get(Name(module, identifier)) if module else None

    def facts(self) -> PackageFacts:
        """Every module read: the whole package as facts."""
        facts = PackageFacts(self.service, self.distribution, self.version)
        for module in self.texts:
            facts.definitions.update(self.definitions(module))
        facts.directions = _directions(facts.definitions)
        return facts

    def directions(self, names: Iterable[Name]) -> dict[Name, Direction]:
        """The directions of `names`, reading only the modules a path from a method to them can pass through:
        every module on such a path mentions the next name's identifier, so the others cannot matter."""
        read = set(self._parsed)
        wanted = {name.name for name in names}
        for module in read:
            wanted |= {name.name for name in self._parsed[module]}
        while True:
            more = {
                module for module in self.texts if module not in read and wanted & set(_identifiers(self.texts[module]))
            }
            if not more:
                break
            read |= more
            for module in more:
                wanted |= {name.name for name in self.definitions(module)}
        definitions: dict[Name, Definition] = {}
        for module in read:
            definitions.update(self.definitions(module))
        return _directions(definitions)


# a statement's facts by its text, for every package this process reads (see statements.py)
_READ: dict[bytes, list[tuple[str, Definition]]] = {}


def _by_statement(body: bytes) -> Optional[list[tuple[str, Definition]]]:
    """A module's definitions, each statement parsed once per text; None when a statement does not parse
    alone (the text split went wrong: the whole module is parsed instead)."""
    found: list[tuple[str, Definition]] = []
    for statement in statements(body):
        if not may_define(statement):
            continue
        if statement not in _READ:
            try:
                tree = ast.parse(statement)
            except (SyntaxError, ValueError):
                return None
            _READ[statement] = list(_definitions("", tree, _Source(statement)))
        found += _READ[statement]
    return found


def _identifiers(text: bytes) -> Iterable[str]:
    return (found.decode() for found in _IDENTIFIER.findall(text))


def read_package(folder: Path) -> PackageFacts:
    return PackageFiles.load(folder).facts()


def _service_name(literals: dict[Name, Definition]) -> Optional[str]:
    """The botocore name, from `<Client>ServiceName = Literal["s3"]` (the same in every family)."""
    for name, definition in literals.items():
        if name.name.endswith("ServiceName") and name.name not in ("ServiceName", "ResourceServiceName"):
            if isinstance(definition, AliasFact) and definition.values and len(definition.values) == 1:
                value = ast.literal_eval(next(iter(definition.values))[len("Literal[") : -1])
                return value if isinstance(value, str) else None
    return None


def _version(path: Path) -> str:
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"))
    except (OSError, SyntaxError, UnicodeDecodeError, ValueError):
        return ""
    for node in tree.body:
        if isinstance(node, ast.Assign) and _target(node) == "__version__" and isinstance(node.value, ast.Constant):
            return str(node.value.value)
    return ""


def _target(node: ast.Assign) -> Optional[str]:
    if len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
        return node.targets[0].id
    return None


def _definitions(module: str, tree: ast.Module, source: _Source) -> Iterable[tuple[str, Definition]]:
    exported = _exports(tree) if module == "__init__" else None
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
            yield node.name, _class(node, source)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            name = _target(node) if isinstance(node, ast.Assign) else _ann_target(node)
            if name is None or name.startswith("_") or node.value is None:
                continue
            if isinstance(node.value, ast.Call) and _called(node.value) == "TypedDict":
                yield name, _functional_typed_dict(node.value, source)
            elif isinstance(node.value, (ast.Name, ast.Attribute, ast.Subscript, ast.BinOp)):
                yield name, _alias(source.type(node.value))
        elif isinstance(node, ast.ImportFrom) and exported is not None:
            # the package root re-exports: a name dropped from it breaks `from types_boto3_x import Y`
            for alias in node.names:
                public = alias.asname or alias.name
                if public in exported:
                    origin = f"{(node.module or '').lstrip('.')}.{alias.name}"
                    yield public, AliasFact(Type(frozenset({origin}), frozenset()))


def _exports(tree: ast.Module) -> frozenset[str]:
    for node in tree.body:
        if isinstance(node, ast.Assign) and _target(node) == "__all__":
            if isinstance(node.value, (ast.List, ast.Tuple)):
                return frozenset(str(item.value) for item in node.value.elts if isinstance(item, ast.Constant))
    return frozenset()


def _ann_target(node: ast.AnnAssign) -> Optional[str]:
    return node.target.id if isinstance(node.target, ast.Name) else None


def _called(node: ast.Call) -> str:
    function = node.func
    return function.id if isinstance(function, ast.Name) else getattr(function, "attr", "")


def _alias(kind: Type) -> AliasFact:
    literal = all(member.startswith("Literal[") for member in kind.members)
    return AliasFact(kind, frozenset(kind.members) if literal else None)


def _total(keywords: list[ast.keyword]) -> bool:
    for keyword in keywords:
        if keyword.arg == "total" and isinstance(keyword.value, ast.Constant):
            return bool(keyword.value.value)
    return True


def _key(annotation: ast.expr, total: bool, source: _Source) -> Key:
    if isinstance(annotation, ast.Subscript):
        wrapper = annotation.value
        wrapper_name = wrapper.id if isinstance(wrapper, ast.Name) else getattr(wrapper, "attr", "")
        if wrapper_name in ("NotRequired", "Required"):
            return Key(source.type(annotation.slice), wrapper_name == "Required")
    return Key(source.type(annotation), total)


def _functional_typed_dict(call: ast.Call, source: _Source) -> TypedDictFact:
    total = _total(call.keywords)
    keys: dict[str, Key] = {}
    fields = call.args[1] if len(call.args) > 1 else None
    if isinstance(fields, ast.Dict):
        for key, value in zip(fields.keys, fields.values):
            if isinstance(key, ast.Constant) and isinstance(key.value, str):
                keys[key.value] = _key(value, total, source)
    return TypedDictFact(keys)


def _base_names(node: ast.ClassDef) -> frozenset[str]:
    return frozenset(ast.unparse(base).rsplit(".", 1)[-1].split("[", 1)[0] for base in node.bases)


def _class(node: ast.ClassDef, source: _Source) -> Definition:
    doc = ast.get_docstring(node) or ""
    bases = _base_names(node)
    if "TypedDict" in bases:
        total = _total(node.keywords)
        keys = {
            item.target.id: _key(item.annotation, total, source)
            for item in node.body
            if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name)
        }
        return TypedDictFact(keys, doc)
    signatures: dict[str, list[Signature]] = {}
    attributes: dict[str, Type] = {}
    for item in node.body:
        if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
            signatures.setdefault(item.name, []).append(_signature(item, source))
        elif isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
            attributes[item.target.id] = source.type(item.annotation)
    methods = {name: MethodFact(tuple(found)) for name, found in signatures.items() if not _private(name)}
    return ClassFact(bases, methods, attributes, doc)


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _signature(node: ast.FunctionDef | ast.AsyncFunctionDef, source: _Source) -> Signature:
    arguments = node.args
    parameters: dict[str, Parameter] = {}
    positional = arguments.posonlyargs + arguments.args
    defaults = [None] * (len(positional) - len(arguments.defaults)) + list(arguments.defaults)
    for index, (argument, default) in enumerate(zip(positional, defaults)):
        if index == 0 and argument.arg in ("self", "cls"):
            continue
        parameters[argument.arg] = Parameter(_annotation(argument, source), default is None, "positional")
    if arguments.vararg is not None:
        parameters["*" + arguments.vararg.arg] = Parameter(_annotation(arguments.vararg, source), False, "*args")
    for argument, kw_default in zip(arguments.kwonlyargs, arguments.kw_defaults):
        parameters[argument.arg] = Parameter(_annotation(argument, source), kw_default is None, "keyword")
    if arguments.kwarg is not None:
        parameters["**" + arguments.kwarg.arg] = Parameter(_annotation(arguments.kwarg, source), False, "**kwargs")
    returns = source.type(node.returns) if node.returns is not None else None
    return Signature(parameters, returns, ast.get_docstring(node) or "")


def _annotation(argument: ast.arg, source: _Source) -> Optional[Type]:
    return source.type(argument.annotation) if argument.annotation is not None else None


def _directions(definitions: dict[Name, Definition]) -> dict[Name, Direction]:
    """Input where a method parameter (a `**kwargs: Unpack[...]` too) reaches it, output where a return or a
    class attribute does, through the keys of TypedDicts and the types of aliases in between."""
    by_identifier: dict[str, list[Name]] = {}
    for name in definitions:
        if name.module != "__init__":
            by_identifier.setdefault(name.name, []).append(name)
    directions: dict[Name, Direction] = {}
    pending: list[tuple[str, Direction]] = []
    for definition in definitions.values():
        if not isinstance(definition, ClassFact):
            continue
        for method in definition.methods.values():
            for signature in method.signatures:
                for parameter in signature.parameters.values():
                    if parameter.type is not None:
                        pending += [(identifier, Direction.INPUT) for identifier in parameter.type.names]
                if signature.returns is not None:
                    pending += [(identifier, Direction.OUTPUT) for identifier in signature.returns.names]
        for attribute in definition.attributes.values():
            pending += [(identifier, Direction.OUTPUT) for identifier in attribute.names]
    while pending:
        identifier, direction = pending.pop()
        for name in by_identifier.get(identifier, ()):
            known = directions.get(name, Direction.NONE)
            if direction in known:
                continue
            directions[name] = known | direction
            pending += [(mentioned, direction) for mentioned in _mentions(definitions[name])]
    return directions


def _mentions(definition: Definition) -> Iterable[str]:
    if isinstance(definition, TypedDictFact):
        for key in definition.keys.values():
            yield from key.type.names
    elif isinstance(definition, AliasFact):
        yield from definition.type.names
