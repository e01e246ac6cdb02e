"""The run-time modules (`X.py` beside every `X.pyi`) in clean virtualenvs: only boto3, botocore and,
below Python 3.12, typing-extensions; no stub package. Every module imports, every name of each stub's
`__all__` exists, and `typing.get_type_hints` resolves every TypedDict, whose required and optional keys are
the IR's."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Iterator

import botocore.loaders
import pytest

from cleanenv.envs import VERSIONS, CleanVenvs, Expected, check, interpreter
from generator.ir.defs import AliasDef, TypedDictDef
from generator.ir.package import ServicePackage
from generator.ir.types import External, Module, Subscript, TypeExpr
from generator.parse.package import build_package
from generator.parse.source import BotocoreData
from generator.pipeline import generate_service

# rich services: event streams (kinesis, lambda, s3, bedrock-runtime), recursive shapes (dynamodb, wafv2, and
# amplifyuibuilder's in the functional form too), keys that need the functional form (apigateway `from`,
# apigatewayv2 `None`), resources
# (s3, dynamodb, ec2)
SERVICES = (
    "sagemaker-edge", "s3", "dynamodb", "ec2", "lambda", "kinesis", "bedrock-runtime", "apigateway", "apigatewayv2",
    "wafv2", "amplifyuibuilder", "mediapackage",
)  # fmt: skip
USER_LINE = """\
from typing import cast, get_type_hints

import boto3

from types_boto3_s3.client import S3Client
from types_boto3_s3.paginator import ListObjectsV2Paginator
from types_boto3_s3.type_defs import ListObjectsV2OutputTypeDef

client = cast("S3Client", boto3.client("s3", region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="x"))


def first_page(client: S3Client, paginator: ListObjectsV2Paginator) -> ListObjectsV2OutputTypeDef: ...


print(type(client).__name__, sorted(get_type_hints(first_page)))
"""


@pytest.fixture(scope="module")
def generated(
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, tuple[ServicePackage, Expected]]:
    output = tmp_path_factory.mktemp("runtime-packages")
    data = BotocoreData()
    packages = {}
    for service in SERVICES:
        generate_service(data, service, output)
        package = build_package(data.load(service))  # the IR the files were rendered from
        packages[service] = (package, Expected.of(package, output / package.pypi_name))
    return packages


def _versions() -> Iterator[object]:
    for version in VERSIONS:
        marks = [] if interpreter(version) else [pytest.mark.skip(reason=f"no Python {version} under pyenv")]
        yield pytest.param(version, marks=marks)


@pytest.mark.parametrize("version", list(_versions()))
def test_every_module_imports_and_every_typed_dict_resolves(
    version: str,
    clean_venvs: CleanVenvs,
    generated: dict[str, tuple[ServicePackage, Expected]],
    tmp_path: Path,
) -> None:
    expected = [item for _, item in generated.values()]
    report = check(clean_venvs.python(version), expected, tmp_path)
    assert not report.environment
    assert sorted(report.services) == sorted(SERVICES)
    problems = [f"{service}: {problem}" for service, found in report.services.items() for problem in found]
    assert not problems, "\n".join(problems[:60])
    assert sum(len(item.typed_dicts) for item in expected) > 5000  # the check saw the TypedDicts


@pytest.mark.parametrize("version", ["3.9", "3.13"])
def test_a_users_module_level_imports_and_cast_work(
    version: str,
    clean_venvs: CleanVenvs,
    generated: dict[str, tuple[ServicePackage, Expected]],
    tmp_path: Path,
) -> None:
    if interpreter(version) is None:
        pytest.skip(f"no Python {version} under pyenv")
    user = tmp_path / "user.py"
    user.write_text(USER_LINE)
    s3_folder = generated["s3"][1].path
    done = subprocess.run(
        [str(clean_venvs.python(version)), str(user)],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(s3_folder), "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["S3", "['client',", "'paginator',", "'return']"]


def _generic_bases(expr: TypeExpr) -> Iterator[External]:
    """Every External that `expr` subscripts, at any depth."""
    if isinstance(expr, Subscript) and isinstance(expr.base, External):
        yield expr.base
    for child in vars(expr).values():
        for item in child if isinstance(child, tuple) else (child,):
            if isinstance(item, TypeExpr):
                yield from _generic_bases(item)


def test_stub_only_generics_are_the_classes_botocore_cannot_subscript(
    clean_venvs: CleanVenvs, generated: dict[str, tuple[ServicePackage, Expected]]
) -> None:
    """Each subscripted External's `subscriptable_at_run_time` is what the real object does, on Python 3.9."""
    externals: set[External] = set()
    for package, _ in generated.values():
        for definition in package.type_defs:
            for expr in definition.type_exprs():
                externals.update(_generic_bases(expr))
        for cls in (*package.paginators, *package.waiters):
            externals.update(_generic_bases(cls.base))
            for method in cls.methods:
                externals.update(_generic_bases(method.return_type))
    wanted = sorted({(item.module, item.name) for item in externals})
    probe = (
        "import importlib, json, sys\n"
        "result = {}\n"
        "for module, name in json.loads(sys.argv[1]):\n"
        "    found = importlib.import_module(module)\n"
        "    if module == 'typing' and not hasattr(found, name):\n"
        "        found = importlib.import_module('typing_extensions')  # as the modules' version gate does\n"
        "    value = getattr(found, name)\n"
        "    try:\n        value[int]\n        result[module + '.' + name] = True\n"
        "    except TypeError:\n        result[module + '.' + name] = False\n"
        "print(json.dumps(result))\n"
    )
    done = subprocess.run(
        [str(clean_venvs.python("3.9")), "-I", "-c", probe, json.dumps(wanted)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    real = json.loads(done.stdout)
    ours = {f"{item.module}.{item.name}": item.subscriptable_at_run_time for item in externals}
    assert {"botocore.eventstream.EventStream", "botocore.paginate.PageIterator", "typing.Union"} <= set(ours)
    assert {name: ours[name] for name in real} == real


def test_the_services_exercise_every_kind_of_forward_reference(
    generated: dict[str, tuple[ServicePackage, Expected]],
) -> None:
    """A definition naming a TypedDict bound further down type_defs.py (recursive shapes): in a class-form
    TypedDict, in a functional one (whose values Python evaluates at once), and in a Union alias. The import
    check above resolves each of them; this holds that the chosen services still have all three."""
    spelling = {"class": 0, "functional": 0, "alias": 0}
    for package, expected in generated.values():
        text = (expected.path / package.module_name / "type_defs.py").read_text()
        assert "EventStream[" not in text and "Paginator[" not in text
        bound: set[str] = set()
        for definition in package.type_defs:
            refs = [ref for expr in definition.type_exprs() for ref in expr.runtime_refs()]
            if any(ref.module is Module.TYPE_DEFS and ref.name not in bound for ref in refs):
                kind = (
                    "alias" if isinstance(definition, AliasDef) else "functional" if definition.functional else "class"
                )
                spelling[kind] += 1
            bound.add(definition.name)
    assert spelling["class"] >= 5 and spelling["functional"] >= 2 and spelling["alias"] >= 2, spelling


def test_names_a_class_body_would_mangle_take_the_functional_form_at_run_time(tmp_path: Path) -> None:
    # no model of botocore 1.44.8 names a structure `__X` any more (enum shapes like mediapackage's
    # `__AdTriggersElement` get public names), so a real model is edited to have one
    model = botocore.loaders.Loader().load_service_model("sagemaker-edge", "service-2")
    text = json.dumps(model).replace('"Checksum"', '"__Checksum"')
    data_path = tmp_path / "data"
    folder = data_path / "sagemaker-edge" / "2020-09-23"
    folder.mkdir(parents=True)
    (folder / "service-2.json").write_text(text)
    data = BotocoreData(data_path)
    package = build_package(data.load("sagemaker-edge"))
    mangled = [d for d in package.type_defs if isinstance(d, TypedDictDef) and d.mangled_in_a_class]
    assert [d.name for d in mangled] == ["DefinitionTypeDef"] and not mangled[0].functional
    generate_service(data, "sagemaker-edge", tmp_path / "out")
    module = tmp_path / "out" / package.pypi_name / package.module_name
    assert "class DefinitionTypeDef(TypedDict):" in (module / "type_defs.pyi").read_text()
    assert 'DefinitionTypeDef = TypedDict(\n    "DefinitionTypeDef",' in (module / "type_defs.py").read_text()
    probe = (
        "import typing, types_boto3_sagemaker_edge.type_defs as t\n"
        "hints = typing.get_type_hints(t.DefinitionTypeDef, include_extras=True)\n"
        "print(sorted(hints), sorted(t.DefinitionTypeDef.__optional_keys__))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=module.parent, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    keys = sorted(field.name for field in mangled[0].fields)
    assert result.stdout.strip() == f"{keys} {keys}"
