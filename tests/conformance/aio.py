"""The conformance request and response checks for the types-aiobotocore family (issue 11).

That family's packages come from the models of the botocore aiobotocore pins (1.43.x), not from the test
environment's 1.44.8, so the synthesized values and botocore's verdicts on them must come from that botocore
too: this module runs as a script in the aiobotocore environment (`python -m conformance.aio STUBS CHECKS
SERVICE...`, from tests/), builds the check files there with the suite's own ServiceChecks (each call
awaited inside an `async def`, as CheckFile writes them for an asynchronous family) and records what each
line must do. `load` reads that back in the test process, which runs the checkers against the
environment's site-packages (aiobotocore's stubs) and judges the lines as the suite does."""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

import botocore

from generator.ir.family import AIOBOTOCORE

from .checkfile import CheckFile, Line
from .outcome import ServiceResult
from .suite import build_checks, write_checks

FAMILY = AIOBOTOCORE
RECORD = "lines.json"  # the botocore used; per service: its result so far, and its check file's text and lines


def record(results: dict[str, ServiceResult], files: dict[str, CheckFile]) -> dict[str, object]:
    found: dict[str, object] = {}
    for service, result in results.items():
        check = files.get(service)
        found[service] = {
            "result": dict(dataclasses.asdict(result), expects=sorted(result.expects)),
            "file": check
            and {
                "module": check.module,
                "client_class": check.client_class,
                "body": check.body,
                "lines": {number: dataclasses.asdict(line) for number, line in check.lines.items()},
                "shared": [(number, dataclasses.asdict(line)) for number, line in check.shared],
            },
        }
    return found


def load(checks: Path) -> tuple[str, dict[str, ServiceResult], dict[str, CheckFile]]:
    """What `main` recorded in `checks`: the botocore version that judged the values, the results (no
    outcomes yet) and the check files, by service."""
    results: dict[str, ServiceResult] = {}
    files: dict[str, CheckFile] = {}
    recorded = json.loads((checks / RECORD).read_text())
    for service, item in recorded["services"].items():
        result = item["result"]
        results[service] = ServiceResult(**dict(result, expects=set(result["expects"]), outcomes=[]))
        if item["file"]:
            written = item["file"]
            check = CheckFile(service, written["module"], written["client_class"], FAMILY)
            check.body = written["body"]
            check.lines = {int(number): Line(**line) for number, line in written["lines"].items()}
            check.shared = [(number, Line(**line)) for number, line in written["shared"]]
            files[service] = check
    return recorded["botocore"], results, files


def main(stubs: Path, checks: Path, services: list[str]) -> None:
    results, files = build_checks(services, stubs, {}, FAMILY)
    write_checks(files, checks)
    recorded = {"botocore": botocore.__version__, "services": record(results, files)}
    (checks / RECORD).write_text(json.dumps(recorded, indent=1))


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3:])
