"""The docs view of a service resource (service_resource.md): the service resource, each resource class and
each collection, with attributes grouped by kind, methods grouped by role, and usage examples that reach
every resource from `boto3.resource(...)` the way a user would."""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable, Iterator, Optional

from ...ir.members import Method
from ...ir.records import record
from ...ir.resources import AttributeKind, CollectionDef, ResourceDef, ServiceResourceDef, resource_ref
from ...ir.types import DefRef, Module, Subscript, TypeExpr, quote
from .code import CodeBlock, CodeLine, MethodSection, Note
from .examples import call_lines, is_identifier, words
from .methods import MethodDocs

# the order and heading words of the attribute groups; meta is boto3's plumbing, told in prose instead
_ATTRIBUTE_GROUPS = (
    (AttributeKind.IDENTIFIER, "identifiers: given when the resource is created"),
    (AttributeKind.ATTRIBUTE, "attributes: loaded from the service on first access"),
    (AttributeKind.REFERENCE, "references: related resources"),
    (AttributeKind.COLLECTION, "collections: iterable, filterable groups of resources"),
)
_LOADS = frozenset({"load", "reload"})
_WAITER_PREFIX = "wait_until_"
# the variable the examples keep the service resource in
SERVICE_VARIABLE = "resource"


@record
class ResourceMethod:
    """A method's section under its class: the heading text (markdown-safe) and its explicit anchor."""

    heading: str
    anchor: str
    section: MethodSection


@record
class MethodGroup:
    """A resource's methods of one kind (actions, waiters, ...), with their heading and text."""

    title: str
    text: str
    methods: tuple[ResourceMethod, ...]


@record
class AttributeBlock:
    """A resource's attributes as one code block, with its notes."""

    lines: tuple[CodeLine, ...]
    notes: tuple[Note, ...]


@record
class ResourceSection:
    """One class of service_resource.py: how to get one, its attributes (0 or 1 block), its methods."""

    name: str
    text: str
    doc_url: str
    example: tuple[str, ...]
    attributes: tuple[AttributeBlock, ...]
    groups: tuple[MethodGroup, ...]


def public_type(expr: TypeExpr, names: frozenset[str]) -> TypeExpr:
    """The stub's `_Bucket` (a name no sub-resource method can shadow) as users import it: `Bucket`."""
    if isinstance(expr, DefRef) and expr.module is Module.SERVICE_RESOURCE:
        public = expr.name[1:]
        return DefRef(public, expr.module) if public in names and resource_ref(public) == expr else expr
    if isinstance(expr, Subscript):
        return Subscript(public_type(expr.base, names), tuple(public_type(arg, names) for arg in expr.args))
    return expr


def variable(name: str) -> str:
    """The example variable of a resource: MultipartUploadPart -> multipart_upload_part."""
    text = "_".join(words(name))
    return text if is_identifier(text) and text != SERVICE_VARIABLE else text + "_"


def _collection_variable(attribute: str) -> str:
    """A collection's example variable: the attribute that holds it (`objects`)."""
    return attribute if attribute != SERVICE_VARIABLE else attribute + "_"


def _markdown(text: str) -> str:
    # method names like __iter__ would turn bold in a heading
    return text.replace("_", "\\_")


class ResourcePage:
    """The sections of service_resource.md, built from the package's ServiceResourceDef."""

    def __init__(self, view: MethodDocs, definition: ServiceResourceDef) -> None:
        self.view = view
        self.definition = definition
        self.names = frozenset(item.name for item in definition.resources)
        self.module = f"{view.package.module_name}.service_resource"
        self.paths = self._paths()
        self.collection_owner = {
            attribute.type.name: (owner.name, attribute.name)
            for owner in (definition.service, *definition.resources)
            for attribute in owner.attributes
            if attribute.kind is AttributeKind.COLLECTION and isinstance(attribute.type, DefRef)
        }

    @property
    def service_lines(self) -> tuple[str, ...]:
        name = self.definition.name
        return (
            "import boto3",
            "",
            f"from {self.module} import {name}",
            "",
            f"{SERVICE_VARIABLE}: {name} = boto3.resource({quote(self.view.package.service_name)})",
        )

    def sections(self) -> tuple[ResourceSection, ...]:
        resources = [self._resource(self.definition.service)]
        resources.extend(self._resource(item) for item in self.definition.resources)
        resources.extend(self._collection(item) for item in self.definition.collections)
        return tuple(resources)

    def tour(self) -> tuple[str, ...]:
        """usage.md's resource example: a collection iterated, the service resource's own first."""
        owned = sorted(
            self.definition.collections,
            key=lambda item: self.collection_owner[item.name][0] != self.definition.name,
        )
        for collection in owned:
            if self.collection_owner[collection.name][0] in self.paths:
                target = _collection_variable(self.collection_owner[collection.name][1])
                example = self._collection(collection).example
                return (*example, f"for item in {target}.limit(count=10):", "    print(item)")
        return ()

    # reaching a resource ----------------------------------------------------------------------
    def _paths(self) -> dict[str, tuple[str, ...]]:
        """The lines of the expression that makes each resource from the service resource, in the fewest
        calls; sub-resource methods (no request) are followed before actions that return one resource."""
        paths: dict[str, tuple[str, ...]] = {self.definition.name: (SERVICE_VARIABLE,)}
        by_name = {item.name: item for item in self.definition.resources}
        frontier = [self.definition.service]
        while frontier:
            found: list[ResourceDef] = []
            for owner in frontier:
                for method in sorted(owner.methods, key=lambda method: bool(method.operation_name)):
                    made = public_type(method.return_type, self.names)
                    if not isinstance(made, DefRef) or made.name not in by_name or made.name in paths:
                        continue
                    *lines, last = paths[owner.name]
                    call = call_lines(f"{last}.{method.name}", self.view.arguments(method))
                    paths[made.name] = (*lines, *call)
                    found.append(by_name[made.name])
            frontier = found
        return paths

    def _example(self, name: str, target: str, path: Optional[tuple[str, ...]]) -> tuple[str, ...]:
        """Imports, the service resource, and `target: name = path` (a function parameter if unreachable)."""
        imports = sorted({name, self.definition.name})
        head = (
            "import boto3",
            "",
            f"from {self.module} import {', '.join(imports)}",
            "",
            self.service_lines[-1],
        )
        if path is None:
            return (*head, "", "", f"def use({target}: {name}) -> None:", f"    print({target})")
        return (*head, f"{target}: {name} = {path[0]}", *path[1:])

    # sections ---------------------------------------------------------------------------------
    def _resource(self, resource: ResourceDef) -> ResourceSection:
        is_service = resource is self.definition.service
        target = SERVICE_VARIABLE if is_service else variable(resource.name)
        if is_service:
            example = self.service_lines
            text = (
                f"The service resource: `boto3.resource({quote(self.view.package.service_name)})`. "
                f"Each resource's `meta.client` is the typed [{self.view.package.client.name}]"
                f"(./client.md#{self.view.package.client.name.lower()})."
            )
        else:
            example = self._example(resource.name, target, self.paths.get(resource.name))
            text = (
                f"A {resource.name} of `boto3.resource({quote(self.view.package.service_name)})`: its "
                "identifiers, attributes, references and collections, then its methods by role."
            )
        groups = _method_groups(resource.name, resource.methods)
        return ResourceSection(
            resource.name,
            text,
            resource.doc_url,
            example,
            self._attributes(resource),
            tuple(
                self._group(resource.name, title, about, methods, target) for title, about, methods in groups
            ),
        )

    def _collection(self, collection: CollectionDef) -> ResourceSection:
        owner, attribute = self.collection_owner[collection.name]
        path = self.paths.get(owner)
        expression = (*path[:-1], f"{path[-1]}.{attribute}") if path else None
        target = _collection_variable(attribute)
        chainable = tuple(method for method in collection.methods if not method.operation_name)
        batch = tuple(method for method in collection.methods if method.operation_name)
        groups = (
            (
                "methods",
                f"Each returns a new collection or iterates over {collection.item} resources.",
                chainable,
            ),
            ("batch actions", "Each calls the operation once per page of the collection.", batch),
        )
        return ResourceSection(
            collection.name,
            f"A collection of {collection.item} resources: the `{attribute}` of a {owner}.",
            collection.doc_url,
            self._example(collection.name, target, expression),
            (),
            tuple(
                self._group(collection.name, title, text, methods, target)
                for title, text, methods in groups
                if methods
            ),
        )

    def _attributes(self, resource: ResourceDef) -> tuple[AttributeBlock, ...]:
        block = CodeBlock().add(f"class {resource.name}(ServiceResource):")
        for kind, comment in _ATTRIBUTE_GROUPS:
            attributes = [item for item in resource.attributes if item.kind is kind]
            if attributes:
                block.add(f"    # {comment}")
            for item in attributes:
                expr = public_type(item.type, self.names)
                block.add(f"    {item.name}: {expr.render()}", expr)
        if len(block.lines) == 1:
            return ()
        return (AttributeBlock(tuple(block.lines), block.notes),)

    def _group(
        self, owner: str, title: str, text: str, methods: Iterable[Method], receiver: str
    ) -> MethodGroup:
        items = []
        for method in methods:
            section = self.view.method_section([self._public(method)], receiver)
            if method.name == "__iter__":
                section = replace(section, example=(f"for item in {receiver}:", "    print(item)"))
            items.append(
                ResourceMethod(_markdown(f"{owner}.{method.name}"), f"{owner}.{method.name}", section)
            )
        return MethodGroup(f"{owner} {title}", text, tuple(items))

    def _public(self, method: Method) -> Method:
        parameters = tuple(
            replace(item, type=public_type(item.type, self.names)) for item in method.parameters
        )
        return replace(method, parameters=parameters, return_type=public_type(method.return_type, self.names))


def _method_groups(owner: str, methods: tuple[Method, ...]) -> Iterator[tuple[str, str, tuple[Method, ...]]]:
    """The non-empty groups of a resource's methods: actions, sub-resources, waiters, loading, the rest."""
    roles: dict[str, list[Method]] = {
        "actions": [],
        "sub-resources": [],
        "waiters": [],
        "load": [],
        "more": [],
    }
    for method in methods:
        if method.name.startswith(_WAITER_PREFIX):
            roles["waiters"].append(method)
        elif method.operation_name:
            roles["actions"].append(method)
        elif isinstance(method.return_type, DefRef) and method.return_type.module is Module.SERVICE_RESOURCE:
            roles["sub-resources"].append(method)
        elif method.name in _LOADS:
            roles["load"].append(method)
        else:
            roles["more"].append(method)
    texts = {
        "actions": (
            "actions",
            "Each calls one operation of the client, with the resource's identifiers filled in.",
        ),
        "sub-resources": ("sub-resources", "Each makes a related resource without calling the service."),
        "waiters": ("waiters", "Each polls the service until the resource reaches a state."),
        "load": ("load and reload", "Fill (or refresh) the resource's attributes from the service."),
        "more": ("more methods", f"Methods boto3 adds to every {owner}."),
    }
    for role, found in roles.items():
        if found:
            title, text = texts[role]
            yield title, text, tuple(found)
