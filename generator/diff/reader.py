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
from typing import Collection, Iterable, Optional

from ..errors import GeneratorError
from .definitions import Source, by_statement, definitions_of, in_statements, target
from .directions import Uses, forward
from .statements import may_define, statements
from .facts import AliasFact, Definition, Direction, Name, PackageFacts


class NotAGenerationError(GeneratorError):
    """A folder that holds no generated stub package."""

    exit_code = 2


def generation_packages(folder: Path) -> list[Path]:
    """The package folders of the generation `folder` (one distribution's folder, or a folder of them)."""
    if not folder.is_dir():
        raise NotAGenerationError(f"{folder}: not a folder")
    inits = sorted(folder.glob("*/__init__.pyi")) or sorted(folder.glob("*/*/__init__.pyi"))
    if not inits:
        raise NotAGenerationError(f"{folder}: no generated stub package (<distribution>/<package>/__init__.pyi)")
    return [init.parent for init in inits]


def read_generation(folder: Path) -> dict[str, PackageFiles]:
    """Every package under `folder`, by service name (its modules are parsed only when compared)."""
    packages: dict[str, PackageFiles] = {}
    for found in generation_packages(folder):
        package = PackageFiles.load(found)
        key = package.service if package.service not in packages else package.distribution
        packages[key] = package
    return packages


# a module's own docstring states the botocore version: it is no fact of the API
_MODULE_DOCSTRING = re.compile(rb'\A\s*[rRuU]?("""|\'\'\')(.*?)\1', re.DOTALL)
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
    _statements: dict[str, Optional[list[tuple[str, bytes]]]] = field(default_factory=dict)
    _starts: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def load(cls, folder: Path) -> "PackageFiles":
        texts: dict[str, bytes] = {}
        for path in sorted(folder.glob("*.pyi")):
            try:
                texts[path.stem] = path.read_bytes()
            except OSError as error:
                raise NotAGenerationError(f"{path}: cannot read: {error.strerror}") from None
        try:
            version = version_of((folder / "version.py").read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            version = ""
        return cls.of(folder.parent.name, texts, version)

    @classmethod
    def of(cls, distribution: str, texts: dict[str, bytes], version: str) -> "PackageFiles":
        """A package from its modules' texts, by module name (`generate --changes-since` reads the one it renders)."""
        package = cls("", distribution, version, texts)
        package.service = _service_name(package) or distribution
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
        return self.named(module, {identifier}).get(Name(module, identifier)) if module else None

    def statements(self, module: str) -> Optional[list[tuple[str, bytes]]]:
        """A module's top-level statements that may define a name, each with the name its text starts with;
        None for the package root (its re-exports need the whole module) and for a module whose statements
        cannot all be named by their text or parsed alone."""
        if module not in self._statements:
            found = None if module == "__init__" else _named_statements(self.body(module))
            self._statements[module] = found[0] if found is not None else None
            self._starts[module] = found[1] if found is not None else []
        return self._statements[module]

    def starts(self, module: str) -> list[int]:
        """Where each of `statements(module)` starts in the module's body."""
        self.statements(module)
        return self._starts[module]

    def read(self, module: str, statement: bytes) -> Optional[list[tuple[str, Definition]]]:
        """One statement's definitions, or None (and the module is read whole from then on) when it does not
        parse alone or defines another name than its text starts with."""
        name = _defined_name(statement)
        found = in_statements([statement])
        if name is None or found is None or any(each != name for each, _ in found):
            self._statements[module] = None
            return None
        return found

    def named(self, module: str, names: Collection[str]) -> dict[Name, Definition]:
        """The definitions of `names` in `module`, parsing only the statements that define them."""
        found: dict[Name, Definition] = {}
        for name, statement in self.statements(module) or ():
            if name in names:
                definitions = self.read(module, statement)
                if definitions is None:  # the module is read whole after all
                    break
                found.update((Name(module, n), d) for n, d in definitions)
        if self.statements(module) is not None:
            return found
        return {name: d for name, d in self.definitions(module).items() if name.name in names}

    def facts(self) -> PackageFacts:
        """Every module read: the whole package as facts."""
        facts = PackageFacts(self.service, self.distribution, self.version)
        for module in self.texts:
            facts.definitions.update(self.definitions(module))
        facts.directions = forward(facts.definitions)
        return facts

    def directions(self, names: Iterable[Name]) -> dict[Name, Direction]:
        """The directions of `names`, reading only the statements on a path from a method to them."""
        return Uses(self).directions(names)


def read_package(folder: Path) -> PackageFacts:
    return PackageFiles.load(folder).facts()


def _named_statements(body: bytes) -> Optional[tuple[list[tuple[str, bytes]], list[int]]]:
    """The statements that may define a name, each with its name, and where each starts in `body`."""
    found: list[tuple[str, bytes]] = []
    starts: list[int] = []
    at = 0
    for statement in statements(body):
        if may_define(statement) and not statement.isspace() and statement:
            name = _defined_name(statement)
            if name is None:
                return None
            found.append((name, statement))
            starts.append(at)
        at += len(statement)
    return found, starts


def _defined_name(statement: bytes) -> Optional[str]:
    found = _DEFINES.match(statement)
    return (found.group(1) or found.group(2)).decode() if found else None


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


def version_of(text: str) -> str:
    """version.py's `__version__` ("" when it has none)."""
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError):
        return ""
    for node in tree.body:
        if isinstance(node, ast.Assign) and target(node) == "__version__" and isinstance(node.value, ast.Constant):
            return str(node.value.value)
    return ""
