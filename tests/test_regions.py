"""RegionName's regions: botocore's EndpointResolver's answer for each endpoint prefix, kept in the cache folder
by the endpoints file's content."""

from __future__ import annotations

import json
from pathlib import Path

import botocore
import pytest
from botocore.loaders import Loader
from botocore.regions import EndpointResolver

from generator.parse.regions import regions_by_prefix
from generator.parse.source import BotocoreData

PREFIXES = ("api.sagemaker", "s3", "ec2", "iam", "route53", "no-such-prefix")


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("BOTO_TYPEGEN_CACHE", str(folder))
    return folder


def test_every_prefix_has_the_regions_botocore_lists() -> None:
    endpoints = Loader().load_data("endpoints")
    resolver = EndpointResolver(endpoints)
    table = regions_by_prefix(endpoints)
    assert len(table) > 300 and "us-east-1" in table["api.sagemaker"]
    for prefix in [*table, "no-such-prefix"]:
        assert table.get(prefix, []) == sorted(resolver.get_available_endpoints(prefix, "aws")), prefix


def test_the_table_is_kept_and_read_back_by_content(cache: Path, tmp_path: Path) -> None:
    first = {prefix: BotocoreData()._regions(prefix) for prefix in PREFIXES}
    (kept,) = (cache / "regions").iterdir()
    assert kept.name.startswith(f"{botocore.__version__}-")
    assert {prefix: tuple(json.loads(kept.read_text()).get(prefix, ())) for prefix in PREFIXES} == first
    # what is kept is what a later run uses
    kept.write_text(json.dumps({"api.sagemaker": ["kept-region"]}))
    assert BotocoreData()._regions("api.sagemaker") == ("kept-region",)
    # other endpoints data is another entry, read from its own file
    models = tmp_path / "models"
    models.mkdir()
    endpoints = Loader().load_data("endpoints")
    aws = next(partition for partition in endpoints["partitions"] if partition["partition"] == "aws")
    del aws["services"]["api.sagemaker"]["endpoints"]["us-west-1"]
    (models / "endpoints.json").write_text(json.dumps(endpoints))
    changed = BotocoreData(models)._regions("api.sagemaker")
    assert set(first["api.sagemaker"]) - set(changed) == {"us-west-1"}
    assert len(list((cache / "regions").iterdir())) == 2


def test_an_unreadable_kept_table_is_made_again(cache: Path) -> None:
    expected = BotocoreData()._regions("s3")
    (kept,) = (cache / "regions").iterdir()
    kept.write_text("{not json")
    assert BotocoreData()._regions("s3") == expected
    assert json.loads(kept.read_text())["s3"] == list(expected)
