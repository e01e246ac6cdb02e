"""The shape of the generator package, read with `ast` (nothing is imported): no import cycles, counting
`TYPE_CHECKING` blocks and imports inside functions; an IR that imports only the standard library and
itself; no module over MAX_LINES lines; no dataclass or record without a docstring."""

from __future__ import annotations

import ast
import sys
from collections import deque
from pathlib import Path

import pytest
from conftest import REPO

PACKAGE = REPO / "generator"
MAX_LINES = 400


def modules(root: Path) -> dict[str, Path]:
    """Dotted module name -> file, for every .py under the package folder `root` (an __init__ is its package)."""
    found: dict[str, Path] = {}
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root.parent).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def imports(name: str, path: Path) -> list[tuple[int, str]]:
    """(line, absolute dotted name) of every import anywhere in the module; `from m import x` gives m.x."""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            anchor = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*anchor, *([node.module] if node.module else [])])
            found.extend((node.lineno, f"{module}.{alias.name}") for alias in node.names)
    return found


def import_graph(root: Path) -> dict[str, set[str]]:
    """Module -> the package's modules it imports: `from pkg import sub` is pkg.sub, `from pkg import name`
    is pkg itself (an __init__ whose submodules import names back from it is a cycle)."""
    known = modules(root)
    graph: dict[str, set[str]] = {name: set() for name in known}
    for name, path in known.items():
        for _, target in imports(name, path):
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                graph[name].add(target)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """A shortest cycle (a, b, ..., a) through each module that no cycle found before names, in name order."""
    found: list[list[str]] = []
    seen: set[str] = set()
    for start in sorted(graph):
        if start in seen:
            continue
        # breadth first from start: the first path back to start is a shortest cycle through it
        paths = deque([[start, target] for target in sorted(graph[start])])
        visited: set[str] = set()
        while paths:
            path = paths.popleft()
            if path[-1] == start:
                found.append(path)
                seen.update(path)
                break
            if path[-1] in visited:
                continue
            visited.add(path[-1])
            paths.extend([*path, target] for target in sorted(graph[path[-1]]))
    return found


def foreign_imports(root: Path, package: str) -> list[str]:
    """Imports in `package` of anything but the standard library and the package itself."""
    wrong: list[str] = []
    for name, path in modules(root).items():
        if name != package and not name.startswith(package + "."):
            continue
        for line, target in imports(name, path):
            inside = target == package or target.startswith(package + ".")
            if not inside and target.split(".")[0] not in sys.stdlib_module_names:
                wrong.append(f"{path.relative_to(root.parent)}:{line} imports {target}")
    return wrong


def test_no_import_cycles() -> None:
    found = [" -> ".join(cycle) for cycle in cycles(import_graph(PACKAGE))]
    assert not found, "import cycles in generator/:\n" + "\n".join(found)


def test_ir_imports_only_the_standard_library_and_itself() -> None:
    # no botocore, no jinja2, nothing of parse/, render/ or layout/
    wrong = foreign_imports(PACKAGE, "generator.ir")
    assert not wrong, "\n".join(wrong)


def test_no_module_over_the_line_limit() -> None:
    lengths = {path: len(path.read_text(encoding="utf-8").splitlines()) for path in modules(PACKAGE).values()}
    over = [
        f"{path.relative_to(REPO)}: {count} lines" for path, count in lengths.items() if count > MAX_LINES
    ]
    assert not over, f"modules over {MAX_LINES} lines:\n" + "\n".join(over)


def undocumented_dataclasses(root: Path) -> list[str]:
    """Classes decorated `@dataclass(...)` or `@record` without a docstring. dataclasses writes one from
    `inspect.signature(cls)` for those, which parses a text signature with tokenize's regular expressions:
    10 such classes were 2% of a sagemaker-edge run."""
    found: list[str] = []
    for path in modules(root).values():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if not isinstance(node, ast.ClassDef) or ast.get_docstring(node) is not None:
                continue
            for decorator in node.decorator_list:
                target = decorator.func if isinstance(decorator, ast.Call) else decorator
                name = target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", "")
                if name in ("dataclass", "record"):
                    found.append(f"{path.relative_to(root.parent)}:{node.lineno} {node.name}")
    return found


def test_every_dataclass_has_a_docstring() -> None:
    found = undocumented_dataclasses(PACKAGE)
    assert not found, "dataclasses and records without a docstring:\n" + "\n".join(found)


# the checks above on small trees, so that each is seen to fail -------------------------------------------
def _tree(root: Path, files: dict[str, str]) -> Path:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root / "pkg"


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        pytest.param(
            {
                "pkg/__init__.py": "",
                "pkg/a.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .b import B\n",
                "pkg/b.py": "def f():\n    import pkg.a\n",
            },
            [["pkg.a", "pkg.b", "pkg.a"]],
            id="type-checking-and-function-level",
        ),
        pytest.param(
            {"pkg/__init__.py": "X = 1\nfrom .sub import y\n", "pkg/sub.py": "from . import X\ny = X\n"},
            [["pkg", "pkg.sub", "pkg"]],
            id="late-import-in-init",
        ),
        pytest.param(
            {
                "pkg/__init__.py": "",
                "pkg/x/__init__.py": "",
                "pkg/x/m.py": "from ..y import n\nq = 1\n",
                "pkg/y.py": "from .x.m import q\nn = 2\n",
                "pkg/z.py": "from .y import n\n",
            },
            [["pkg.x.m", "pkg.y", "pkg.x.m"]],
            id="parent-relative",
        ),
        pytest.param(
            {
                "pkg/__init__.py": "from . import sub\nfrom .sub import y\n",
                "pkg/sub.py": "import os\ny = 1\n",
            },
            [],
            id="init-importing-its-submodule-is-no-cycle",
        ),
    ],
)
def test_cycle_check_finds_cycles(tmp_path: Path, files: dict[str, str], expected: list[list[str]]) -> None:
    assert cycles(import_graph(_tree(tmp_path, files))) == expected


def test_foreign_import_check_names_the_import(tmp_path: Path) -> None:
    root = _tree(
        tmp_path,
        {
            "pkg/__init__.py": "",
            "pkg/ir/__init__.py": "",
            "pkg/ir/a.py": "import enum\nfrom . import b\ndef f():\n    from jinja2 import Environment\n",
            "pkg/ir/b.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ..render import x\n",
            "pkg/render.py": "import botocore\n",
        },
    )
    assert foreign_imports(root, "pkg.ir") == [
        "pkg/ir/a.py:4 imports jinja2.Environment",
        "pkg/ir/b.py:3 imports pkg.render.x",
    ]


def test_docstring_check_finds_undocumented_dataclasses(tmp_path: Path) -> None:
    source = (
        "from dataclasses import dataclass\nimport dataclasses\nfrom .records import record\n"
        "@dataclass\nclass A:\n    x: int\n"
        "@dataclasses.dataclass(order=True)\nclass B:\n    x: int\n"
        "@record\nclass C:\n    x: int\n"
        "@record\nclass D:\n    \"\"\"Documented.\"\"\"\n\n    x: int\n"
        "class E:\n    x: int\n"
    )
    root = _tree(tmp_path, {"pkg/__init__.py": "", "pkg/m.py": source})
    assert undocumented_dataclasses(root) == ["pkg/m.py:5 A", "pkg/m.py:8 B", "pkg/m.py:11 C"]
