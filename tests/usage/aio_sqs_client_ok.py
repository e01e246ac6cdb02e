"""Correct uses of the generated types-aiobotocore sqs client and its paginators (sqs has no waiters).

mypy --strict and pyright strict must report nothing; every assert_type pins what a checker infers.
Never executed, only type-checked.
"""

from typing import assert_type

from aiobotocore.session import get_session

from types_aiobotocore_sqs import ListQueuesPaginator, SQSClient
from types_aiobotocore_sqs.type_defs import ListQueuesResultTypeDef, MessageTypeDef, SendMessageResultTypeDef


async def calls() -> None:
    async with get_session().create_client("sqs", region_name="us-east-1") as client:  # pyright: ignore[reportUnknownMemberType]
        assert_type(client, SQSClient)
        sent = await client.send_message(QueueUrl="url", MessageBody="body")
        assert_type(sent, SendMessageResultTypeDef)
        received = await client.receive_message(QueueUrl="url", MaxNumberOfMessages=10)
        for message in received["Messages"]:
            assert_type(message, MessageTypeDef)


async def paginators(client: SQSClient) -> None:
    paginator = client.get_paginator("list_queues")
    assert_type(paginator, ListQueuesPaginator)
    async for page in paginator.paginate(QueueNamePrefix="jobs-"):
        assert_type(page, ListQueuesResultTypeDef)
