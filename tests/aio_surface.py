"""Run by the aiobotocore environment's Python (tests/test_family_aiobotocore.py): the client surface of each
generated types-aiobotocore package against the real aiobotocore client, created offline with dummy
credentials. Prints one JSON object: per service, the gaps found (none is []), and what was compared.

A method is awaitable on the real client when it is a coroutine function (close, generate_presigned_url,
...), or when calling it gives a coroutine: aiobotocore's operation methods are plain functions returning
`_make_api_call(...)`, a coroutine that is closed here unawaited, so no request is ever made.
"""

from __future__ import annotations

import ast
import asyncio
import inspect
import json
import sys
from pathlib import Path
from typing import Any

from aiobotocore.session import get_session


def _stub_client(path: Path) -> tuple[dict[str, bool], dict[str, set[str]]]:
    """Method name -> `async def`; get_paginator/get_waiter -> the Literal names their overloads take."""
    tree = ast.parse(path.read_text())
    (client,) = [node for node in tree.body if isinstance(node, ast.ClassDef) and node.name.endswith("Client")]
    methods: dict[str, bool] = {}
    literals: dict[str, set[str]] = {"get_paginator": set(), "get_waiter": set()}
    for node in client.body:
        properties = {"property"} & {d.id for d in getattr(node, "decorator_list", ()) if isinstance(d, ast.Name)}
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and not properties:  # exceptions is an attribute
            methods[node.name] = isinstance(node, ast.AsyncFunctionDef)
            if node.name in literals:
                for sub in ast.walk(node.args.args[1].annotation or ast.Constant(None)):
                    if isinstance(sub, ast.Constant) and isinstance(sub.value, str):
                        literals[node.name].add(sub.value)
    return methods, literals


def _awaitable(client: Any, name: str) -> bool:
    method = getattr(client, name)
    if inspect.iscoroutinefunction(method):
        return True
    if name in client.meta.method_to_api_mapping:
        called = method()  # only builds the coroutine: nothing runs until it is awaited
        awaitable = inspect.iscoroutine(called)
        if awaitable:
            called.close()
        return awaitable
    return False


async def _service(session: Any, output: Path, service: str) -> dict[str, Any]:
    module = "types_aiobotocore_" + service.replace("-", "_")
    methods, literals = _stub_client(output / f"types-aiobotocore-{service}" / module / "client.pyi")
    async with session.create_client(
        service, region_name="us-east-1", aws_access_key_id="testing", aws_secret_access_key="testing"
    ) as client:
        real = {name for name in dir(client) if not name.startswith("_") and callable(getattr(client, name))}
        paginators = {name for name in client.meta.method_to_api_mapping if client.can_paginate(name)}
        waiters = set(client.waiter_names)
        # a service without paginators (waiters) inherits AioBaseClient's get_paginator (get_waiter)
        expected = real - (set() if paginators else {"get_paginator"}) - (set() if waiters else {"get_waiter"})
        public = {name for name in methods if not name.startswith("_")}
        gaps = [f"on the client, not in the stub: {name}" for name in sorted(expected - public)]
        gaps += [f"in the stub, not on the client: {name}" for name in sorted(public - real)]
        for name in sorted(public & real):
            if methods[name] != _awaitable(client, name):
                gaps.append(f"{name}: async def is {methods[name]}, awaitable on the client is {not methods[name]}")
        for name in ("__aenter__", "__aexit__"):
            if not (methods.get(name) and inspect.iscoroutinefunction(getattr(client, name))):
                gaps.append(f"{name}: not async def in both")
        for accessor, names in (("get_paginator", paginators), ("get_waiter", waiters)):
            if names and literals[accessor] != names:
                gaps.append(f"{accessor}: stub {sorted(literals[accessor] ^ names)} differ")
        awaited = sum(1 for name in public & real if methods[name])
        return {"gaps": gaps, "methods": len(public), "async": awaited, "paginators": len(paginators)}


async def main(output: Path, services: list[str]) -> None:
    session = get_session()
    found = {service: await _service(session, output, service) for service in services}
    json.dump(found, sys.stdout)


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1]), sys.argv[2:]))
