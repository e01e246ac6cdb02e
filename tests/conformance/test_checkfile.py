"""The check-file writer: a statement two cases make is written once and checked for both."""

from __future__ import annotations

from .checkfile import CLEAN, FLAGGED, CheckFile, Line


def _line(case: str, form: str, expect: str = CLEAN) -> Line:
    return Line("sqs", "ListQueues", "valid-request", case, form, expect)


def test_a_repeated_request_is_written_once_and_registered_for_each_case() -> None:
    check = CheckFile("sqs", "types_boto3_sqs", "SQSClient")
    check.function("list_queues")
    first, again = check.variable(), check.variable()
    check.add(f"{first}: type_defs.ListQueuesRequestTypeDef = {{'MaxResults': 1}}", _line("minimal", "typeddict"))
    check.add(f"client.list_queues(**{first})", _line("minimal", "unpack"))
    check.add(f"{again}: type_defs.ListQueuesRequestTypeDef = {{'MaxResults': 1}}", _line("maximal", "typeddict"))
    check.add(f"client.list_queues(**{again})", _line("maximal", "unpack"))
    check.add("client.list_queues(MaxResults='a')", _line("wrong-type", "call", FLAGGED))
    body = check.text().splitlines()
    assert [line.strip() for line in body[-3:]] == [
        "v1: type_defs.ListQueuesRequestTypeDef = {'MaxResults': 1}",
        "client.list_queues(**v1)",
        "client.list_queues(MaxResults='a')",
    ]
    entries = check.entries()
    assert [(number - len(body), line.case, line.form) for number, line in entries] == [
        (-2, "minimal", "typeddict"),
        (-1, "minimal", "unpack"),
        (0, "wrong-type", "call"),
        (-2, "maximal", "typeddict"),
        (-1, "maximal", "unpack"),
    ]


def test_the_same_statement_in_another_function_is_written_again() -> None:
    check = CheckFile("sqs", "types_boto3_sqs", "SQSClient")
    for method in ("list_queues", "list_queues_again"):
        check.function(method)
        check.add("client.list_queues()", _line(method, "call"))
    assert check.text().count("client.list_queues()") == 2
    assert len(check.lines) == 2 and check.shared == []
