"""The worked examples of a service's usage.md: self-contained snippets with the required arguments filled in."""

from __future__ import annotations

from typing import Iterator, Optional

from ...ir.members import Method
from ...ir.records import record
from ...ir.types import DefRef, Module, quote
from .examples import call_lines
from .methods import MethodDocs

# operations that read rather than change: the safest to show first
_READ_PREFIXES = ("list_", "describe_", "get_")
CALLS = 3


@record
class Snippet:
    """One worked example: a heading, a sentence, a code block that runs (and type-checks) on its own."""

    title: str
    text: str
    code: tuple[str, ...]


def usage_snippets(view: MethodDocs, resource_tour: tuple[str, ...]) -> tuple[Snippet, ...]:
    return tuple(_snippets(view, resource_tour))


def _snippets(view: MethodDocs, resource_tour: tuple[str, ...]) -> Iterator[Snippet]:
    calls = sorted(view.operations, key=lambda method: _call_order(view, method))
    for method in calls[:CALLS]:
        yield _call_snippet(view, method)
    # a request with required keys shows more than an empty dict
    requests = sorted(
        (method for method in calls if method.request is not None),
        key=lambda method: not view.values.required_arguments(method.request),
    )
    if requests:
        yield _request_snippet(view, requests[0])
    if view.package.paginators:
        yield _pages_snippet(view)
    yield _region_snippet(view)
    yield _error_snippet(view, calls[0] if calls else None)
    if resource_tour:
        text = "The service resource and a collection: see [Service resource](./service_resource.md)."
        yield Snippet("Service resource", text, resource_tour)


def _call_order(view: MethodDocs, method: Method) -> tuple[int, int, str]:
    """Reading operations first (list, describe, get), the fewest required arguments first."""
    prefix = next(
        (index for index, prefix in enumerate(_READ_PREFIXES) if method.name.startswith(prefix)),
        len(_READ_PREFIXES),
    )
    return (prefix, len(view.values.required_arguments(method.request)), method.name)


def _imports(view: MethodDocs, module: str, name: str) -> tuple[str, ...]:
    """`name` from one of the package's modules, after the client class."""
    return (f"from {view.package.module_name}.{module} import {name}",)


def _call_snippet(view: MethodDocs, method: Method) -> Snippet:
    result = method.return_type.render()
    call = call_lines(f"result: {result} = {view.awaited(method)}client.{method.name}", view.arguments(method))
    code = view.client_code(_imports(view, "type_defs", result), ("", *call))
    text = f"`client.{method.name}` with its required arguments; it returns `{result}`."
    return Snippet(f"Call {method.name}", text, code)


def _request_snippet(view: MethodDocs, method: Method) -> Snippet:
    request = method.request
    assert request is not None
    kwargs = view.values.for_typed_dict(request, 1)
    code = view.client_code(
        _imports(view, "type_defs", request.name),
        ("", *kwargs.lines(f"kwargs: {request.name} = "), f"{view.awaited(method)}client.{method.name}(**kwargs)"),
    )
    text = f"Build the arguments of `{method.name}` as a `{request.name}`, checked before the call."
    return Snippet("Arguments as a TypedDict", text, code)


def _pages_snippet(view: MethodDocs) -> Snippet:
    paginator = view.package.paginators[0]
    (paginate,) = paginator.methods
    loop = "async for" if view.package.family.asynchronous else "for"
    head = f"{loop} page in client.get_paginator({quote(paginator.key)}).paginate"
    *lines, last = call_lines(head, view.arguments(paginate))
    code = view.client_code((), ("", *lines, f"{last}:", "    print(page)"))
    text = f"`{loop}` over the pages of `{paginator.key}`, each typed as its result."
    return Snippet("Pages of a paginator", text, code)


def _region_snippet(view: MethodDocs) -> Snippet:
    region = view.values.for_type(DefRef("RegionName", Module.LITERALS), "us-east-1").inline
    code = view.client_code(
        _imports(view, "literals", "RegionName"), (), (f"region: RegionName = {region}",), "region_name=region"
    )
    text = "`RegionName` holds the regions botocore knows for this service."
    return Snippet("Regions as a Literal", text, code)


def _error_snippet(view: MethodDocs, method: Optional[Method]) -> Snippet:
    closing = view.package.family.asynchronous
    call = (
        call_lines(f"{view.awaited(method)}client.{method.name}", view.arguments(method))
        if method
        else [f"{'await ' if closing else ''}client.close()"]
    )
    code = view.client_code(
        (),
        (
            "",
            "try:",
            *("    " + line for line in call),
            f"except client.exceptions.{view.example_exception} as error:",
            '    print(error.response["Error"]["Message"])',
        ),
    )
    text = "`client.exceptions` has one class per modeled error, each a botocore `ClientError`."
    return Snippet("Handling errors", text, code)
