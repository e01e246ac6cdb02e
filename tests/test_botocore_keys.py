"""Keys botocore treats unlike its model, on botocore's real models: the aliases read from its handlers, the
result keys it leaves out, and the errata table; each table row still names something the model has, and
the README lists every row."""

from __future__ import annotations

import json
import re

import botocore.session
import pytest
from botocore.model import StructureShape
from conftest import BOTOCORE_PIN, REPO

from generator.parse.aliases import parameter_aliases
from generator.parse.errata import ERRATA, corrected_model
from generator.parse.result_keys import ANY, LEFT_OUT, left_out_keys

SESSION = botocore.session.get_session()
LOADER = SESSION.get_component("data_loader")
README = (REPO / "README.md").read_text()
pinned = pytest.mark.skipif(botocore.__version__ != BOTOCORE_PIN, reason=f"facts of botocore {BOTOCORE_PIN}")


def _paginators(service: str) -> dict[str, object]:
    try:
        return dict(LOADER.load_service_model(service, "paginators-1")["pagination"])
    except botocore.exceptions.DataNotFoundError:
        return {}


@pinned
def test_aliases_are_botocores() -> None:
    ec2 = parameter_aliases(SESSION.get_service_model("ec2"))
    requests = ("FlowLogs", "HostReservationOfferings", "HostReservations", "Hosts", "NatGateways")
    assert ec2 == {f"Describe{name}Request": {"Filter": "Filters"} for name in requests}
    assert parameter_aliases(SESSION.get_service_model("logs")) == {
        "CreateExportTaskRequest": {"from": "fromTime"}
    }
    search = parameter_aliases(SESSION.get_service_model("cloudsearchdomain"))
    assert search == {"SearchRequest": {"return": "returnFields"}}
    # the `ec2.*` event names no other service: iam's GetAccountAuthorizationDetails has a Filter too
    assert parameter_aliases(SESSION.get_service_model("iam")) == {}


def test_output_tokens_are_left_out() -> None:
    model = SESSION.get_service_model("s3")
    keys = left_out_keys(model, _paginators("s3"))
    # `NextMarker || Contents[-1].Key`: both the token and the list it falls back to
    assert {"NextMarker", "Contents", "CommonPrefixes"} <= keys["ListObjectsOutput"]
    assert {"NextContinuationToken", "Contents"} <= keys["ListObjectsV2Output"]
    assert "Name" not in keys["ListObjectsV2Output"] and "IsTruncated" not in keys["ListObjectsV2Output"]
    iam = left_out_keys(SESSION.get_service_model("iam"), _paginators("iam"))
    assert iam["ListUsersResponse"] == {"Marker"}


def test_token_inside_a_structure_leaves_the_structure_required() -> None:
    """`DistributionList.NextMarker`: the list object is on every page; the nested token is optional already.
    `StreamDescription.Shards[-1].ShardId` is read from data the last page has: the structure stays too."""
    checked = 0
    for service in ("cloudfront", "elasticache", "neptune", "rds", "redshift", "kinesis"):
        model = SESSION.get_service_model(service)
        keys = left_out_keys(model, _paginators(service))
        for operation, config in _paginators(service).items():
            token = str(config.get("output_token"))
            if not re.fullmatch(r"\w+(\.\w+)+(\[-1\]\.\w+)?", token):
                continue
            head, second = re.split(r"[.\[]", token)[:2]
            output = model.operation_model(operation).output_shape
            assert head not in keys.get(output.name, ()), (service, operation)
            assert isinstance(output.members[head], StructureShape)
            if "[" not in token:
                assert second not in output.members[head].required_members, (service, operation, token)
            checked += 1
    assert checked >= 16


@pinned
@pytest.mark.parametrize("row", LEFT_OUT, ids=lambda row: f"{row.service}.{row.shape}.{row.key}")
def test_left_out_rows_name_result_keys(row: object) -> None:
    """A row whose key no result of its service has any more is stale (wildcard rows: some service has it)."""
    services = SESSION.get_available_services() if row.service == ANY else [row.service]
    for service in services:
        model = SESSION.get_service_model(service)
        for name in model.operation_names:
            output = model.operation_model(name).output_shape
            if output is not None and row.shape in (ANY, output.name) and row.key in output.members:
                assert row.key in left_out_keys(model, _paginators(service))[output.name]
                return
    pytest.fail(f"no result of {row.service} has {row.key}")


@pinned
@pytest.mark.parametrize("erratum", ERRATA, ids=lambda item: f"{item.service}.{item.shape}")
def test_errata_still_needed(erratum: object) -> None:
    """Each erratum names an enum of botocore's model that still lacks the values; the correction adds them."""
    data = LOADER.load_service_model(erratum.service, "service-2")
    shape = data["shapes"][erratum.shape]
    assert shape["type"] == "string" and shape.get("enum")
    assert not set(erratum.added) & set(shape["enum"]), "botocore fixed it: remove the row"
    before = json.dumps(data, sort_keys=True)
    corrected = corrected_model(erratum.service, data)
    assert corrected["shapes"][erratum.shape]["enum"] == [*shape["enum"], *erratum.added]
    assert json.dumps(data, sort_keys=True) == before, "botocore's loaded model must stay as it was"


def test_readme_lists_every_row() -> None:
    for erratum in ERRATA:
        assert f"| {erratum.service} | `{erratum.shape}` |" in README and erratum.reference in README
    for row in LEFT_OUT:
        assert f"`{row.key}`" in README and row.reason in README, row
