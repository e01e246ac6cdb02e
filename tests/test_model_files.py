"""The loader's plain JSON parser reads every file as botocore's own JSONFileLoader does (minus OrderedDict), and
its listing of a model type's services answers `in` as botocore's listing does, from one service's folders."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from botocore.loaders import Loader

from generator.parse.model_files import PlainJSONFileLoader, model_loader


def test_models_and_shared_data_load_as_botocore_loads_them() -> None:
    ours, botocore = model_loader([], include_default_search_paths=True), Loader()
    # ec2's paginators come with sdk extras merged in; endpoints is the largest shared file
    for service, type_name in (("sagemaker-edge", "service-2"), ("ec2", "paginators-1"), ("s3", "waiters-2")):
        mine = ours.load_service_model(service, type_name)
        assert type(mine) is dict
        assert mine == botocore.load_service_model(service, type_name)
    assert ours.load_data("endpoints") == botocore.load_data("endpoints")
    assert list(ours.list_available_services("paginators-1")) == botocore.list_available_services("paginators-1")


def test_plain_and_gzipped_files_read_the_same_and_a_missing_one_is_none(tmp_path: Path) -> None:
    # botocore ships sagemaker-edge's model gzipped; the same bytes are written both ways here
    found = Loader().load_data_with_path("sagemaker-edge/2020-09-23/service-2")[1]
    packed = Path(found + ".json.gz")
    text = gzip.decompress(packed.read_bytes()) if packed.is_file() else Path(found + ".json").read_bytes()
    (tmp_path / "plain.json").write_bytes(text)
    (tmp_path / "packed.json.gz").write_bytes(gzip.compress(text))
    files = PlainJSONFileLoader()
    expected = Loader().load_data("sagemaker-edge/2020-09-23/service-2")
    assert files.load_file(str(tmp_path / "plain")) == expected
    assert files.load_file(str(tmp_path / "packed")) == expected
    assert files.load_file(str(tmp_path / "absent")) is None


TYPES = ("service-2", "paginators-1", "waiters-2", "examples-1")
NOT_SERVICES = ("", ".", "..", "no-such-service", "ec2/2016-11-15", "../data", "endpoints.json", "EC2")


@pytest.mark.parametrize("type_name", TYPES)
def test_in_answers_as_botocores_listing_for_every_service(type_name: str) -> None:
    botocore = Loader()
    listed = botocore.list_available_services(type_name)
    ours = model_loader([], include_default_search_paths=True).list_available_services(type_name)
    names = [*botocore.list_available_services("service-2"), *NOT_SERVICES]
    assert [name for name in names if name in ours] == [name for name in names if name in listed]
    every = botocore.list_available_services("service-2")
    # `in` is asked both ways: some services lack each type but service-2
    assert 0 < len(listed) < len(every) or type_name == "service-2"
    # the listing itself is botocore's, made when first read, and `in` then reads it
    assert list(ours) == listed and len(ours) == len(listed) and ours[0] == listed[0]
    assert ("no-such-service" in ours, listed[-1] in ours) == (False, True)


def test_in_looks_in_every_search_path_as_botocore_does(tmp_path: Path) -> None:
    data = tmp_path / "data"
    # a waiters model for a service that has none in botocore, in a version folder botocore lacks
    (data / "sagemaker-edge" / "2031-01-01").mkdir(parents=True)
    (data / "sagemaker-edge" / "2031-01-01" / "waiters-2.json").write_text(json.dumps({"version": 2, "waiters": {}}))
    # a service of the data path only, whose one "version" is a file; and a file beside the services
    (data / "made-up").mkdir()
    (data / "made-up" / "2031-01-01").write_text("")
    (data / "made-up-too.json").write_text("{}")
    # a model two folders down: botocore lists neither "nested" nor "nested/inner"
    (data / "nested" / "inner" / "2031-01-01").mkdir(parents=True)
    (data / "nested" / "inner" / "2031-01-01" / "waiters-2.json").write_text("{}")
    botocore = Loader(extra_search_paths=[str(data)])
    for type_name in ("waiters-2", "service-2"):
        ours = model_loader([str(data)], include_default_search_paths=True).list_available_services(type_name)
        listed = botocore.list_available_services(type_name)
        for name in ("sagemaker-edge", "made-up", "made-up-too.json", "s3", "made-up/2031-01-01", "nested/inner"):
            assert (name in ours) == (name in listed), (type_name, name)
    assert "sagemaker-edge" in botocore.list_available_services("waiters-2")
    alone = model_loader([str(data)], include_default_search_paths=False).list_available_services("waiters-2")
    assert ("sagemaker-edge" in alone, "s3" in alone) == (True, False)
