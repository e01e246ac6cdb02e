"""Wrong uses of the generated sqs service resource: every marked line must be flagged by both checkers.

Each line carries the mypy code and the pyright rule it must trip; warn_unused_ignores and
reportUnnecessaryTypeIgnoreComment turn a line no longer flagged into an error. Never executed.
"""

from types_boto3_sqs.service_resource import Message, Queue, SQSServiceResource


def wrong(sqs: SQSServiceResource, queue: Queue, message: Message) -> None:
    # QueueName is required
    sqs.create_queue(Attributes={})  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    # an attribute name outside the enum
    sqs.create_queue(QueueName="q", Attributes={"Color": "blue"})  # type: ignore[dict-item]  # pyright: ignore[reportArgumentType]
    # the queue fills QueueUrl itself
    queue.send_message(QueueUrl="other", MessageBody="x")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    # the body is a string
    queue.send_message(MessageBody=b"x")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    # receive_messages returns a list of Message resources
    queue.receive_messages()["Messages"]  # type: ignore[call-overload]  # pyright: ignore[reportCallIssue, reportArgumentType]
    # a message takes no identifiers once created
    message.delete(ReceiptHandle="h")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    # Message from a queue takes only the receipt handle
    queue.Message("url", "handle")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    # the collection's filter takes the operation's keys
    sqs.queues.filter(Prefix="j")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    # a message's body is a string
    message.body.decode()  # type: ignore[attr-defined]  # pyright: ignore[reportAttributeAccessIssue, reportUnknownMemberType]
