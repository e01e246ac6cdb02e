"""The layout pass writes exactly what black writes: on shapes the templates emit (without calling black
at all), on shapes it must hand to black, and on real services' rendered stubs."""

from __future__ import annotations

import random
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Iterator, Sequence

import black
import pytest
from conftest import OUTPUT, EveryService, run_cli, tree

import generator.layout.statements as statements
from generator.format import black_format, format_files
from generator.layout import Unsure, layout_source
from generator.parse.package import build_package
from generator.parse.source import BotocoreData
from generator.render.stubs import render_stubs

LONG = "Abcdefghij" * 5

# each snippet is a shape our templates emit (or could), with lines too long, too short, exploded or not
HANDLED = {
    "short field and alias": "class A(TypedDict):\n    Name: NotRequired[str]\n\nX = Union[A, B]\n",
    # a deprecated alias says so in a string after it, which black leaves alone, however long
    "string after an alias": f'class A(TypedDict):\n    Name: str\nOld = A\n"""Deprecated: {LONG} {LONG}."""\nX = A\n',
    "long field, one level": f"class A(TypedDict):\n    {LONG}: NotRequired[{LONG}TypeDef]\n",
    "long field, nested union": (
        f"class A(TypedDict):\n    Key: NotRequired[Union[Sequence[{LONG}], Mapping[str, {LONG}]]]\n"
    ),
    "deeply nested mapping": (
        "class A(TypedDict):\n"
        f"    Foo: NotRequired[Mapping[str, Sequence[Mapping[str, Sequence[Mapping[str, {LONG}]]]]]]\n"
    ),
    "long atom annotation": f"class A(TypedDict):\n    {LONG}Result: {LONG}ResultTypeDef\n",
    "long atom assignment": f"{LONG}Alias = {LONG}{LONG[:20]}\n",
    "long literal fits after split": 'X = Literal["' + '", "'.join(["abcdefghijk"] * 6) + '"]\n',
    "long literal explodes": 'ServiceName = Literal["' + '", "'.join(["abcdefghijklmnop"] * 12) + '"]\n',
    "long union": f"{LONG}UnionTypeDef = Union[{LONG}TypeDef, {LONG}OutputTypeDef]\n",
    "long import": "from .type_defs import " + ", ".join(f"Name{index}TypeDef" for index in range(12)) + "\n",
    "import in parentheses fits": "from .literals import (A, B)\n",
    "import exploded by its comma": "from .literals import (\n    A,\n)\n",
    "all, one name": '__all__ = (\n    "Client",\n)\n',
    "all, many names": '__all__ = (\n    "A",\n    "B",\n)\n',
    "all as a list": '__all__ = [\n    "A",\n]\n\nx: int\n',
    "functional TypedDict": (
        'X = TypedDict(\n    "X",\n    {\n        "for": NotRequired[Union['
        f'Sequence[{LONG}], Sequence[{LONG}]]],\n        "x": int,\n    }},\n)\n'
    ),
    "def, two params fit": (
        "class C:\n"
        f"    def get_{LONG.lower()}(self, **kwargs: Unpack[{LONG}RequestTypeDef]) -> {LONG[:20]}:\n"
        '        """\n        Doc.\n        """\n'
    ),
    "def, one param": (
        f"class C:\n    def {LONG.lower()}_{LONG.lower()}(self) -> {LONG[:30]}:\n"
        '        """\n        Doc.\n        """\n'
    ),
    "def, many params with defaults": (
        "class C:\n    def generate_presigned_url(self, ClientMethod: str, Params: Mapping[str, Any] = ..., "
        "ExpiresIn: int = 3600, HttpMethod: str = ..., *, Flag: bool = False, Neg: int = -1) -> str:\n"
        '        """\n        Doc.\n        """\n'
    ),
    "def, long return annotation": (
        "class P:\n    def paginate(  # type: ignore[override]\n"
        f"self, **kwargs: Unpack[{LONG}{LONG}]) -> PageIterator[{LONG}{LONG[:30]}]:\n"
        '        """\n        Doc.\n        """\n'
    ),
    "def with a comment on its bracket": (
        "class C:\n    @overload  # type: ignore[override]\n"
        "    def get_paginator(  # pyright: ignore[reportIncompatibleMethodOverride]\n"
        'self, operation_name: Literal["list_parts"]) -> ListPartsPaginator:\n'
        '        """\n        Doc.\n        """\n'
    ),
    "stub defs and overloads": (
        "class C:\n    @overload\n    def f(self, x: int) -> int: ...\n    @overload\n"
        "    def f(self, x: str) -> str: ...\n    x: int\n\n    def g(self) -> None: ...\n"
    ),
    "stub def between classes (client Exceptions)": (
        "class Exceptions:\n    NoSuchThing: type[BotocoreClientError]\n\n"
        "    def from_code(self, error_code: str) -> BotocoreClientError: ...\n\nclass C(BaseClient):\n"
        '    """\n    Doc.\n    """\n\n    meta: ClientMeta\n'
    ),
    "long stub def": f"class C:\n    def {LONG.lower()}(self, error_code: str, other: {LONG}) -> {LONG}: ...\n",
    "long class header": f"class {LONG}Paginator(Paginator[{LONG}ResultTypeDef]):\n    x: int\n",
    "class keywords": "class A(TypedDict, total=False):\n    pass\n",
    "version block": (
        "import sys\n\nif sys.version_info >= (3, 12):\n    from typing import Literal\n"
        "else:\n    from typing_extensions import Literal\n\n__all__ = ('A',)\n"
    ),
    "empty lines: too many and misplaced": (
        '\n\n"""Module."""\nimport sys\nX = 1\n\n\n\nclass A:\n\n    """Doc."""\n    x: int\n'
        "    def f(self) -> None:\n        pass\n    y: int\nclass B(A): ...\nclass D(A): ...\n"
        "def top() -> None: ...\n\n\n"
    ),
    "docstrings: quotes, spaces, indentation": (
        'class A:\n    """ "Quoted" text. """\n\n    def f(self) -> None:\n        """\n'
        '          Indented more.   \n\n        Trailing spaces above.\n        Ends with a quote"\n'
        '        """\n'
    ),
    "docstring whose last line is long": (
        'def f() -> None:\n    """\n    Summary.\n\n    ' + "word " * 17 + 'end."""\n'
    ),
    "comments before methods": (
        "class C:\n    meta: Meta\n\n    # why the property is typed this way\n    @property\n"
        '    def exceptions(self) -> Exceptions:  # type: ignore[override]  # pyright: ignore[reportIncompatibleMethodOverride]\n        """\n        Doc.\n'
        '        """\n    # right after a method body\n    def f(self) -> None:\n        """Doc."""\n\n'
        "    # with an empty line above\n\n    # and a second comment\n    def g(self) -> None: ...\n"
        "# before a class\nclass D:\n    # first in a block\n    x: int\n\n\n# two lines above\nX = int\n"
    ),
    "strings with quotes": 'X = Literal["it\'s", \'say "hi"\']\n',
    "wide characters fit": 'X = Literal["caf\u00e9", "\u65e5\u672c"]\n',
}

# shapes the layout pass must not guess at: black decides, per statement or per file
FALLBACK = {
    "backslash in a docstring": 'def f() -> None:\n    """A \\d+ pattern."""\n',
    "backslash in a string after an alias": 'Old = A\n"""A \\d+ pattern."""\n',
    "two-line string after an alias": 'Old = A\n"""Deprecated:\n    use A."""\n',
    "comment on its own line": "# a comment\nX = int\n",
    "redundant parentheses": "X = (int)\n",
    "stub body on its own line": "class A:\n    ...\n",
    "slice": "X = y[1:2]\n",
    "binary operator": f"{LONG} = {LONG} | {LONG} | None\n",
    "escaped string": 'X = Literal["a\\tb"]\n',
    "wide characters, long": "X = Literal[" + ", ".join(['"\u65e5\u672c\u8a9e"'] * 12) + "]\n",
}


@pytest.fixture
def no_black(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(source: str, is_pyi: bool) -> str:
        raise AssertionError(f"black was asked to format:\n{source}")

    monkeypatch.setattr(statements, "_black", refuse)


@pytest.mark.parametrize("is_pyi", [True, False], ids=["pyi", "py"])
@pytest.mark.parametrize("name", sorted(HANDLED))
def test_handled_shapes_match_black_without_black(name: str, is_pyi: bool, no_black: None) -> None:
    source = HANDLED[name]
    expected = black_format(source, is_pyi)
    assert layout_source(source, is_pyi) == expected
    assert layout_source(expected, is_pyi) == expected  # and black's own output is left alone


@pytest.mark.parametrize("name", sorted(FALLBACK))
def test_other_shapes_go_to_black(name: str) -> None:
    source = FALLBACK[name]
    expected = black_format(source, True)
    try:
        laid_out = layout_source(source, True)
    except Unsure:
        laid_out = black_format(source, True)
    assert laid_out == expected
    assert format_files({"x.pyi": source}) == {"x.pyi": expected}


def test_non_python_files_pass_through() -> None:
    files = {"README.md": "# Title\n\nx  =  1\n", "py.typed": "", "pkg/empty.pyi": "\n"}
    assert format_files(files) == files


def _rendered(service: str) -> Iterator[tuple[str, str]]:
    for path, text in render_stubs(build_package(BotocoreData().load(service))).items():
        if path.endswith((".py", ".pyi")) and text.strip():
            yield path, text


def _check_service(service: str) -> None:
    for path, text in _rendered(service):
        is_pyi = path.endswith(".pyi")
        laid_out = format_files({path: text})[path]
        # black over our output changes nothing, and equals black over the raw render
        assert black.format_str(laid_out, mode=_mode(is_pyi)) == laid_out, path
        assert black_format(text, is_pyi) == laid_out, path


def _mode(is_pyi: bool) -> black.Mode:
    return black.Mode(target_versions={black.TargetVersion.PY39}, is_pyi=is_pyi, line_length=88)


@pytest.mark.parametrize("service", ["sagemaker-edge", "s3", "dynamodb", "lambda", "sqs"])
def test_big_services_are_black_stable(service: str) -> None:
    _check_service(service)


@pytest.mark.parametrize("service", ["sagemaker-edge", "s3", "dynamodb", "ec2"])
def test_big_services_need_no_black(service: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Falling back to black is correct but slow (seconds per big file): today's templates never need it."""
    monkeypatch.setattr(statements, "_black", lambda source, is_pyi: pytest.fail(f"black needed for:\n{source}"))
    for path, text in _rendered(service):
        try:
            layout_source(text, path.endswith(".pyi"))
        except Unsure as error:
            pytest.fail(f"{path}: the whole file would go to black: {error}")


# securityhub and databrew export deprecated aliases, a string after each; black over securityhub's two 0.5 MB
# type_defs cost 20 s (a few of its long union aliases still go to black, one statement each)
@pytest.mark.parametrize("service", ["securityhub", "databrew"])
def test_deprecated_aliases_need_no_black_over_the_file(service: str) -> None:
    for path, text in _rendered(service):
        if path.endswith(("type_defs.pyi", "type_defs.py")):
            assert '"""Deprecated: the name this definition had' in text, path
            try:
                layout_source(text, path.endswith(".pyi"))
            except Unsure as error:
                pytest.fail(f"{path}: the whole file would go to black: {error}")


# black costs about 20 s of CPU per MB (86 MB for all services, .pyi and .py): the sweep takes a fixed-seed
# sample of 60 services (11 MB, about 200 s of CPU), with the largest models always in. The `.py` files are
# the `.pyi` statements with a module header and non-stub blank lines, so fewer of them go through black.
PYI_SAMPLE_SIZE = 60
PY_SAMPLE_SIZE = 16
LARGEST = ("ec2", "sagemaker", "s3", "iot")


def _black_disagrees(job: tuple[str, Path, bool]) -> list[str]:
    """The files of one service where black over the raw render is not what `generate` wrote into `output`."""
    service, output, with_py = job
    suffixes = (".pyi", ".py") if with_py else (".pyi",)
    return [
        f"{service}: {path}"
        for path, text in _rendered(service)
        if path.endswith(suffixes) and black_format(text, path.endswith(".pyi")) != (output / path).read_text()
    ]


def sweep_sample(services: Sequence[str]) -> dict[str, bool]:
    """service -> whether its `.py` files go through black too (its `.pyi` files always do)."""
    sampled = random.Random(20261201).sample(sorted(set(services) - set(LARGEST)), PYI_SAMPLE_SIZE)
    # the largest first, so the two workers do not end on one of them alone
    return {
        **{service: service == "s3" for service in LARGEST},
        **{service: index < PY_SAMPLE_SIZE for index, service in enumerate(sampled)},
    }


@pytest.mark.slow
def test_sampled_services_are_black_stable(every_service: EveryService) -> None:
    """black over the raw render of every `.pyi` of 64 services (and of the `.py` files of 16 of them and s3)
    gives the bytes the session's `generate --all` (layout pass, no black) wrote."""
    sample = sweep_sample(every_service.services)
    jobs = [(service, every_service.output, with_py) for service, with_py in sample.items()]
    with ProcessPoolExecutor(max_workers=2) as pool:
        differing = [line for lines in pool.map(_black_disagrees, jobs) for line in lines]
    assert differing == []


def test_format_option_runs_black(tmp_path: Path) -> None:
    """`generate --format` (black over every file) writes the committed bytes, for stubs and run-time modules."""
    result = run_cli("generate", "sagemaker-edge", "--format", "--no-docs", "--output", "black", cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    assert tree(tmp_path / "black" / "types-boto3-sagemaker-edge") == tree(OUTPUT / "types-boto3-sagemaker-edge")
