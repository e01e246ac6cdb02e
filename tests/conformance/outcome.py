"""What a conformance run found: each judged line's outcome, per service and in all; the judging itself."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from .checkfile import CLEAN, CheckFile, Line
from .typecheck import Errors

CHECKERS = ("mypy", "pyright")


@dataclass
class Outcome:
    """A checked line: what it stands for and what each checker said about it."""

    line: Line
    file: str
    number: int
    text: str
    mypy: list[str]
    pyright: list[str]
    # checkers under which a valid form of this operation already fails, so a flag proves nothing
    inconclusive: set[str] = field(default_factory=set)

    def errors(self, checker: str) -> list[str]:
        return self.mypy if checker == "mypy" else self.pyright

    def ok(self, checker: str) -> bool:
        if self.line.expect == CLEAN:
            return not self.errors(checker)
        return bool(self.errors(checker)) and checker not in self.inconclusive


@dataclass
class ServiceResult:
    """Everything one service produced: botocore's complaints, surface gaps, and the judged lines."""

    service: str
    operations: int = 0
    setup_error: str = ""
    botocore_rejected: list[str] = field(default_factory=list)  # synthesized valid requests/responses
    skipped: list[str] = field(default_factory=list)
    surface: dict[str, list[str]] = field(default_factory=dict)  # check name -> mismatches
    outcomes: list[Outcome] = field(default_factory=list)
    runtime: dict[str, list[str]] = field(default_factory=dict)  # Python version -> run-time module problems
    expects: set[str] = field(default_factory=set)  # categories its model says it must have lines in

    def lines(self, category: str) -> list[Outcome]:
        return [o for o in self.outcomes if o.line.category == category]


@dataclass
class Run:
    results: dict[str, ServiceResult]
    stub_errors: dict[str, list[str]]  # checker -> errors reported outside the check files
    seconds: dict[str, float] = field(default_factory=dict)  # stage -> wall time, summed over chunks

    def clock(self, stage: str, since: float) -> float:
        now = time.monotonic()
        self.seconds[stage] = self.seconds.get(stage, 0.0) + now - since
        return now


def check_name(service: str) -> str:
    return f"check_{service.replace('-', '_')}.py"


def judge(
    files: dict[str, CheckFile], results: dict[str, ServiceResult], mypy: Errors, pyright: Errors
) -> dict[str, list[str]]:
    """Each registered line's outcome into its service's result; the errors on no registered line, by checker."""
    for service, check in files.items():
        name = check_name(service)
        for number, line in check.entries():
            results[service].outcomes.append(
                Outcome(line, name, number, check.body[number - 1].strip(),
                        mypy.by_line.get((name, number), []), pyright.by_line.get((name, number), []))
            )  # fmt: skip
        _mark_inconclusive(results[service].outcomes)
        registered = set(check.lines)
        for errors in (mypy, pyright):
            for (file, number), messages in errors.by_line.items():
                if file == name and number not in registered:
                    errors.elsewhere.extend(f"{name}:{number}: {m}" for m in messages)
    return {"mypy": mypy.elsewhere, "pyright": pyright.elsewhere}


def _mark_inconclusive(outcomes: list[Outcome]) -> None:
    """A mutated line only counts as flagged if the valid request it mutates is clean in the same form."""
    failing: dict[tuple[str, str, str], set[str]] = {}
    for outcome in outcomes:
        line = outcome.line
        if line.category == "valid-request":
            key = (line.operation, line.base, "typeddict" if line.form == "unpack" else line.form)
            failing.setdefault(key, set()).update(c for c in CHECKERS if outcome.errors(c))
    for outcome in outcomes:
        line = outcome.line
        if line.category == "invalid-request":
            outcome.inconclusive = failing.get((line.operation, line.base, line.form), set())
