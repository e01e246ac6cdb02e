"""The docs pages: committed pages match a fresh generation byte for byte, every python block parses, the
type_defs page has the seed's structure with its defects fixed, usage examples type-check, and the site
builds under `mkdocs build --strict` (which fails on a broken link or anchor)."""

from __future__ import annotations

import ast
import re
import shutil
from pathlib import Path

import pytest
from conftest import MODULE, PACKAGE_DIR, REPO, SERVICE, TypeCheckers, run_cli, tree

from generator.parse.package import build_package
from generator.parse.source import BotocoreData
from generator.render.docs.examples import Example, call_lines

DOCS = REPO / "docs"
PAGES = DOCS / MODULE
# a ```python block and the numbered list right under it (mkdocs-material's code annotations)
_BLOCK = re.compile(r"^```python\n(?P<code>.*?)^```\n(?:\n(?P<notes>(?:\d+\. [^\n]*\n)+))?", re.M | re.S)
_MARKER = re.compile(r"  # \((\d+)\)$")
_NOTE = re.compile(r"^(\d+)\. See (.*)$")
_LINK = re.compile(r"\[:material-[a-z-]+: (\w+)\]\(\./(\w+)\.md#(\w+)\)")
# a small service with paginators and a waiter
OTHER = "signer"
OTHER_MODULE = "types_boto3_signer"


@pytest.fixture(scope="module")
def fresh_docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`boto-typegen generate` (the default service) with its pages into a new docs folder."""
    root = tmp_path_factory.mktemp("docs")
    result = run_cli("generate", "--output", str(root / "output"), "--docs", str(root / "docs"), cwd=REPO)
    assert result.returncode == 0, result.stderr
    return root / "docs"


def _pages(root: Path) -> dict[str, str]:
    return {path.relative_to(root).as_posix(): path.read_text() for path in sorted(root.rglob("*.md"))}


def _blocks(text: str) -> list[re.Match[str]]:
    return list(_BLOCK.finditer(text))


def test_committed_docs_match_a_fresh_generation(fresh_docs: Path) -> None:
    # on purpose: `boto-typegen generate` from the repository root rewrites docs/
    assert tree(fresh_docs) == tree(DOCS)


def test_pages_of_a_service(fresh_docs: Path) -> None:
    pages = set(_pages(fresh_docs))
    wanted = {"client.md", "index.md", "literals.md", "type_defs.md", "usage.md"}
    assert pages == {"index.md"} | {f"{MODULE}/{name}" for name in wanted}


def test_every_python_block_on_every_page_parses() -> None:
    parsed = 0
    for name, text in _pages(DOCS).items():
        assert text.count("```python") == len(_blocks(text)), f"{name}: a python block the check misses"
        for block in _blocks(text):
            try:
                ast.parse(block["code"])
            except SyntaxError as error:
                pytest.fail(f"{name}: {error}\n{block['code']}")
            parsed += 1
    assert parsed >= 40


def test_type_defs_page_has_a_section_per_definition_in_package_order() -> None:
    package = build_package(BotocoreData().load(SERVICE))
    text = (PAGES / "type_defs.md").read_text()
    headings = re.findall(r"^## (\w+)$", text, re.M)
    assert headings == [definition.name for definition in package.type_defs]
    assert len(_blocks(text)) == len(headings)
    for block in _blocks(text):
        name = block["code"].split()[1]
        assert f"def get_value() -> {name}:" in block["code"]
        assert f"# {name} definition" in block["code"]


def test_type_defs_page_opens_like_the_seed() -> None:
    lines = (PAGES / "type_defs.md").read_text().splitlines()
    assert lines[0] == "# Type definitions"
    assert lines[2] == "> [Index](../index.md) > [SagemakerEdgeManager](./index.md) > Type definitions"
    assert lines[4:6] == ['!!! note ""', ""]
    assert lines[6].startswith("    Auto-generated documentation for [SagemakerEdgeManager](")


def _check_annotations(pages: Path, page: str) -> int:
    """Every block's `# (n)` markers count 1, 2, 3...; note n links the generated types of marked line n."""
    annotated = 0
    for block in _blocks((pages / page).read_text()):
        marked = [
            (int(match[1]), line)
            for line in block["code"].splitlines()
            if (match := _MARKER.search(line))
        ]
        notes = [_NOTE.match(line) for line in (block["notes"] or "").splitlines()]
        assert [number for number, _ in marked] == list(range(1, len(marked) + 1)), block["code"]
        assert [int(note[1]) for note in notes if note] == [number for number, _ in marked], block[0]
        for (number, line), note in zip(marked, notes):
            assert note is not None
            links = _LINK.findall(note[2])
            assert links, note[0]
            for name, target, anchor in links:
                assert re.search(rf"\b{name}\b", line), (line, note[0])
                assert anchor == name.lower()
                assert re.search(rf"^##+ {name}$", (pages / f"{target}.md").read_text(), re.M)
            annotated += 1
    return annotated


@pytest.mark.parametrize("page", ["type_defs.md", "client.md"])
def test_annotations_are_numbered_in_order_and_each_matches_its_note(page: str) -> None:
    assert _check_annotations(PAGES, page) >= (20 if page == "type_defs.md" else 5)


def test_seed_defects_are_gone() -> None:
    text = (PAGES / "type_defs.md").read_text()
    # the seed's DeploymentModelTypeDef numbered its notes (1), (1), (3)
    section = text[text.index("## DeploymentModelTypeDef") :]
    section = section[: section.index("\n## ", 1)]
    assert re.findall(r"# \((\d)\)", section) == ["1", "2", "3"]
    assert "TypedDict):\n" in section and not re.search(r"^    \w+: .*,(  #.*)?$", section, re.M)
    # Sequence[X] links X rather than showing plain code
    assert "See `" not in text
    everything = "".join(_pages(DOCS).values())
    assert "get_sagemaker-edge_client" not in everything


def _usage_files(pages: Path, folder: Path) -> list[str]:
    """Each python block of usage.md as a file of its own (each is self-contained)."""
    blocks = _blocks((pages / "usage.md").read_text())
    assert len(blocks) >= 4
    files = []
    for index, block in enumerate(blocks):
        path = folder / f"usage_example_{index}.py"
        path.write_text(block["code"])
        files.append(str(path))
    return files


def test_usage_examples_type_check(tmp_path: Path, checkers: TypeCheckers) -> None:
    found = checkers.mypy(_usage_files(PAGES, tmp_path), stubs=PACKAGE_DIR)
    assert not found, "\n".join(map(str, found))


def _client_examples(pages: Path, folder: Path) -> str:
    """client.md's usage examples, each in a function of its own, after the client it calls."""
    text = (pages / "client.md").read_text()
    blocks = [block["code"] for block in _blocks(text)]
    setup = next(code for code in blocks if "usage example" in code and "= boto3.client(" in code)
    examples = [code for code in blocks if "method usage example" in code]
    assert len(examples) == len(re.findall(r"^## \w+$", text, re.M)) - 2  # all but the client and Exceptions
    functions = [
        f"def example_{index}() -> None:\n" + "".join(f"    {line}\n" for line in code.splitlines())
        for index, code in enumerate(examples)
    ]
    path = folder / "client_examples.py"
    path.write_text(setup + "\n\n" + "\n\n".join(functions))
    return str(path)


def test_client_examples_type_check(second_service: Path, tmp_path: Path, checkers: TypeCheckers) -> None:
    # signer's examples fill in nested structures, blobs and Literals; sagemaker-edge's the committed pages
    for pages, stubs, folder in (
        (PAGES, PACKAGE_DIR, tmp_path / "edge"),
        (second_service / "docs" / OTHER_MODULE, second_service / "output" / f"types-boto3-{OTHER}", tmp_path / "signer"),
    ):
        folder.mkdir()
        found = checkers.mypy([_client_examples(pages, folder)], stubs=stubs)
        assert not found, "\n".join(map(str, found))


def test_usage_examples_call_every_required_argument() -> None:
    package = build_package(BotocoreData().load(SERVICE))
    text = (PAGES / "usage.md").read_text()
    for method in package.client.methods:
        call = re.search(rf"client\.{method.name}\((.*?)\)\n", text, re.S)
        if call is None or method.request is None:
            continue
        for field in method.request.fields:
            assert (f"{field.name}=" in call[1]) == field.required, (method.name, field.name)


def test_call_example_puts_non_identifier_keys_in_a_mapping() -> None:
    arguments = (("Bucket", Example('"my-bucket"')), ("x-amz-meta", Example('"v"')), ("from", Example("1")))
    lines = call_lines("client.put", arguments)
    assert lines == ['client.put(Bucket="my-bucket", **{"x-amz-meta": "v", "from": 1})']
    ast.parse("\n".join(lines))
    long = call_lines("result = client.put_object", tuple((f"Key{n}", Example('"value"')) for n in range(9)))
    assert long[0] == "result = client.put_object(" and long[-1] == ")" and len(long) == 11
    ast.parse("\n".join(long))


def _copy_site(root: Path, docs: Path) -> Path:
    shutil.copytree(docs, root / "docs")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / "generator").mkdir()
    shutil.copy(REPO / "generator" / "site_hooks.py", root / "generator" / "site_hooks.py")
    return root / "mkdocs.yml"


def test_site_builds_strict(tmp_path: Path) -> None:
    result = run_cli("docs", "build", "--site-dir", str(tmp_path / "site"), cwd=REPO, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    page = tmp_path / "site" / MODULE / "type_defs" / "index.html"
    assert 'id="deploymentmodeltypedef"' in page.read_text()


def test_site_build_fails_on_a_broken_anchor(tmp_path: Path) -> None:
    config = _copy_site(tmp_path, DOCS)
    page = tmp_path / "docs" / MODULE / "type_defs.md"
    page.write_text(page.read_text().replace("./literals.md#modelstatetype", "./literals.md#nothing", 1))
    result = run_cli("docs", "build", "--config", str(config), cwd=tmp_path, timeout=300)
    assert result.returncode != 0
    assert "#nothing" in result.stdout + result.stderr


@pytest.fixture(scope="module")
def second_service(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the site with signer (a service with paginators and a waiter) generated into it."""
    root = tmp_path_factory.mktemp("site")
    _copy_site(root, DOCS)
    result = run_cli("generate", OTHER, "--output", "output", "--docs", "docs", cwd=root)
    assert result.returncode == 0, result.stderr
    return root


def test_generating_another_service_adds_it_to_the_index(second_service: Path) -> None:
    index = (second_service / "docs" / "index.md").read_text()
    for service, module in ((SERVICE, MODULE), (OTHER, OTHER_MODULE)):
        assert f"| [{service}](./{module}/index.md) | `types-boto3-{service}` |" in index
    assert index.index(f"[{SERVICE}]") < index.index(f"[{OTHER}]")
    assert f"[Paginators](./{OTHER_MODULE}/paginators.md)" in index
    assert f"[Paginators](./{MODULE}/paginators.md)" not in index


def test_paginators_and_waiters_pages(second_service: Path) -> None:
    pages = second_service / "docs" / OTHER_MODULE
    assert {path.name for path in pages.glob("*.md")} == {
        "client.md", "index.md", "literals.md", "paginators.md", "type_defs.md", "usage.md", "waiters.md"
    }
    for name in ("paginators.md", "waiters.md"):
        text = (pages / name).read_text()
        classes = re.findall(r"^## (\w+)$", text, re.M)
        assert classes and all(name.endswith(("Paginator", "Waiter")) for name in classes)
        _check_annotations(pages, name)
    index = (pages / "index.md").read_text()
    assert "[Paginators](./paginators.md)" in index and "[Waiters](./waiters.md)" in index
    # get_paginator's overloads are one section, each overload's class linked from its note
    client = (pages / "client.md").read_text()
    assert client.count("## get_paginator\n") == 1
    assert "](./paginators.md#" in client and "](./waiters.md#" in client
    _check_annotations(pages, "client.md")
    for text in _pages(pages).values():
        for block in _blocks(text):
            ast.parse(block["code"])


def test_site_with_two_services_builds_strict(second_service: Path) -> None:
    result = run_cli("docs", "build", "--config", "mkdocs.yml", cwd=second_service, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    for page in ("client", "paginators", "waiters"):
        assert (second_service / "site" / OTHER_MODULE / page / "index.html").is_file()


def test_usage_examples_of_the_second_service_type_check(
    second_service: Path, tmp_path: Path, checkers: TypeCheckers
) -> None:
    files = _usage_files(second_service / "docs" / OTHER_MODULE, tmp_path)
    found = checkers.mypy(files, stubs=second_service / "output" / f"types-boto3-{OTHER}")
    assert not found, "\n".join(map(str, found))


def test_no_docs_leaves_the_docs_folder_alone(tmp_path: Path) -> None:
    result = run_cli("generate", "--output", "output", "--no-docs", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "docs").exists()


def test_docs_command_without_a_config_is_one_line(tmp_path: Path) -> None:
    result = run_cli("docs", "build", "--config", "missing.yml", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "missing.yml" in result.stderr, result.stderr
