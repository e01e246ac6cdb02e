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
from .definitions import Source, by_statement, definitions_of, target
from .facts import AliasFact, ClassFact, Definition, Direction, Name, PackageFacts, TypedDictFact


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


# a module's own docstring states the botocore version: it is no fact of the API
_MODULE_DOCSTRING = re.compile(rb'\A\s*[rRuU]?("""|\'\'\')(.*?)\1', re.DOTALL)
_IDENTIFIER = re.compile(rb"[A-Za-z_][A-Za-z0-9_]*")
_SERVICE_NAME = re.compile(rb"""^(\w+)ServiceName = Literal\[(["'])([\w.-]+)\2\]$""", re.M)
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
        package.service = _service_name(package) or folder.parent.name
        return package

    def body(self, module: str) -> bytes:
        text = self.texts[module]
        found = _MODULE_DOCSTRING.match(text)
        return text[found.end() :] if found else text

    def definitions(self, module: str) -> dict[Name, Definition]:
        if module not in self._parsed:
            found = by_statement(self.body(module)) if module != "__init__" else None
            if found is None:  # the package root (its re-exports need the whole module), or a split that failed
                text = self.texts[module]
                try:
                    tree = ast.parse(text, filename=f"{self.distribution}/{module}.pyi")
                except (SyntaxError, ValueError) as error:
                    where = f"{self.distribution}/{module}.pyi"
                    raise NotAGenerationError(f"{where}: cannot read: {type(error).__name__}: {error}") from None
                found = list(definitions_of(module, tree, Source(text)))
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
        mentioned = {module: frozenset(_IDENTIFIER.findall(text)) for module, text in self.texts.items()}
        wanted_text = {name.encode() for name in wanted}
        while True:
            more = {
                module for module in self.texts if module not in read and not wanted_text.isdisjoint(mentioned[module])
            }
            if not more:
                break
            read |= more
            for module in more:
                wanted_text |= {name.name.encode() for name in self.definitions(module)}
        definitions: dict[Name, Definition] = {}
        for module in read:
            definitions.update(self.definitions(module))
        return _directions(definitions)


def read_package(folder: Path) -> PackageFacts:
    return PackageFiles.load(folder).facts()


def _service_name(package: PackageFiles) -> Optional[str]:
    """The botocore name, from `<Client>ServiceName = Literal["s3"]` (the same in every family); found in the
    text when it is written on one line, so that loading a generation parses nothing."""
    text = package.texts.get("literals", b"")
    for found in _SERVICE_NAME.finditer(text):
        if found.group(1) != b"Resource":
            return found.group(3).decode()
    literals = package.definitions("literals") if text else {}
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
        if isinstance(node, ast.Assign) and target(node) == "__version__" and isinstance(node.value, ast.Constant):
            return str(node.value.value)
    return ""


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
