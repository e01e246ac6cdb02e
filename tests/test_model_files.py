"""The loader's plain JSON parser reads every file as botocore's own JSONFileLoader does (minus OrderedDict)."""

from __future__ import annotations

import gzip
from pathlib import Path

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
    assert ours.list_available_services("paginators-1") == botocore.list_available_services("paginators-1")


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
