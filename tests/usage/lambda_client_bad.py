"""Wrong uses of the generated lambda client, paginators and waiters: each marked line must be flagged by
both checkers with the code it names. Never executed.
"""

from types_boto3_lambda import LambdaClient


def wrong_calls(client: LambdaClient) -> None:
    # a payload is bytes, str or a file, not a dict
    client.invoke(FunctionName="f", Payload={"a": 1})  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    # the invocation type is a Literal
    client.invoke(FunctionName="f", InvocationType="Sync")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    # the payload comes back unread: a StreamingBody, not bytes
    data: bytes = client.invoke(FunctionName="f")["Payload"]  # type: ignore[assignment]  # pyright: ignore[reportAssignmentType]
    print(data)
    # the paginator manages MaxItems and Marker
    client.get_paginator("list_functions").paginate(MaxItems=10)  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    client.get_paginator("list_functions").paginate(Marker="m")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    # the waiter needs the function's name
    client.get_waiter("function_exists").wait()  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    # no such waiter
    client.get_waiter("function_ready")  # type: ignore[call-overload]  # pyright: ignore[reportCallIssue, reportArgumentType]
