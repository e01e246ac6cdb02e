"""Up-to-date stamps: a second run with nothing changed skips, a changed model redoes only its service,
and neither the output folder nor a tampered output fools the stamp."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from conftest import PACKAGE_DIR, SERVICE, run_cli, tree

from generator.cache import Inputs, Stamps
from generator.parse.source import BotocoreData

OTHER = "sagemaker-metrics"  # a second small service


def _env(cache: Path) -> dict[str, str]:
    return {**os.environ, "BOTO_TYPEGEN_CACHE": str(cache)}


def _said(stdout: str) -> dict[str, str]:
    """`service: what in folder` lines as service -> what."""
    return dict(line.split(" in ", 1)[0].split(": ", 1) for line in stdout.splitlines())


@pytest.fixture
def models(tmp_path: Path) -> Path:
    """A --data-path holding copies of both services' botocore folders."""
    root = Path(BotocoreData().loader.search_paths[-1])
    assert (root / SERVICE).is_dir(), root
    data = tmp_path / "models"
    for service in (SERVICE, OTHER):
        shutil.copytree(root / service, data / service)
    return data


def _generate(tmp_path: Path, models: Path, *extra: str) -> dict[str, str]:
    result = run_cli(
        "generate", SERVICE, OTHER, "--data-path", str(models), "--output", "out", "--docs", "docs", *extra,
        cwd=tmp_path, env=_env(tmp_path / "cache"),
    )
    assert result.returncode == 0, result.stderr
    return _said(result.stdout)


def test_second_run_skips_and_a_changed_model_redoes_only_its_service(tmp_path: Path, models: Path) -> None:
    first = _generate(tmp_path, models)
    assert first[SERVICE].endswith("files") and first[OTHER].endswith("files")
    written = tree(tmp_path / "out")
    assert _generate(tmp_path, models) == {SERVICE: "up to date", OTHER: "up to date"}
    assert tree(tmp_path / "out") == written

    (model_file,) = (models / SERVICE).glob("*/service-2.json*")
    assert model_file.suffix == ".gz" or model_file.suffix == ".json"
    model = BotocoreData(models).loader.load_service_model(SERVICE, "service-2")
    model["metadata"]["serviceFullName"] = "Edge Manager, Changed"
    model_file.unlink()
    model_file.with_name("service-2.json").write_text(json.dumps(model))

    third = _generate(tmp_path, models)
    assert third[OTHER] == "up to date"
    assert third[SERVICE].endswith("files")
    client = tmp_path / "out" / PACKAGE_DIR.name / "types_boto3_sagemaker_edge" / "client.pyi"
    assert "Edge Manager, Changed" in client.read_text()
    assert _generate(tmp_path, models) == {SERVICE: "up to date", OTHER: "up to date"}


def test_edited_or_deleted_output_is_regenerated(tmp_path: Path, models: Path) -> None:
    _generate(tmp_path, models)
    written = tree(tmp_path / "out")
    client = tmp_path / "out" / PACKAGE_DIR.name / "types_boto3_sagemaker_edge" / "client.pyi"
    client.write_text(client.read_text() + "# edited by hand\n")
    shutil.rmtree(tmp_path / "docs" / f"types_boto3_{OTHER.replace('-', '_')}")
    said = _generate(tmp_path, models)
    assert said == {SERVICE: _files(tmp_path, SERVICE), OTHER: _files(tmp_path, OTHER)}
    assert tree(tmp_path / "out") == written


def _files(tmp_path: Path, service: str) -> str:
    folders = [tmp_path / "out" / f"types-boto3-{service}", tmp_path / "docs" / f"types_boto3_{service.replace('-', '_')}"]
    return f"{sum(1 for folder in folders for path in folder.rglob('*') if path.is_file())} files"


def test_force_and_format_regenerate_and_options_are_part_of_the_key(tmp_path: Path, models: Path) -> None:
    _generate(tmp_path, models)
    assert all(what.endswith("files") for what in _generate(tmp_path, models, "--force").values())
    written = tree(tmp_path / "out")
    # black itself writes the same bytes as the layout pass
    assert all(what.endswith("files") for what in _generate(tmp_path, models, "--format").values())
    assert tree(tmp_path / "out") == written
    # stubs without docs are another output than stubs with docs
    result = run_cli(
        "generate", SERVICE, "--data-path", str(models), "--output", "out", "--no-docs",
        cwd=tmp_path, env=_env(tmp_path / "cache"),
    )
    assert result.returncode == 0, result.stderr
    assert _said(result.stdout)[SERVICE].endswith("files")


def test_stamps_stay_out_of_the_output(tmp_path: Path, models: Path) -> None:
    _generate(tmp_path, models)
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == sorted(
        [PACKAGE_DIR.name, f"types-boto3-{OTHER}"]
    )
    assert sorted(path.name for path in tmp_path.iterdir()) == ["cache", "docs", "models", "out"]
    stamps = list((tmp_path / "cache" / "stamps").rglob("*.json"))
    assert sorted(path.stem for path in stamps) == sorted([SERVICE, OTHER])


def test_keys_depend_on_the_service_folder_and_the_shared_inputs(tmp_path: Path, models: Path) -> None:
    data = BotocoreData(models)
    names = data.service_names()
    inputs = Inputs.scan(data.loader.search_paths, names, "docs=True")
    again = Inputs.scan(data.loader.search_paths, names, "docs=True")
    assert inputs.key(SERVICE) == again.key(SERVICE)
    assert inputs.key(SERVICE) != inputs.key(OTHER)
    assert Inputs.scan(data.loader.search_paths, names, "docs=False").key(SERVICE) != inputs.key(SERVICE)
    assert Inputs.scan(data.loader.search_paths, names[:-1], "docs=True").key(OTHER) != inputs.key(OTHER)
    before = {service: inputs.key(service) for service in (SERVICE, OTHER)}
    (models / SERVICE / "extra.json").write_text("{}")
    changed = Inputs.scan(data.loader.search_paths, names, "docs=True")
    assert changed.key(OTHER) == before[OTHER]
    assert changed.key(SERVICE) != before[SERVICE]


def test_a_stamp_without_its_output_is_not_current(tmp_path: Path) -> None:
    stamps = Stamps(tmp_path / "out", None, root=tmp_path / "cache")
    folder = tmp_path / "out" / "pkg"
    folder.mkdir(parents=True)
    (folder / "a.pyi").write_text("x: int\n")
    stamps.record("svc", "key-1", [folder])
    assert stamps.is_current("svc", "key-1")
    assert not stamps.is_current("svc", "key-2")
    (folder / "b.pyi").write_text("y: int\n")
    assert not stamps.is_current("svc", "key-1")
    stamps.record("svc", "key-1", [folder])
    shutil.rmtree(folder)
    assert not stamps.is_current("svc", "key-1")
    stamps.forget("svc")
    assert not stamps.is_current("svc", "key-1")
