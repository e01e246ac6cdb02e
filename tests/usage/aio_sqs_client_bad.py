"""Wrong uses of the generated types-aiobotocore sqs client: each marked line must be flagged by both
checkers with the code it names. Never executed.
"""

from types_aiobotocore_sqs import SQSClient


async def wrong_calls(client: SQSClient) -> None:
    # a call that is not awaited is a coroutine, not the result
    client.receive_message(QueueUrl="url")["Messages"]  # type: ignore[index]  # pyright: ignore[reportIndexIssue]
    # the paginator manages NextToken
    client.get_paginator("list_queues").paginate(NextToken="t")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    # the result's keys are known
    (await client.receive_message(QueueUrl="url"))["Message"]  # type: ignore[typeddict-item]  # pyright: ignore[reportGeneralTypeIssues]
    # a client is closed by awaiting close(); the coroutine alone does nothing
    closed: None = client.close()  # type: ignore[assignment]  # pyright: ignore[reportAssignmentType]
    print(closed)
