"""The summary table and the failure texts: what a reviewer reads after a conformance run."""

from __future__ import annotations

from .outcome import CHECKERS, Outcome, Run, ServiceResult

CATEGORIES = (
    ("valid-request", "valid requests clean"),
    ("invalid-request", "invalid requests flagged"),
    ("response", "responses clean"),
    ("aliased-call", "aliased calls clean"),
    ("last-page", "last pages clean"),
    ("erratum", "errata right"),
)


def _ratio(outcomes: list[Outcome], checker: str) -> str:
    return f"{sum(o.ok(checker) for o in outcomes)}/{len(outcomes)}" if outcomes else "-"


def _surface_gaps(result: ServiceResult) -> int:
    flagged = [o for o in result.lines("surface") if not all(o.ok(c) for c in CHECKERS)]
    return sum(len(gaps) for gaps in result.surface.values()) + len(flagged)


def _runtime(result: ServiceResult) -> str:
    """Run-time module problems per Python version: `3.9 ok | 3.13 2`; `-` if they were not run."""
    ordered = sorted(result.runtime.items(), key=lambda item: [int(part) for part in item[0].split(".")])
    return " | ".join(f"{version} {len(found) or 'ok'}" for version, found in ordered) or "-"


def table(run: Run) -> str:
    """One row per service, figures per checker as `mypy | pyright`, and a totals row."""
    header = ["service", "ops"] + [f"{title} (mypy | pyright)" for _, title in CATEGORIES]
    header += ["surface gaps", "run time (problems)"]
    rows = []
    for service, result in sorted(run.results.items()):
        if result.setup_error:
            rows.append([service, "-", result.setup_error[:60], *([""] * (len(CATEGORIES) + 1))])
            continue
        cells = [service, str(result.operations)]
        for category, _ in CATEGORIES:
            lines = result.lines(category)
            cells.append(" | ".join(_ratio(lines, c) for c in CHECKERS))
        cells.append(str(_surface_gaps(result)))
        cells.append(_runtime(result))
        rows.append(cells)
    total = ["TOTAL", str(sum(r.operations for r in run.results.values()))]
    for category, _ in CATEGORIES:
        lines = [o for r in run.results.values() for o in r.lines(category)]
        total.append(" | ".join(_ratio(lines, c) for c in CHECKERS))
    total.append(str(sum(_surface_gaps(r) for r in run.results.values() if not r.setup_error)))
    total.append(str(sum(len(found) for r in run.results.values() for found in r.runtime.values())))
    rows.append(total)
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def render(row: list[str]) -> str:
        return "  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip()

    return "\n".join([render(header), render(["-" * w for w in widths]), *map(render, rows)])


def describe(outcome: Outcome, limit: int = 300) -> str:
    """One finding: where, which case, what each checker said, the line itself (shortened)."""
    line = outcome.line
    said = []
    for checker in CHECKERS:
        if outcome.ok(checker):
            continue
        if checker in outcome.inconclusive:
            said.append(f"{checker}: not shown, its unmutated request ({outcome.line.base}) already fails")
        elif outcome.errors(checker):
            said.append(f"{checker}: {outcome.errors(checker)[0]}")
        else:
            said.append(f"{checker}: no error")
    text = outcome.text if len(outcome.text) <= limit else outcome.text[:limit] + "..."
    why = f" (botocore: {line.detail})" if line.detail else ""
    return f"{line.operation} {line.case} [{line.form}, expected {line.expect}]{why}; {'; '.join(said)}\n    {outcome.file}:{outcome.number}: {text}"


def failures(outcomes: list[Outcome], limit: int = 40) -> str:
    bad = [o for o in outcomes if not all(o.ok(c) for c in CHECKERS)]
    shown = "\n".join(describe(o) for o in bad[:limit])
    more = f"\n... and {len(bad) - limit} more" if len(bad) > limit else ""
    return f"{len(bad)} of {len(outcomes)} lines wrong:\n{shown}{more}"


def findings(run: Run) -> str:
    """Every problem of the run as markdown, for the closing note and for routing to the owners."""
    parts = ["# Conformance findings", "", "```", table(run), "```"]
    for service, result in sorted(run.results.items()):
        section = []
        if result.setup_error:
            section.append(f"- setup: {result.setup_error}")
        section += [f"- botocore rejects a synthesized value: {r}" for r in result.botocore_rejected]
        for check, gaps in result.surface.items():
            section += [f"- surface/{check}: {gap}" for gap in gaps]
        bad = [o for o in result.outcomes if not all(o.ok(c) for c in CHECKERS)]
        section += ["- " + describe(o, limit=500).replace("\n", "\n  ") for o in bad]
        section += [f"- skipped: {s}" for s in result.skipped]
        if section:
            parts += ["", f"## {service}", "", *section]
    for checker, errors in run.stub_errors.items():
        if errors:
            parts += ["", f"## {checker}: errors outside the check lines", "", *(f"- {e}" for e in errors[:200])]
    return "\n".join(parts) + "\n"
