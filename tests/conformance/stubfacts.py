"""What a generated stub package declares, read from its client.pyi with ast (never imported)."""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Union

from generator.ir.family import BOTO3, Family

Function = Union[ast.FunctionDef, ast.AsyncFunctionDef]  # aiobotocore's operations are `async def`


@dataclass(frozen=True)
class StubMethod:
    """One method of the stub client (overloads merged): its request TypedDict, result type and Literal args."""

    name: str
    request: Optional[str]
    result: str
    takes_kwargs: bool
    literals: frozenset[str]
    # `(self, **kwargs: Unpack[request])` in every overload: a keyword call is checked against `request` itself
    unpacks_only: bool = False


@dataclass
class StubClient:
    """The client class of one generated package."""

    service: str
    package_dir: Path
    module: str
    class_name: str
    methods: dict[str, StubMethod] = field(default_factory=dict)
    exceptions: set[str] = field(default_factory=set)


def package_dir(stubs_root: Path, service: str, family: Family = BOTO3) -> Path:
    distribution = stubs_root / family.distribution(service)
    packages = [p for p in distribution.iterdir() if p.is_dir() and p.name.startswith(family.module_prefix)]
    if len(packages) != 1:
        raise FileNotFoundError(f"no single {family.module_prefix}* package in {distribution}")
    return packages[0]


def _literal_strings(node: Optional[ast.expr]) -> set[str]:
    if node is None:
        return set()
    return {
        sub.value
        for sub in ast.walk(node)
        if isinstance(sub, ast.Constant) and isinstance(sub.value, str)
    } if "Literal" in ast.unparse(node) else set()


def _unpacked(node: Optional[ast.expr]) -> Optional[str]:
    """`Unpack[XRequestTypeDef]` -> `XRequestTypeDef`."""
    if isinstance(node, ast.Subscript) and ast.unparse(node.value).endswith("Unpack"):
        return ast.unparse(node.slice)
    return None


def _method(defs: list[Function]) -> StubMethod:
    first = defs[0]
    kwarg = first.args.kwarg
    literals: set[str] = set()
    for definition in defs:
        positional = definition.args.args[1:] + definition.args.kwonlyargs
        if positional:
            literals |= _literal_strings(positional[0].annotation)
    request = _unpacked(kwarg.annotation) if kwarg is not None else None
    return StubMethod(
        name=first.name,
        request=request,
        result=ast.unparse(first.returns) if first.returns is not None else "None",
        takes_kwargs=kwarg is not None,
        literals=frozenset(literals),
        unpacks_only=request is not None and all(_unpacks_only(definition, request) for definition in defs),
    )


def _unpacks_only(definition: Function, request: str) -> bool:
    arguments = definition.args
    kwarg = arguments.kwarg
    return (
        [argument.arg for argument in arguments.posonlyargs + arguments.args] == ["self"]
        and not arguments.kwonlyargs
        and arguments.vararg is None
        and kwarg is not None
        and _unpacked(kwarg.annotation) == request
    )


def read_client(stubs_root: Path, service: str, family: Family = BOTO3) -> StubClient:
    package = package_dir(stubs_root, service, family)
    tree = ast.parse((package / "client.pyi").read_text())
    classes = {node.name: node for node in tree.body if isinstance(node, ast.ClassDef)}
    client_classes = [
        node for node in classes.values() if any(ast.unparse(base).endswith("BaseClient") for base in node.bases)
    ]
    if len(client_classes) != 1:
        raise ValueError(f"{package}/client.pyi: expected one BaseClient subclass, found {len(client_classes)}")
    client_class = client_classes[0]
    stub = StubClient(service, package, package.name, client_class.name)
    grouped: dict[str, list[Function]] = {}
    for node in client_class.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and not node.name.startswith("_"):
            grouped.setdefault(node.name, []).append(node)
    stub.methods = {name: _method(defs) for name, defs in grouped.items()}
    exceptions = classes.get("Exceptions")
    if exceptions is not None:
        stub.exceptions = {
            node.target.id
            for node in exceptions.body
            if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name)
        }
    return stub
