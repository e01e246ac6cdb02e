"""Run inside a clean virtualenv (boto3, botocore, typing-extensions only): import every module of the
generated packages, check every `__all__` name of each stub exists at run time, and resolve the type hints of
every TypedDict with its required and optional keys as expected.

    python check.py EXPECTATIONS.json    # prints {"environment": [...], "services": {service: [problem, ...]}}

Stdlib only, no project import: it runs on Python 3.9 to 3.13 beside nothing but the packages it checks.
"""

import ast
import importlib
import importlib.metadata
import json
import sys
import traceback
import typing
from pathlib import Path

STUB_DISTRIBUTIONS = (
    "botocore-stubs",
    "types-boto3",
    "types-s3transfer",
    "boto3-stubs",
    "mypy-boto3",
)


def environment_problems():
    names = sorted({(dist.metadata["Name"] or "").lower() for dist in importlib.metadata.distributions()})
    return [f"stub package installed: {name}" for name in names if name.startswith(STUB_DISTRIBUTIONS)]


def stub_exports(stub):
    """`__all__` of a .pyi, read without importing it."""
    for node in ast.parse(stub.read_text()).body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "__all__" for t in node.targets):
            return [element.value for element in node.value.elts]
    return []


def check_service(expected):
    problems = []
    root = Path(expected["path"])
    sys.path.insert(0, str(root))
    typed_dicts = {}
    for module_name in expected["modules"]:
        qualified = expected["package"] if module_name == "__init__" else f"{expected['package']}.{module_name}"
        try:
            module = importlib.import_module(qualified)
        except Exception:
            problems.append(f"import {qualified}: {traceback.format_exc(limit=-1).strip().splitlines()[-1]}")
            continue
        stub = root / expected["package"] / f"{module_name}.pyi"
        runtime = getattr(module, "__all__", None)
        exports = stub_exports(stub)
        if runtime != exports:
            problems.append(f"{qualified}: __all__ at run time differs from {stub.name}'s")
        for name in exports:
            if not hasattr(module, name):
                problems.append(f"{qualified}.{name}: in {stub.name}'s __all__, missing at run time")
            elif hasattr(getattr(module, name), "__required_keys__"):
                typed_dicts[name] = getattr(module, name)
    for name, (required, optional) in expected["typed_dicts"].items():
        value = typed_dicts.get(name)
        if value is None:
            problems.append(f"{name}: no TypedDict of that name at run time")
            continue
        for extras in (False, True):
            try:
                hints = typing.get_type_hints(value, include_extras=extras)
            except Exception as error:
                problems.append(f"get_type_hints({name}, include_extras={extras}): {type(error).__name__}: {error}")
                continue
            if sorted(hints) != sorted(required + optional):
                problems.append(f"get_type_hints({name}) keys {sorted(hints)}, expected {sorted(required + optional)}")
            unresolved = [key for key, hint in hints.items() if _strings(hint)]
            if unresolved:
                problems.append(f"get_type_hints({name}) leaves strings in {unresolved}")
        if sorted(value.__required_keys__) != required or sorted(value.__optional_keys__) != optional:
            problems.append(
                f"{name}: required {sorted(value.__required_keys__)} optional {sorted(value.__optional_keys__)}, "
                f"expected required {required} optional {optional}"
            )
    return problems


def _strings(hint):
    """A forward reference get_type_hints left unevaluated, anywhere inside the hint."""
    if isinstance(hint, (str, typing.ForwardRef)):
        return True
    if "Literal" in repr(getattr(hint, "__origin__", None)):
        return False  # its arguments are values, not types
    return any(_strings(arg) for arg in getattr(hint, "__args__", ()) or ())


def main():
    expectations = json.loads(Path(sys.argv[1]).read_text())
    report = {"environment": environment_problems(), "services": {}}
    for service, expected in expectations.items():
        report["services"][service] = check_service(expected)
    print(json.dumps(report))


if __name__ == "__main__":
    main()
