"""One conformance run: generate stubs, ask botocore, write check files, run both checkers, judge each line."""

from __future__ import annotations

import dataclasses
import functools
import random
import subprocess
import sys
import time
import traceback
from pathlib import Path
from typing import Any, Optional

import botocore.session

from generator.ir.family import BOTO3, Family

from . import dropin, oracle, runtime, synth
from .checkfile import CLEAN, FLAGGED, CheckFile, Line, keyword_call, source
from .outcome import Run, ServiceResult, check_name, judge
from .stubfacts import StubClient, StubMethod, read_client
from .typecheck import Errors, run_checkers

NAMED_SERVICES = ("sagemaker-edge", "s3", "dynamodb", "ec2", "lambda", "sqs", "stepfunctions")
# botocore's other aliases (logs, cloudsearchdomain), the other erratum (bedrock-runtime), and the rest of
# the eight services whose last pages issue 9 counts (iam, sns); added after sampling, so the sample stays
DROP_IN_SERVICES = ("logs", "cloudsearchdomain", "bedrock-runtime", "iam", "sns")
SAMPLE_SEED = 5
SAMPLE_SIZE = 20
RESPONSE_METADATA = {
    "RequestId": "a",
    "HTTPStatusCode": 200,
    "HTTPHeaders": {"a": "b"},
    "RetryAttempts": 0,
    "HostId": "a",
}
NO_SUCH_NAME = "NoSuchName"
SYNTHESIZED = ("valid-request", "invalid-request")
CHUNK_OPERATIONS = 2500  # per mypy/pyright invocation; the default run is one chunk


def all_services() -> list[str]:
    return sorted(botocore.session.get_session().get_available_services())


def default_services() -> list[str]:
    """The named services, the drop-in ones, and a fixed-seed sample of the others (the same 20 on every run)."""
    rest = [name for name in all_services() if name not in NAMED_SERVICES]
    sample = sorted(random.Random(SAMPLE_SEED).sample(rest, SAMPLE_SIZE))
    return [*NAMED_SERVICES, *(name for name in DROP_IN_SERVICES if name not in sample), *sample]


@functools.lru_cache(maxsize=None)
def _every_form_services() -> frozenset[str]:
    """The services whose synthesized requests are checked as keyword calls too, not only as TypedDicts.

    Every operation method is `(self, **kwargs: Unpack[XRequestTypeDef])`, so both checkers judge a keyword
    call by the TypedDict that the request's own line is checked against, and the valid ones are unpacked
    into the call (`client.method(**v1)`). The default services check every request in all three forms,
    which shows the forms agree; the other services leave the keyword form out, a third of what the checkers
    spend in the full run. Aliased calls, written as boto3 documents them, are keyword calls everywhere."""
    return frozenset(default_services())


def generate(services: list[str], output: Path) -> dict[str, str]:
    """Stubs for all `services` into `output` in one CLI call; per-service retries name the ones that fail."""
    script = Path(sys.executable).with_name("boto-typegen")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "generator"]
    batch = subprocess.run([*command, "generate", *services, "--output", str(output), "--no-docs"],
                           capture_output=True, text=True)  # fmt: skip
    if batch.returncode == 0:
        return {}
    failures = {}
    for service in services:
        single = subprocess.run([*command, "generate", service, "--output", str(output), "--no-docs"],
                                capture_output=True, text=True)  # fmt: skip
        if single.returncode != 0:
            failures[service] = (single.stderr.strip().splitlines() or ["(no output)"])[-1]
    return failures


class ServiceChecks:
    """Builds one service's check file from botocore's verdicts on synthesized requests and responses."""

    def __init__(self, service: str, stub: StubClient, family: Family = BOTO3) -> None:
        self.service = service
        self.stub = stub
        self.every_form = service in _every_form_services()
        self.client = oracle.make_client(service)
        self.model = self.client.meta.service_model
        self.result = ServiceResult(service, operations=len(self.model.operation_names))
        self.file = CheckFile(service, stub.module, stub.class_name, family)
        self.api_to_method = {api: method for method, api in self.client.meta.method_to_api_mapping.items()}
        self.dropin = dropin.DropInChecks(
            service, self.client, self.file, self.request_lines, self.result.botocore_rejected, self.result.skipped
        )
        self.result.expects = self.dropin.expected(self.model)

    def build(self) -> CheckFile:
        for name in sorted(self.model.operation_names):
            self.operation(self.model.operation_model(name))
        self.surface()
        return self.file

    # requests and responses ------------------------------------------------------------------
    def operation(self, operation: Any) -> None:
        method = self.api_to_method[operation.name]
        stub_method = self.stub.methods.get(method)
        if stub_method is None:
            return  # reported by the surface check
        self.file.function(method)
        # boto3 documents the names botocore's alias handlers take (ec2 Filters), so requests use those
        names = oracle.documented_names(self.client, operation)
        if synth.has_eventstream(operation.input_shape):
            self.result.skipped.append(f"{operation.name}: requests (event-stream input)")
        else:
            self.dropin.aliased_call(operation, method, stub_method, names)
            for request in map(lambda item: _documented(item, names), synth.valid_requests(operation)):
                verdict = oracle.request_verdict(self.client, operation, request.params)
                if verdict is not None:
                    self.result.botocore_rejected.append(f"{operation.name} {request.kind}: {verdict}")
                    continue
                self.request_lines(operation.name, method, stub_method, request, "valid-request", CLEAN, "")
            bases = {"minimal"}  # already a valid line above
            for request in map(lambda item: _documented(item, names), synth.invalid_requests(operation)):
                if request.base not in bases:
                    bases.add(request.base)
                    self.base_lines(operation, method, stub_method, request.base, names)
                verdict = oracle.request_verdict(self.client, operation, request.params)
                if verdict is None and not request.expect_flag:
                    # botocore takes it after all (a handler fills the member in): the stub must take it too
                    self.request_lines(operation.name, method, stub_method, request, "valid-request", CLEAN,
                                       "botocore accepts this mutation")  # fmt: skip
                    continue
                detail = (verdict or "botocore does not check enum values").strip().splitlines()[-1]
                self.request_lines(operation.name, method, stub_method, request, "invalid-request", FLAGGED, detail)
        if synth.has_eventstream(operation.output_shape):
            self.result.skipped.append(f"{operation.name}: response (event-stream output)")
        else:
            self.response_line(operation, method, stub_method)
        self.dropin.erratum_values(operation, method, stub_method, names, RESPONSE_METADATA)

    def base_lines(
        self, operation: Any, method: str, stub_method: StubMethod, base: str, names: dict[str, str]
    ) -> None:
        """The valid request a mutation started from, so a flag on the mutation can be told from a bad base."""
        request = _documented(synth.Request(base, synth.base_request(operation, base)), names)
        verdict = oracle.request_verdict(self.client, operation, request.params)
        if verdict is not None:
            self.result.botocore_rejected.append(f"{operation.name} {base}: {verdict}")
            return
        self.request_lines(operation.name, method, stub_method, request, "valid-request", CLEAN, "")

    def request_lines(
        self, operation: str, method: str, stub_method: StubMethod, request: synth.Request,
        category: str, expect: str, detail: str,
    ) -> None:  # fmt: skip
        case = f"{request.kind}({request.target})" if request.target else request.kind
        base = request.base if category == "invalid-request" else case
        if stub_method.request:
            name = self.file.variable()
            line = Line(self.service, operation, category, case, "typeddict", expect, detail, base)
            self.file.add(f"{name}: type_defs.{stub_method.request} = {source(request.params)}", line)
            if expect == CLEAN:
                # the result is bound to the response TypedDict: what the call gives (awaited) is the response
                result = f"{self.file.variable()}: type_defs.{stub_method.result} = " if _named(stub_method) else ""
                line = Line(self.service, operation, category, case, "unpack", expect, detail, base)
                self.file.add(result + self.file.call(method, f"**{name}"), line)
        arguments = keyword_call(request.params)
        # a method taking `**kwargs: Unpack[T]` checks keyword arguments against T itself, the TypedDict line's
        # check: beyond the default services, a synthesized request is checked in that form (_every_form_services)
        once = category in SYNTHESIZED and stub_method.unpacks_only and not self.every_form
        if arguments is not None and not once:
            line = Line(self.service, operation, category, case, "call", expect, detail, base)
            self.file.add(self.file.call(method, arguments), line)

    def response_line(self, operation: Any, method: str, stub_method: StubMethod) -> None:
        response = dict(synth.maximal_response(operation), ResponseMetadata=RESPONSE_METADATA)
        verdict = oracle.response_verdict(self.client, method, response)
        if verdict is not None:
            self.result.botocore_rejected.append(f"{operation.name} response: {verdict}")
            return
        if not _named(stub_method):
            self.result.skipped.append(f"{operation.name}: response (stub result is {stub_method.result})")
            return
        line = Line(self.service, operation.name, "response", "maximal", "typeddict", CLEAN)
        self.file.add(f"{self.file.variable()}: type_defs.{stub_method.result} = {source(response)}", line)
        self.dropin.last_page(operation, method, stub_method, response)

    # client surface ----------------------------------------------------------------------------
    def surface(self) -> None:
        real = oracle.public_methods(self.client)
        stubbed = set(self.stub.methods)
        paginators, waiters = oracle.paginator_names(self.client), oracle.waiter_names(self.client)
        # a service without paginators (waiters) may inherit botocore-stubs' generic get_paginator (get_waiter)
        expected = real - (set() if paginators else {"get_paginator"}) - (set() if waiters else {"get_waiter"})
        self.result.surface["methods"] = [f"on the client, not in the stub: {n}" for n in sorted(expected - stubbed)] + [
            f"in the stub, not on the client: {n}" for n in sorted(stubbed - oracle.public_names(self.client))
        ]
        self.result.surface["paginators"] = self._literal_gaps("get_paginator", paginators)
        self.result.surface["waiters"] = self._literal_gaps("get_waiter", waiters)
        real_exceptions = oracle.exception_names(self.client)
        self.result.surface["exceptions"] = [
            f"on client.exceptions, not in the stub: {n}" for n in sorted(real_exceptions - self.stub.exceptions)
        ] + [f"in the stub, not on client.exceptions: {n}" for n in sorted(self.stub.exceptions - real_exceptions)]
        self.file.function("surface")
        for name in sorted(real_exceptions):
            line = Line(self.service, "-", "surface", f"exception({name})", "attribute", CLEAN)
            self.file.add(f"{self.file.variable()}: type[ClientError] = client.exceptions.{name}", line)
        line = Line(self.service, "-", "surface", f"unknown-exception({NO_SUCH_NAME})", "attribute", FLAGGED)
        self.file.add(f"{self.file.variable()} = client.exceptions.{NO_SUCH_NAME}", line)
        for method, names in (("get_paginator", paginators), ("get_waiter", waiters)):
            for name in sorted(names):
                line = Line(self.service, "-", "surface", f"{method}({name})", "call", CLEAN)
                self.file.add(f'client.{method}("{name}")', line)
            if names:
                line = Line(self.service, "-", "surface", f"{method}(no_such_name)", "call", FLAGGED)
                self.file.add(f'client.{method}("no_such_name")', line)

    def _literal_gaps(self, method: str, real: set[str]) -> list[str]:
        stub_method = self.stub.methods.get(method)
        if not real:
            return []
        if stub_method is None:
            return [f"the client has {len(real)} names for {method}; the stub does not define {method}"]
        declared = set(stub_method.literals)
        return [f"{method}: on the client, not in the stub: {n}" for n in sorted(real - declared)] + [
            f"{method}: in the stub, not on the client: {n}" for n in sorted(declared - real)
        ]


def _named(stub_method: StubMethod) -> bool:
    """The stub's result is a name in type_defs (a TypedDict), not an expression such as `Dict[str, Any]`."""
    return stub_method.result.isidentifier() and stub_method.result != "None"


def _documented(request: synth.Request, names: dict[str, str]) -> synth.Request:
    """A synthesized request (model member names) under the names botocore's alias handlers take."""
    if not names:
        return request
    first, dot, rest = request.target.partition(".")
    target = names.get(first, first) + dot + rest
    return dataclasses.replace(request, params=dropin.renamed(request.params, names), target=target)


def operation_counts(services: list[str]) -> dict[str, int]:
    session = botocore.session.get_session()
    return {name: len(session.get_service_model(name).operation_names) for name in services}


def chunks(services: list[str], budget: int = CHUNK_OPERATIONS) -> list[list[str]]:
    """Services in groups of about `budget` operations, so each checker run stays within memory."""
    groups: list[list[str]] = [[]]
    size = 0
    for service, count in operation_counts(services).items():
        if groups[-1] and size + count > budget:
            groups.append([])
            size = 0
        groups[-1].append(service)
        size += count
    return [group for group in groups if group]


def run(
    services: list[str], workdir: Path, stubs_root: Optional[Path] = None, pythons: Optional[dict[str, Path]] = None
) -> Run:
    """Conformance of `services`, chunk by chunk; stubs are generated unless `stubs_root` already holds them.
    `pythons` (version -> interpreter of a clean virtualenv) run the packages' run-time modules."""
    total = Run({}, {"mypy": [], "pyright": []})
    for index, group in enumerate(chunks(services)):
        part = _run_chunk(group, workdir / f"chunk{index}", stubs_root, pythons or {})
        total.results.update(part.results)
        for checker, errors in part.stub_errors.items():
            total.stub_errors[checker].extend(errors)
        for stage, seconds in part.seconds.items():
            total.seconds[stage] = total.seconds.get(stage, 0.0) + seconds
    return total


def _run_chunk(services: list[str], workdir: Path, stubs_root: Optional[Path], pythons: dict[str, Path]) -> Run:
    part = Run({}, {})
    started = time.monotonic()
    check_dir = workdir / "checks"
    check_dir.mkdir(parents=True, exist_ok=True)
    if stubs_root is None:
        stubs_root = workdir / "stubs"
        failures = generate(services, stubs_root)
    else:
        failures = {}
    started = part.clock("generate", started)
    running = runtime.start(services, stubs_root, pythons, workdir / "runtime")
    started = part.clock("run-time modules", started)
    part.results, files = build_checks(services, stubs_root, failures)
    paths = write_checks(files, check_dir)
    stub_dirs = [stubs_root / f"types-boto3-{service}" for service in files]
    started = part.clock("botocore verdicts and check files", started)
    imported = runtime.finish(running)
    for service in files:
        part.results[service].runtime = imported.get(service, {})
    started = part.clock("run-time modules", started)
    checked = run_checkers(check_dir, paths, stub_dirs, workdir.parent / "mypy-cache") if paths else None
    mypy, pyright = checked or (Errors("mypy"), Errors("pyright"))
    part.clock("mypy and pyright", started)
    part.stub_errors = judge(files, part.results, mypy, pyright)
    return part


def build_checks(
    services: list[str], stubs_root: Path, failures: dict[str, str], family: Family = BOTO3
) -> tuple[dict[str, ServiceResult], dict[str, CheckFile]]:
    """Each service's botocore verdicts and check file, from the family's packages in `stubs_root`."""
    results: dict[str, ServiceResult] = {}
    files: dict[str, CheckFile] = {}
    for service in services:
        result = ServiceResult(service)
        if service in failures:
            result.setup_error = f"boto-typegen generate {service} failed: {failures[service]}"
            results[service] = result
            continue
        try:
            checks = ServiceChecks(service, read_client(stubs_root, service, family), family)
            files[service] = checks.build()
        except Exception as error:  # one service's crash must not hide the others' results
            result.setup_error = f"{type(error).__name__}: {error}\n{traceback.format_exc(limit=-3)}"
            results[service] = result
            continue
        results[service] = checks.result
    return results, files


def write_checks(files: dict[str, CheckFile], check_dir: Path) -> list[Path]:
    paths = []
    for service, check in files.items():
        path = check_dir / check_name(service)
        path.write_text(check.text())
        paths.append(path)
    return paths
