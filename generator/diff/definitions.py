"""One statement's `ast` → facts: TypedDicts, aliases and Literals, classes with their methods; and a module
read statement by statement, each text parsed once per process (see statements.py)."""

from __future__ import annotations

import ast
import keyword
import re
from typing import Iterable, NamedTuple, Optional

from .facts import AliasFact, ClassFact, Definition, Key, MethodFact, Parameter, Signature, Type, TypedDictFact
from .statements import class_members, may_define, statements
from .types import type_of


class Source:
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


# a statement's facts by its text, for every package this process reads (see statements.py)
_READ: dict[bytes, list[tuple[str, Definition]]] = {}


def by_statement(body: bytes) -> Optional[list[tuple[str, Definition]]]:
    """A module's definitions, each statement parsed once per text; None when a statement does not parse
    alone (the text split went wrong: the whole module is parsed instead)."""
    return in_statements(statement for statement in statements(body) if may_define(statement))


def in_statements(texts: Iterable[bytes]) -> Optional[list[tuple[str, Definition]]]:
    """The definitions of top-level statements, in order, each text parsed once per process; None when one
    does not parse alone."""
    found: list[tuple[str, Definition]] = []
    for statement in texts:
        if statement not in _READ:
            try:
                _READ[statement] = (
                    _by_member(statement)
                    or _typed_dict_by_lines(statement)
                    or list(definitions_of("", ast.parse(statement), Source(statement)))
                )
            except (SyntaxError, ValueError):
                return None
        found += _READ[statement]
    return found


# a TypedDict class as the generator writes it: the class line, then one `key: annotation` line per key
_PLAIN_TYPED_DICT = re.compile(rb"class ([A-Za-z_]\w*)\(TypedDict\):\n((?:    [A-Za-z_]\w*: [^\s#'\"].*\n)+)\s*\Z")
_KEY_LINE = re.compile(rb"    ([A-Za-z_]\w*): (.*)\n")
# each annotation's key, by its text: a few thousand texts stand for a generation's keys
_KEYS: dict[bytes, Optional[Key]] = {}


def _typed_dict_by_lines(statement: bytes) -> Optional[list[tuple[str, Definition]]]:
    """A TypedDict of one-line keys, each annotation parsed alone once per text (the facts are those of
    the whole statement parsed); None for any other statement, or one whose annotations do not parse."""
    whole = _PLAIN_TYPED_DICT.match(statement)
    if whole is None:
        return None
    keys: dict[str, Key] = {}
    for line in _KEY_LINE.finditer(whole.group(2)):
        name, annotation = line.group(1).decode(), line.group(2)
        if keyword.iskeyword(name) or name == "__debug__" or annotation.endswith((b" ", b"\t")):
            return None
        if annotation not in _KEYS:
            _KEYS[annotation] = _annotation_key(annotation)
        key = _KEYS[annotation]
        if key is None:
            return None
        keys[name] = key
    class_name = whole.group(1).decode()
    return [] if class_name.startswith("_") else [(class_name, TypedDictFact(keys, ""))]


def _annotation_key(annotation: bytes) -> Optional[Key]:
    try:
        tree = ast.parse(annotation, mode="eval")
    except (SyntaxError, ValueError):
        return None
    return _key(tree.body, True, Source(annotation))


# a class's members by their text: the methods of a client are mostly the same in two generations
_MEMBERS: dict[bytes, tuple[list[tuple[str, Signature]], dict[str, Type]]] = {}


def _by_member(statement: bytes) -> Optional[list[tuple[str, Definition]]]:
    """A class other than a TypedDict, its header (with the docstring) and each member parsed apart."""
    parts = class_parts(statement)
    if parts is None:
        return None
    name, _, whole, members = parts
    if name.startswith("_"):
        return []
    signatures = {name: list(method.signatures) for name, method in whole.methods.items()}
    attributes = dict(whole.attributes)
    for member in members:
        found, more = member_facts(member)
        for each, signature in found:
            signatures.setdefault(each, []).append(signature)
        attributes.update(more)
    methods = {each: MethodFact(tuple(found)) for each, found in signatures.items() if not private(each)}
    return [(name, ClassFact(whole.bases, methods, attributes, whole.doc))]


class ClassParts(NamedTuple):
    """A class other than a TypedDict, by its text: the header (the `class` line, docstring and the
    attributes before the first method) read as a class of its own, and each member's text."""

    name: str
    header: bytes
    facts: ClassFact  # the header's
    members: list[bytes]


_PARTS: dict[bytes, Optional[ClassParts]] = {}


def class_parts(statement: bytes) -> Optional[ClassParts]:
    """A class other than a TypedDict in parts, parsing only its header; None for any other statement."""
    end = statement.find(b"\n")
    if not statement.startswith(b"class ") or b"TypedDict" in statement[: end if end >= 0 else None]:
        return None
    if statement not in _PARTS:
        header, *members = class_members(statement)
        tree = ast.parse(header + b"    ...\n")  # a SyntaxError is the caller's: the module is read whole
        node = tree.body[0] if len(tree.body) == 1 else None
        found = None  # a TypedDict after all, or no class
        if isinstance(node, ast.ClassDef):
            whole = _class(node, Source(header))
            found = ClassParts(node.name, header, whole, members) if isinstance(whole, ClassFact) else None
        _PARTS[statement] = found
    return _PARTS[statement]


def member_facts(member: bytes) -> tuple[list[tuple[str, Signature]], dict[str, Type]]:
    """A class member's methods (an overload each) and attributes, parsed once per text."""
    if member not in _MEMBERS:
        _MEMBERS[member] = _members(member)
    return _MEMBERS[member]


def private(name: str) -> bool:
    """A method users do not call (dunder methods are public)."""
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _members(member: bytes) -> tuple[list[tuple[str, Signature]], dict[str, Type]]:
    text = b"class _:\n" + member
    source = Source(text)
    methods: list[tuple[str, Signature]] = []
    attributes: dict[str, Type] = {}
    (node,) = ast.parse(text).body
    assert isinstance(node, ast.ClassDef)
    for item in node.body:
        if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
            methods.append((item.name, _signature(item, source)))
        elif isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
            attributes[item.target.id] = source.type(item.annotation)
    return methods, attributes


def target(node: ast.Assign) -> Optional[str]:
    if len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
        return node.targets[0].id
    return None


def definitions_of(module: str, tree: ast.Module, source: Source) -> Iterable[tuple[str, Definition]]:
    exported = _exports(tree) if module == "__init__" else None
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
            yield node.name, _class(node, source)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            name = target(node) if isinstance(node, ast.Assign) else _anntarget(node)
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
        if isinstance(node, ast.Assign) and target(node) == "__all__":
            if isinstance(node.value, (ast.List, ast.Tuple)):
                return frozenset(str(item.value) for item in node.value.elts if isinstance(item, ast.Constant))
    return frozenset()


def _anntarget(node: ast.AnnAssign) -> Optional[str]:
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


def _key(annotation: ast.expr, total: bool, source: Source) -> Key:
    if isinstance(annotation, ast.Subscript):
        wrapper = annotation.value
        wrapper_name = wrapper.id if isinstance(wrapper, ast.Name) else getattr(wrapper, "attr", "")
        if wrapper_name in ("NotRequired", "Required"):
            return Key(source.type(annotation.slice), wrapper_name == "Required")
    return Key(source.type(annotation), total)


def _functional_typed_dict(call: ast.Call, source: Source) -> TypedDictFact:
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


def _class(node: ast.ClassDef, source: Source) -> Definition:
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
    methods = {name: MethodFact(tuple(found)) for name, found in signatures.items() if not private(name)}
    return ClassFact(bases, methods, attributes, doc)


def _signature(node: ast.FunctionDef | ast.AsyncFunctionDef, source: Source) -> Signature:
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


def _annotation(argument: ast.arg, source: Source) -> Optional[Type]:
    return source.type(argument.annotation) if argument.annotation is not None else None
