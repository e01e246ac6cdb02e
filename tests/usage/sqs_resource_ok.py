"""Correct uses of the generated sqs service resource: mypy --strict and pyright strict must report nothing.

Never executed, only type-checked; assert_type pins what the checkers infer for queues and messages.
"""

from typing import assert_type

import boto3

from types_boto3_sqs import SQSServiceResource, ServiceResource
from types_boto3_sqs.client import SQSClient
from types_boto3_sqs.literals import MessageSystemAttributeNameType, QueueAttributeNameType
from types_boto3_sqs.service_resource import Message, Queue, ServiceResourceQueuesCollection
from types_boto3_sqs.type_defs import (
    EmptyResponseMetadataTypeDef,
    MessageAttributeValueOutputTypeDef,
    SendMessageBatchResultTypeDef,
    SendMessageRequestQueueSendMessageTypeDef,
    SendMessageResultTypeDef,
)


def inferred() -> None:
    sqs = boto3.resource("sqs")  # pyright: ignore[reportUnknownMemberType]
    assert_type(sqs, SQSServiceResource)
    assert_type(sqs.meta.client, SQSClient)
    generic: ServiceResource = sqs
    assert_type(generic, SQSServiceResource)


def queues(sqs: SQSServiceResource) -> None:
    queue = sqs.create_queue(QueueName="jobs", Attributes={"DelaySeconds": "5"})
    assert_type(queue, Queue)
    assert_type(sqs.get_queue_by_name(QueueName="jobs"), Queue)
    assert_type(sqs.Queue("https://sqs.example/jobs").url, str)
    assert_type(queue.attributes, dict[QueueAttributeNameType, str])
    assert_type(sqs.queues, ServiceResourceQueuesCollection)
    for each in sqs.queues.filter(QueueNamePrefix="j"):
        assert_type(each, Queue)
    for source in queue.dead_letter_source_queues.all():
        assert_type(source, Queue)


def messages(queue: Queue) -> None:
    sent = queue.send_message(MessageBody="hello", DelaySeconds=1)
    assert_type(sent, SendMessageResultTypeDef)
    request: SendMessageRequestQueueSendMessageTypeDef = {"MessageBody": "hi"}
    assert_type(queue.send_message(**request), SendMessageResultTypeDef)
    batch = queue.send_messages(Entries=[{"Id": "1", "MessageBody": "a"}])
    assert_type(batch, SendMessageBatchResultTypeDef)
    received = queue.receive_messages(MaxNumberOfMessages=10, WaitTimeSeconds=20)
    assert_type(received, list[Message])
    for message in received:
        assert_type(message.body, str)
        assert_type(message.receipt_handle, str)
        assert_type(message.attributes, dict[MessageSystemAttributeNameType, str])
        assert_type(message.message_attributes, dict[str, MessageAttributeValueOutputTypeDef])
        assert_type(message.Queue(), Queue)
        assert_type(message.change_visibility(VisibilityTimeout=30), EmptyResponseMetadataTypeDef)
        message.delete()
    assert_type(queue.Message("handle"), Message)
    queue.purge()
    queue.load()
