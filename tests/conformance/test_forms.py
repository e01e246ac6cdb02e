"""Which forms a synthesized request is checked in: every form in the default services, the TypedDict and the
unpacked call elsewhere, where the method takes `**kwargs: Unpack[XRequestTypeDef]` and so checks a keyword
call against that TypedDict itself."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest

from . import suite
from .stubfacts import _method, read_client

OUTPUT = Path(__file__).resolve().parents[2] / "output"


def _defs(source: str) -> list[ast.FunctionDef]:
    return [node for node in ast.parse(source).body if isinstance(node, ast.FunctionDef)]


@pytest.mark.parametrize(
    ("source", "unpacks_only"),
    [
        ("def get(self, **kwargs: Unpack[GetRequestTypeDef]) -> GetResponseTypeDef: ...", True),
        ("def get(self, *, Bucket: str, **kwargs: Unpack[GetRequestTypeDef]) -> None: ...", False),
        ("def get(self, key: str, **kwargs: Unpack[GetRequestTypeDef]) -> None: ...", False),
        ("def get(self, *args: Any, **kwargs: Unpack[GetRequestTypeDef]) -> None: ...", False),
        ("def get(self, **kwargs: Any) -> None: ...", False),
        # overloads: every one must take only the same TypedDict
        (
            "def get(self, **kwargs: Unpack[GetRequestTypeDef]) -> None: ...\n"
            "def get(self, **kwargs: Unpack[OtherRequestTypeDef]) -> None: ...",
            False,
        ),
    ],
    ids=["unpack", "keyword-only", "positional", "varargs", "any", "overloads"],
)
def test_unpacks_only_reads_the_whole_signature(source: str, unpacks_only: bool) -> None:
    assert _method(_defs(source)).unpacks_only is unpacks_only


def test_every_operation_of_the_committed_package_unpacks_its_request() -> None:
    stub = read_client(OUTPUT, "sagemaker-edge")
    operations = {name: method for name, method in stub.methods.items() if method.request}
    assert sorted(operations) == ["get_deployments", "get_device_registration", "send_heartbeat"]
    assert all(method.unpacks_only for method in operations.values())


def _forms(monkeypatch: pytest.MonkeyPatch, every_form: frozenset[str]) -> Counter[tuple[str, str]]:
    monkeypatch.setattr(suite, "_every_form_services", lambda: every_form)
    check = suite.ServiceChecks("sagemaker-edge", read_client(OUTPUT, "sagemaker-edge")).build()
    return Counter((line.category, line.form) for _, line in check.entries())


def test_the_keyword_form_is_left_out_beyond_the_default_services(monkeypatch: pytest.MonkeyPatch) -> None:
    every = _forms(monkeypatch, frozenset({"sagemaker-edge"}))
    fewer = _forms(monkeypatch, frozenset())
    assert every[("valid-request", "call")] > 0 and every[("invalid-request", "call")] > 0
    assert fewer[("valid-request", "call")] == fewer[("invalid-request", "call")] == 0
    # the TypedDict and unpacked forms stay, case for case
    for key in (("valid-request", "typeddict"), ("valid-request", "unpack"), ("invalid-request", "typeddict")):
        assert fewer[key] == every[key] > 0, key
    assert {key for key in every if key[1] == "call"} == {("valid-request", "call"), ("invalid-request", "call")}
