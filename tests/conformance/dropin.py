"""Values for the drop-in checks: requests under their documented names, last pages, erratum values in place."""

from __future__ import annotations

import copy
import re
from collections import deque
from typing import Any, Callable, Iterator, Optional

from botocore.model import ListShape, MapShape, Shape, StructureShape

from generator.parse.errata import ERRATA

from . import oracle, synth
from .checkfile import CLEAN, FLAGGED, CheckFile, Line, source
from .stubfacts import StubMethod
from .synth import NOT_AN_ENUM_VALUE, Synthesizer

# a step of a shape path: a member name, or None for "the first item" of a list or map
Step = Optional[str]
_NAMES = re.compile(r"\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)(\[)?")


def renamed(params: dict[str, Any], names: dict[str, str]) -> dict[str, Any]:
    """The request as boto3 documents it: top-level model names replaced by their documented names."""
    return {names.get(key, key): value for key, value in params.items()}


def token_paths(expressions: list[str]) -> Iterator[tuple[str, ...]]:
    """The keys a last page lacks, one path per `||` alternative of the paginator's output tokens.

    `NextToken` -> (NextToken,); `EngineDefaults.Marker` -> (EngineDefaults, Marker); `Contents[-1].Key`
    -> (Contents,): a page with no key to page on has no list to read it from. A token read from a list
    inside a structure (`StreamDescription.Shards[-1].ShardId`) is data the last page still has.
    """
    for expression in expressions:
        for alternative in expression.split("||"):
            match = _NAMES.match(alternative)
            if match is None:
                continue
            names = tuple(match[1].split("."))
            if match[2] and len(names) > 1:
                continue
            yield names


def last_page(response: dict[str, Any], expressions: list[str]) -> tuple[dict[str, Any], list[str]]:
    """`response` with every output token left out, and the dotted keys that were there to leave out."""
    page = copy.deepcopy(response)
    removed = []
    for path in token_paths(expressions):
        node: Any = page
        for step in path[:-1]:
            node = node.get(step) if isinstance(node, dict) else None
        if isinstance(node, dict) and path[-1] in node:
            del node[path[-1]]
            removed.append(".".join(path))
    return page, removed


def whole_result(operation: Any) -> dict[str, Any]:
    """A result with every top-level key (a result's keys are required), each as small as botocore takes it."""
    response = synth.maximal_response(operation)
    small = Synthesizer(output=True)
    streamed = (
        operation.output_shape.serialization.get("payload") if operation.get_streaming_output() else None
    )
    for name in response:
        if name != streamed:
            response[name] = small.value(operation.output_shape.members[name], 1, full=False)
    return response


def path_to(root: StructureShape, target: str) -> Optional[list[Step]]:
    """The shortest member path from `root` to a member whose shape is named `target`."""
    queue: deque[tuple[Shape, list[Step]]] = deque([(root, [])])
    seen = {root.name}
    while queue:
        shape, path = queue.popleft()
        for step, child in _children(shape):
            if child.name == target:
                return [*path, step]
            if child.name not in seen and isinstance(child, (StructureShape, ListShape, MapShape)):
                seen.add(child.name)
                queue.append((child, [*path, step]))
    return None


def _children(shape: Shape) -> Iterator[tuple[Step, Shape]]:
    if isinstance(shape, StructureShape) and not shape.metadata.get("document"):
        for name, member in shape.members.items():
            if not member.serialization.get("eventstream"):
                yield name, member
    elif isinstance(shape, ListShape):
        yield None, shape.member
    elif isinstance(shape, MapShape):
        yield None, shape.value


def placed(
    root: StructureShape, value: dict[str, Any], path: list[Step], leaf: str, output: bool
) -> dict[str, Any]:
    """`value` with `leaf` at `path`; what the path passes through is made (required members only) where
    `value` lacks it, and a union holds only the member the path takes."""
    result = _place(root, copy.deepcopy(value), path, leaf, Synthesizer(output=output))
    assert isinstance(result, dict)
    return result


def _place(shape: Shape, node: Any, path: list[Step], leaf: str, synth: Synthesizer) -> Any:
    if not path:
        return leaf
    step, rest = path[0], path[1:]
    if isinstance(shape, StructureShape):
        assert step is not None
        current: dict[str, Any] = node if isinstance(node, dict) else {}
        if shape.is_tagged_union:
            current = {key: item for key, item in current.items() if key == step}
        member = shape.members[step]
        inner = current[step] if step in current else synth.value(member, 1, full=False)
        current[step] = _place(member, inner, rest, leaf, synth)
        return current
    if isinstance(shape, ListShape):
        items: list[Any] = (
            node if isinstance(node, list) and node else [synth.value(shape.member, 1, full=False)]
        )
        items[0] = _place(shape.member, items[0], rest, leaf, synth)
        return items
    if isinstance(shape, MapShape):
        entries: dict[str, Any] = node if isinstance(node, dict) and node else {synth.key(shape.key, 0): None}
        key = next(iter(entries))
        inner = entries[key] if entries[key] is not None else synth.value(shape.value, 1, full=False)
        entries[key] = _place(shape.value, inner, rest, leaf, synth)
        return entries
    raise ValueError(f"the path goes through the scalar shape {shape.name!r}")


class DropInChecks:
    """The lines a drop-in replacement must get right beyond the model: aliases, last pages, errata.

    `request_lines` writes a request in every form (ServiceChecks.request_lines); `rejected` and `skipped`
    are the service result's lists, so a value botocore refuses fails test_botocore_accepts_synthesized_values.
    """

    def __init__(
        self,
        service: str,
        client: Any,
        file: CheckFile,
        request_lines: Callable[..., None],
        rejected: list[str],
        skipped: list[str],
    ) -> None:
        self.service = service
        self.client = client
        self.file = file
        self.request_lines = request_lines
        self.rejected = rejected
        self.skipped = skipped
        self.tokens = oracle.output_tokens(service)
        self.errata = [item for item in ERRATA if item.service == service]
        # (operation, member) that botocore's alias events name: each must be translated by the client
        self.aliased = oracle.aliased_members(client.meta.service_model)

    def expected(self, model: Any) -> set[str]:
        """The categories this service must have lines in, from its model alone (so a silent check fails)."""
        found = set()
        if self.aliased:
            found.add("aliased-call")
        if any(name in model.operation_names for name in self.tokens):
            found.add("last-page")
        if self.errata:
            found.add("erratum")
        return found

    def aliased_call(
        self, operation: Any, method: str, stub_method: StubMethod, names: dict[str, str]
    ) -> None:
        """The minimal request plus every aliased member, under the names boto3 documents."""
        for name, original in sorted(self.aliased):
            if name == operation.name and original not in names:
                self.rejected.append(
                    f"{operation.name}: the client's handlers do not translate an alias of {original}"
                )
        if not names:
            return
        params = synth.minimal_request(operation)
        maximal = synth.maximal_request(operation)
        params.update({original: maximal[original] for original in names if original not in params})
        request = synth.Request("aliased", renamed(params, names))
        verdict = oracle.request_verdict(self.client, operation, request.params)
        if verdict is None and not oracle.validator_alone_rejects(operation, request.params):
            verdict = "ParamValidator takes these names without botocore's alias handlers: no alias to prove"
        if verdict is not None:
            self.rejected.append(f"{operation.name} aliased: {verdict}")
            return
        self.request_lines(operation.name, method, stub_method, request, "aliased-call", CLEAN, "")

    def last_page(
        self, operation: Any, method: str, stub_method: StubMethod, response: dict[str, Any]
    ) -> None:
        """The maximal response without its output tokens, as the last page of a paginator comes back."""
        if operation.name not in self.tokens:
            return
        page, removed = last_page(response, self.tokens[operation.name])
        if not removed:
            self.skipped.append(
                f"{operation.name}: last page (no output token {self.tokens[operation.name]})"
            )
            return
        required = set(operation.output_shape.required_members) if operation.output_shape else set()
        if required & {key.split(".")[0].split("[")[0] for key in removed}:
            # the model makes the token required (iotsitewise ListActions): its validator has no last page
            self.skipped.append(f"{operation.name}: last page (the model requires {', '.join(sorted(removed))})")
            return
        verdict = oracle.response_verdict(self.client, method, page)
        if verdict is not None:
            self.rejected.append(f"{operation.name} last page: {verdict}")
            return
        line = Line(
            self.service, operation.name, "last-page", f"without {', '.join(removed)}", "typeddict", CLEAN
        )
        self.file.add(f"{self.file.variable()}: type_defs.{stub_method.result} = {source(page)}", line)

    def erratum_values(
        self,
        operation: Any,
        method: str,
        stub_method: StubMethod,
        names: dict[str, str],
        metadata: dict[str, Any],
    ) -> None:
        """At each place an erratum's enum takes in a request or result: the model's value and each corrected
        value must type-check, and a value outside both must not (so the place is typed by the Literal)."""
        for item in self.errata:
            for output, root, typed in (
                (False, operation.input_shape, stub_method.request),
                (True, operation.output_shape, stub_method.result),
            ):
                usable = isinstance(root, StructureShape) and typed and not synth.has_eventstream(root)
                path = path_to(root, item.shape) if usable else None
                if path is None:
                    continue
                model_value = operation.service_model.shape_for(item.shape).enum[0]
                base = whole_result(operation) if output else synth.minimal_request(operation)
                for value, expect in (
                    (model_value, CLEAN),
                    *((added, CLEAN) for added in item.added),
                    (NOT_AN_ENUM_VALUE, FLAGGED),
                ):
                    case = f"{'result' if output else 'request'} {item.shape}={value}"
                    self._erratum_line(operation, method, typed, case, output, expect,
                                       placed(root, base, path, value, output), names, metadata)  # fmt: skip

    def _erratum_line(
        self, operation: Any, method: str, typed: str, case: str, output: bool, expect: str,
        value: dict[str, Any], names: dict[str, str], metadata: dict[str, Any],
    ) -> None:  # fmt: skip
        if output:
            value = dict(value, ResponseMetadata=metadata)
            verdict = oracle.response_verdict(self.client, method, value)
        else:
            value = renamed(value, names)
            verdict = oracle.request_verdict(self.client, operation, value)
        if verdict is not None:
            self.rejected.append(f"{operation.name} {case}: {verdict}")
            return
        detail = "" if expect == CLEAN else "a value outside the model's and the corrected enum"
        line = Line(self.service, operation.name, "erratum", case, "typeddict", expect, detail)
        self.file.add(f"{self.file.variable()}: type_defs.{typed} = {source(value)}", line)
