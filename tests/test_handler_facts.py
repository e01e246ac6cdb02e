"""What botocore's handlers do to a service (aliases, filled keys, removed operations), kept in the cache folder:
the kept facts are botocore's, a later run reads them without importing botocore.handlers, and a model whose
names the handlers read differ gets facts of its own."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from pathlib import Path

import botocore.session
import pytest
from botocore.model import ServiceModel

from generator.parse.handler_facts import HandlerFacts, handler_facts, worked_out

SESSION = botocore.session.get_session()
LOADER = SESSION.get_component("data_loader")
# aliases (ec2, logs, cloudsearchdomain), a filled key (glacier), a removed operation (qbusiness), none
SERVICES = ("ec2", "logs", "cloudsearchdomain", "glacier", "qbusiness", "s3", "sagemaker-edge")


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("BOTO_TYPEGEN_CACHE", str(folder))
    return folder


def _kept(cache: Path) -> list[Path]:
    return sorted((cache / "handlers").iterdir())


@pytest.mark.parametrize("service", SERVICES)
def test_kept_facts_are_botocores(service: str, cache: Path) -> None:
    model = SESSION.get_service_model(service)
    expected = worked_out(model)
    assert handler_facts(model) == expected
    (kept,) = _kept(cache)
    assert handler_facts(model) == expected  # now read from the file
    # what is kept is what a later call uses
    kept.write_text(json.dumps({"aliases": {"X": {"a": "b"}}, "filled": ["k"], "removed": []}))
    assert handler_facts(model) == HandlerFacts({"X": {"a": "b"}}, frozenset({"k"}), frozenset())


def test_the_facts_botocore_gives(cache: Path) -> None:
    ec2 = handler_facts(SESSION.get_service_model("ec2"))
    assert ec2.aliases["DescribeFlowLogsRequest"] == {"Filter": "Filters"}
    assert handler_facts(SESSION.get_service_model("glacier")).filled == {"accountId"}
    assert handler_facts(SESSION.get_service_model("qbusiness")).removed == {"Chat"}
    assert handler_facts(SESSION.get_service_model("s3")) == HandlerFacts({}, frozenset(), frozenset())


def test_a_later_process_reads_them_without_botocores_handlers(cache: Path) -> None:
    script = (
        "import json, sys\n"
        "import botocore.loaders\n"
        "from botocore.model import ServiceModel\n"
        "from generator.parse.handler_facts import handler_facts\n"
        "model = ServiceModel(botocore.loaders.Loader().load_service_model('ec2', 'service-2'), 'ec2')\n"
        "facts = handler_facts(model)\n"
        "print(json.dumps([facts.aliases, 'botocore.handlers' in sys.modules]))\n"
    )
    env = dict(os.environ, BOTO_TYPEGEN_CACHE=str(cache))
    runs = [subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env) for _ in "12"]
    (first_aliases, first_imported), (second_aliases, second_imported) = [json.loads(run.stdout) for run in runs]
    assert first_imported and not second_imported, [run.stderr for run in runs]
    assert first_aliases == second_aliases == worked_out(SESSION.get_service_model("ec2")).aliases


def test_a_model_with_other_names_gets_its_own_facts(cache: Path) -> None:
    data = LOADER.load_service_model("ec2", "service-2")
    original = ServiceModel(data, "ec2")
    assert handler_facts(original).aliases["DescribeFlowLogsRequest"] == {"Filter": "Filters"}
    changed = copy.deepcopy(data)
    members = changed["shapes"]["DescribeFlowLogsRequest"]["members"]
    members["Filters"] = members.pop("Filter")  # the model now has the documented name itself
    facts = handler_facts(ServiceModel(changed, "ec2"))
    assert "DescribeFlowLogsRequest" not in facts.aliases
    assert facts == worked_out(ServiceModel(changed, "ec2"))
    assert len(_kept(cache)) == 2
    assert handler_facts(original).aliases["DescribeFlowLogsRequest"] == {"Filter": "Filters"}


@pytest.mark.parametrize("text", ["{not json", "[]", '{"aliases": [], "filled": [], "removed": []}'])
def test_an_unreadable_kept_file_is_worked_out_again(text: str, cache: Path) -> None:
    model = SESSION.get_service_model("glacier")
    expected = handler_facts(model)
    (kept,) = _kept(cache)
    kept.write_text(text)
    assert handler_facts(model) == expected
    assert json.loads(kept.read_text())["filled"] == ["accountId"]
