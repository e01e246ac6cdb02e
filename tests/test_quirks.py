"""Facts about single services: the ones read from botocore's handlers (generator/parse/handlers.py) against
real clients created offline, and the rows of generator/parse/quirks.py against botocore's and boto3's models.
"""

from __future__ import annotations

from typing import Any

import boto3
import botocore.session
import pytest
from botocore import xform_name
from botocore.exceptions import ParamValidationError
from botocore.stub import Stubber
from botocore.validate import validate_parameters

from generator.parse.handlers import filled_keys, removed_operations
from generator.parse.package import build_package
from generator.parse.quirks import (
    CLIENT_METHODS,
    CLIENT_REQUEST_NAMES,
    HIGH_LEVEL_VALUES,
    RESOURCE_METHODS,
    RESOURCE_REQUEST_STEMS,
)
from generator.parse.resource_models import load_resource_model, resource_service_names
from generator.parse.source import BotocoreData

_SESSION = botocore.session.get_session()
# the services whose operations botocore deletes at client creation (1.44.8), and two it leaves whole
_SERVICES = ("bedrock-runtime", "connecthealth", "lexv2-runtime", "polly", "qbusiness", "s3", "glacier")


def _client(service: str) -> Any:
    return _SESSION.create_client(
        service, region_name="us-east-1", aws_access_key_id="testing", aws_secret_access_key="testing"
    )


@pytest.mark.parametrize("service", _SERVICES)
def test_removed_operations_are_the_methods_a_real_client_lacks(service: str) -> None:
    model = _SESSION.get_service_model(service)
    client = _client(service)
    lacking = {name for name in model.operation_names if not hasattr(client, xform_name(name))}
    assert removed_operations(model) == lacking, service


def test_some_service_has_an_operation_removed() -> None:
    # else the test above would hold for a reader that finds nothing
    assert removed_operations(_SESSION.get_service_model("qbusiness")) == {"Chat"}


def test_glacier_account_id_is_filled_and_botocore_accepts_a_request_without_it() -> None:
    assert filled_keys(_SESSION.get_service_model("glacier")) == {"accountId"}
    assert filled_keys(_SESSION.get_service_model("s3")) == frozenset()
    model = _SESSION.get_service_model("glacier")
    with pytest.raises(ParamValidationError, match="accountId"):  # required in the model
        validate_parameters({}, model.operation_model("ListVaults").input_shape)
    client = _client("glacier")
    with Stubber(client) as stubber:
        stubber.add_response("list_vaults", {"VaultList": []})
        client.list_vaults()  # validated after botocore's handlers ran
        stubber.assert_no_pending_responses()


def test_the_methods_quirks_add_exist_on_boto3s_own_clients_and_resources() -> None:
    session = boto3.session.Session(
        region_name="us-east-1", aws_access_key_id="testing", aws_secret_access_key="testing"
    )
    for row in CLIENT_METHODS:
        client = session.client(row.service)
        added = [method.name for method in row.build(row.service).methods]
        assert added and all(callable(getattr(client, name, None)) for name in added), (row.service, added)
        assert row.reason, row
    data = BotocoreData()
    for each in RESOURCE_METHODS:
        model = load_resource_model(each.service)
        assert model is not None and each.resource in model["resources"], each
        resource = build_package(data.load(each.service)).resource
        assert resource is not None
        ours = next(item for item in resource.resources if item.name == each.resource)
        identifiers = ["x"] * len(model["resources"][each.resource].get("identifiers", []))
        instance = getattr(session.resource(each.service), each.resource)(*identifiers)
        # the row's methods among them: boto3 adds them when it creates the class
        missing = [
            method.name for method in ours.methods if not callable(getattr(instance, method.name, None))
        ]
        assert not missing, (each, missing)
        assert each.reason, each


def test_every_quirk_names_a_real_operation_or_resource_and_says_why() -> None:
    for row in (*CLIENT_REQUEST_NAMES, *RESOURCE_REQUEST_STEMS):
        assert row.operation in _SESSION.get_service_model(row.service).operation_names, row
        assert row.reason, row
    for values in HIGH_LEVEL_VALUES:
        assert values.service in resource_service_names() and values.reason, values
        assert boto3.session.Session(region_name="us-east-1").resource(values.service).meta.service_name
