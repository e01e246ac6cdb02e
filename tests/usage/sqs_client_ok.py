"""Correct uses of the generated sqs client and its paginators (sqs has no waiters).

mypy --strict and pyright strict must report nothing; every assert_type pins what a checker infers.
Never executed, only type-checked.
"""

from typing import assert_type

from types_boto3_sqs import ListQueuesPaginator, SQSClient
from types_boto3_sqs.type_defs import ListQueuesResultTypeDef, MessageTypeDef, SendMessageResultTypeDef


def calls(client: SQSClient) -> None:
    sent = client.send_message(
        QueueUrl="url",
        MessageBody="body",
        MessageAttributes={"kind": {"DataType": "Binary", "BinaryValue": b"\x01"}},
    )
    assert_type(sent, SendMessageResultTypeDef)
    received = client.receive_message(QueueUrl="url", MaxNumberOfMessages=10, WaitTimeSeconds=20)
    for message in received["Messages"]:
        assert_type(message, MessageTypeDef)
        assert_type(message.get("Body"), str | None)
        for value in message.get("MessageAttributes", {}).values():
            assert_type(value.get("BinaryValue"), bytes | None)


def paginators(client: SQSClient) -> None:
    paginator = client.get_paginator("list_queues")
    assert_type(paginator, ListQueuesPaginator)
    for page in paginator.paginate(QueueNamePrefix="jobs-", PaginationConfig={"MaxItems": 50}):
        assert_type(page, ListQueuesResultTypeDef)
        assert_type(page["QueueUrls"], list[str])
    for sources in client.get_paginator("list_dead_letter_source_queues").paginate(QueueUrl="url"):
        assert_type(sources["queueUrls"], list[str])
