"""The naming-stability benchmark finds the shape a removed name stands for, whichever generator named it."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from botocore.loaders import Loader

from conftest import REPO


def benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("naming_stability", REPO / "benchmarks" / "naming_stability.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_names_the_builder_gives_a_paginator_or_waiter_variant_find_their_shape() -> None:
    naming = benchmark()
    kept = naming.shapes(Loader(), "iotsitewise")
    # mypy-boto3-builder 8.12.0 wrote these for botocore 1.40.0 and dropped the Waiter ones for 1.44.8
    assert naming.shape_of("DatumWaiterTypeDef", "type_defs", kept) == ("Datum", "Waiter")
    assert naming.shape_of("ExecuteQueryResponseWaiterTypeDef", "type_defs", kept) == (
        "ExecuteQueryResponse",
        "Waiter",
    )
    assert naming.shape_of("RowPaginatorTypeDef", "type_defs", kept) == ("Row", "Paginator")
    assert naming.shape_of("RowTypeDef", "type_defs", kept) == ("Row", "")


def test_a_name_of_no_shape_is_not_counted() -> None:
    naming = benchmark()
    kept = naming.shapes(Loader(), "pcs")
    # the builder's TypedDict for an empty response stands for no shape of the model
    assert naming.shape_of("EmptyResponseMetadataTypeDef", "type_defs", kept) == (None, "")
    assert naming.shape_of("DatumWaiterTypeDef", "type_defs", kept) == (None, "")
