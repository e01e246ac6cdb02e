"""Wrong uses of the generated sqs client and its paginators: each marked line must be flagged by both
checkers with the code it names. Never executed.
"""

from types_boto3_sqs import SQSClient


def wrong_calls(client: SQSClient) -> None:
    # the paginator manages MaxResults and NextToken
    client.get_paginator("list_queues").paginate(MaxResults=10)  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    client.get_paginator("list_queues").paginate(NextToken="t")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    # the queue is required
    client.get_paginator("list_dead_letter_source_queues").paginate()  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    # sqs has no waiters: only BaseClient's untyped get_waiter, and no such name
    client.get_paginator("receive_message")  # type: ignore[call-overload]  # pyright: ignore[reportCallIssue, reportArgumentType]
    # a binary attribute is a blob, not a number
    client.send_message(QueueUrl="url", MessageBody="b", MessageAttributes={"k": {"DataType": "Binary", "BinaryValue": 1}})  # type: ignore[dict-item, misc]  # pyright: ignore[reportArgumentType]
    # the result's keys are known
    client.receive_message(QueueUrl="url")["Message"]  # type: ignore[typeddict-item]  # pyright: ignore[reportGeneralTypeIssues]
