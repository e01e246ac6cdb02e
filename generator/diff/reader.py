"""Generated stub packages on disk → `PackageFacts`, read with `ast` (the text's layout never matters).

A generation is found by its folder shape, whatever its family: `<distribution>/<package>/__init__.pyi`
(`types-boto3-s3/types_boto3_s3/`, `mypy-boto3-s3/mypy_boto3_s3/`, ...). The folder given may be one
distribution or a folder of them.
"""

from __future__ import annotations

import ast
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
from .types import to_type


class NotAGenerationError(GeneratorError):
    """A folder that holds no generated stub package."""

    exit_code = 2


def read_generation(folder: Path) -> dict[str, PackageFacts]:
    """Every package under `folder`, by service name."""
    if not folder.is_dir():
        raise NotAGenerationError(f"{folder}: not a folder")
    inits = sorted(folder.glob("*/__init__.pyi")) or sorted(folder.glob("*/*/__init__.pyi"))
    if not inits:
        raise NotAGenerationError(f"{folder}: no generated stub package (<distribution>/<package>/__init__.pyi)")
    packages: dict[str, PackageFacts] = {}
    for init in inits:
        package = read_package(init.parent)
        key = package.service if package.service not in packages else package.distribution
        packages[key] = package
    return packages


def read_package(folder: Path) -> PackageFacts:
    modules: dict[str, ast.Module] = {}
    for path in sorted(folder.glob("*.pyi")):
        try:
            modules[path.stem] = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        except (OSError, SyntaxError, UnicodeDecodeError, ValueError) as error:
            raise NotAGenerationError(f"{path}: cannot read: {type(error).__name__}: {error}") from None
    facts = PackageFacts(
        service=_service_name(modules.get("literals")) or folder.parent.name,
        distribution=folder.parent.name,
        version=_version(folder / "version.py"),
    )
    for module, tree in modules.items():
        for name, definition in _definitions(module, tree):
            facts.definitions[Name(module, name)] = definition
    facts.directions = _directions(facts.definitions)
    return facts


def _service_name(tree: Optional[ast.Module]) -> Optional[str]:
    """The botocore name, from literals' `<Client>ServiceName = Literal["s3"]` (same in every family)."""
    for node in tree.body if tree is not None else ():
        name = _target(node) if isinstance(node, ast.Assign) else None
        if name and name.endswith("ServiceName") and name not in ("ServiceName", "ResourceServiceName"):
            assert isinstance(node, ast.Assign)
            value = node.value
            if isinstance(value, ast.Subscript) and isinstance(value.slice, ast.Constant):
                return str(value.slice.value)
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


def _definitions(module: str, tree: ast.Module) -> Iterable[tuple[str, Definition]]:
    exported = _exports(tree) if module == "__init__" else None
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
            yield node.name, _class(node)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            name = _target(node) if isinstance(node, ast.Assign) else _ann_target(node)
            if name is None or name.startswith("_") or node.value is None:
                continue
            if isinstance(node.value, ast.Call) and _called(node.value) == "TypedDict":
                yield name, _functional_typed_dict(node.value)
            elif isinstance(node.value, (ast.Name, ast.Attribute, ast.Subscript, ast.BinOp)):
                yield name, _alias(node.value)
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


def _alias(value: ast.expr) -> AliasFact:
    kind = to_type(value)
    literal = all(member.startswith("Literal[") for member in kind.members)
    return AliasFact(kind, frozenset(kind.members) if literal else None)


def _total(keywords: list[ast.keyword]) -> bool:
    for keyword in keywords:
        if keyword.arg == "total" and isinstance(keyword.value, ast.Constant):
            return bool(keyword.value.value)
    return True


def _key(annotation: ast.expr, total: bool) -> Key:
    if isinstance(annotation, ast.Subscript):
        wrapper = annotation.value
        wrapper_name = wrapper.id if isinstance(wrapper, ast.Name) else getattr(wrapper, "attr", "")
        if wrapper_name in ("NotRequired", "Required"):
            return Key(to_type(annotation.slice), wrapper_name == "Required")
    return Key(to_type(annotation), total)


def _functional_typed_dict(call: ast.Call) -> TypedDictFact:
    total = _total(call.keywords)
    keys: dict[str, Key] = {}
    fields = call.args[1] if len(call.args) > 1 else None
    if isinstance(fields, ast.Dict):
        for key, value in zip(fields.keys, fields.values):
            if isinstance(key, ast.Constant) and isinstance(key.value, str):
                keys[key.value] = _key(value, total)
    return TypedDictFact(keys)


def _base_names(node: ast.ClassDef) -> frozenset[str]:
    return frozenset(ast.unparse(base).rsplit(".", 1)[-1].split("[", 1)[0] for base in node.bases)


def _class(node: ast.ClassDef) -> Definition:
    doc = ast.get_docstring(node) or ""
    bases = _base_names(node)
    if "TypedDict" in bases:
        total = _total(node.keywords)
        keys = {
            item.target.id: _key(item.annotation, total)
            for item in node.body
            if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name)
        }
        return TypedDictFact(keys, doc)
    signatures: dict[str, list[Signature]] = {}
    attributes: dict[str, Type] = {}
    for item in node.body:
        if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
            signatures.setdefault(item.name, []).append(_signature(item))
        elif isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
            attributes[item.target.id] = to_type(item.annotation)
    methods = {name: MethodFact(tuple(found)) for name, found in signatures.items() if not _private(name)}
    return ClassFact(bases, methods, attributes, doc)


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _signature(node: ast.FunctionDef | ast.AsyncFunctionDef) -> Signature:
    arguments = node.args
    parameters: dict[str, Parameter] = {}
    positional = arguments.posonlyargs + arguments.args
    defaults = [None] * (len(positional) - len(arguments.defaults)) + list(arguments.defaults)
    for index, (argument, default) in enumerate(zip(positional, defaults)):
        if index == 0 and argument.arg in ("self", "cls"):
            continue
        parameters[argument.arg] = Parameter(_annotation(argument), default is None, "positional")
    if arguments.vararg is not None:
        parameters["*" + arguments.vararg.arg] = Parameter(_annotation(arguments.vararg), False, "*args")
    for argument, kw_default in zip(arguments.kwonlyargs, arguments.kw_defaults):
        parameters[argument.arg] = Parameter(_annotation(argument), kw_default is None, "keyword")
    if arguments.kwarg is not None:
        parameters["**" + arguments.kwarg.arg] = Parameter(_annotation(arguments.kwarg), False, "**kwargs")
    returns = to_type(node.returns) if node.returns is not None else None
    return Signature(parameters, returns, ast.get_docstring(node) or "")


def _annotation(argument: ast.arg) -> Optional[Type]:
    return to_type(argument.annotation) if argument.annotation is not None else None


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
