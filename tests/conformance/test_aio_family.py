"""The conformance request and response checks for the types-aiobotocore family (issue 11): s3, dynamodb,
sqs and a fixed-seed sample, generated, synthesized and judged by botocore in the aiobotocore environment
(the botocore that made the packages; see aio.py), each call awaited inside an `async def`; one mypy and one
pyright run over all check files against that environment's packages (aiobotocore's stubs)."""

from __future__ import annotations

import random
import subprocess
from pathlib import Path

import pytest
from families import AIO_BOTOCORE_RANGE, AioEnv

from . import aio, report
from .checkfile import CLEAN, FLAGGED
from .outcome import CHECKERS, Run, check_name, judge
from .typecheck import run_checkers

SERVICES = ("s3", "dynamodb", "sqs")
SAMPLE_SEED, SAMPLE_SIZE = 3, 10
TESTS = Path(__file__).resolve().parent.parent
# request and response lines; the client surface has its own test against real aiobotocore clients
EXPECTED = {"valid-request": CLEAN, "invalid-request": FLAGGED, "response": CLEAN}
CATEGORIES = (*EXPECTED, "aliased-call", "last-page", "erratum")

pytestmark = pytest.mark.slow


def sample(services: list[str]) -> list[str]:
    rest = sorted(name for name in services if name not in SERVICES)
    return sorted(random.Random(SAMPLE_SEED).sample(rest, SAMPLE_SIZE))


@pytest.fixture(scope="module")
def aio_run(aiobotocore_env: AioEnv, tmp_path_factory: pytest.TempPathFactory) -> Run:
    root = tmp_path_factory.mktemp("aio-conformance")
    listing = aiobotocore_env.cli("list", cwd=root)
    assert listing.returncode == 0, listing.stderr
    services = [*SERVICES, *sample(listing.stdout.split())]
    stubs = root / "stubs"
    generated = aiobotocore_env.cli(
        "generate", *services, "--flavor", aio.FAMILY.prefix, "--no-docs", "--output", str(stubs), cwd=root
    )
    assert generated.returncode == 0, generated.stderr[-3000:]
    checks = root / "checks"
    checks.mkdir()
    built = subprocess.run(
        [aiobotocore_env.python, "-B", "-m", "conformance.aio", str(stubs), str(checks), *services],
        cwd=TESTS,
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stderr[-3000:]
    botocore_version, results, files = aio.load(checks)
    # the values were synthesized and judged by the botocore whose models the packages were made from
    assert botocore_version == aiobotocore_env.versions["botocore"] and botocore_version in AIO_BOTOCORE_RANGE
    assert sorted(results) == sorted(services)
    paths = [checks / check_name(service) for service in files]
    stub_dirs = [stubs / aio.FAMILY.distribution(service) for service in files]
    mypy, pyright = run_checkers(checks, paths, stub_dirs, root / "mypy-cache", python=aiobotocore_env.python)
    return Run(results, judge(files, results, mypy, pyright))


def test_every_service_built_and_botocore_accepts_the_synthesized_values(aio_run: Run) -> None:
    errors = {service: result.setup_error for service, result in aio_run.results.items() if result.setup_error}
    assert not errors, errors
    rejected = [f"{s}: {r}" for s, result in aio_run.results.items() for r in result.botocore_rejected]
    assert not rejected, "\n".join(rejected[:40])


def test_every_operation_call_is_awaited_inside_an_async_def(aio_run: Run) -> None:
    """Guards the writer: a call line that is not awaited would pass for a sync family's."""
    calls = [o for r in aio_run.results.values() for o in r.outcomes if o.line.form in ("call", "unpack")]
    operations = [o for o in calls if o.line.category != "surface"]
    assert operations, "no call lines"
    assert all(" await client." in f" {o.text}" for o in operations), [o.text for o in operations][:5]


@pytest.mark.parametrize("category", CATEGORIES)
def test_lines_hold_under_both_checkers(aio_run: Run, category: str) -> None:
    """Valid requests (keyword calls, TypedDicts, and `**request` calls whose awaited result is bound to the
    response TypedDict) are clean; invalid ones are flagged; maximal responses and last pages are clean."""
    outcomes = [o for result in aio_run.results.values() for o in result.lines(category)]
    expected = {service for service, result in aio_run.results.items() if category in result.expects}
    if category in EXPECTED:
        assert outcomes, f"no {category} lines"
        assert all(o.line.expect == EXPECTED[category] for o in outcomes)
    elif not expected:
        pytest.skip(f"no sampled service's model calls for {category} lines")
    assert {o.line.service for o in outcomes} >= expected, expected
    assert all(all(o.ok(c) for c in CHECKERS) for o in outcomes), report.failures(outcomes)


def test_no_errors_outside_the_judged_lines(aio_run: Run) -> None:
    errors = [f"{checker}: {e}" for checker, found in aio_run.stub_errors.items() for e in found]
    assert not errors, "\n".join(errors[:40])
