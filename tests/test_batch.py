"""Many services in one run: worker processes, a failing service reported while the rest are written,
the exit code and summary of --all, and --jobs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import SERVICE, run_cli, tree

import generator.batch as batch
from generator.batch import Job, run_services

OTHER = "sagemaker-metrics"
BROKEN = "zz-broken-service"


@pytest.fixture
def models(tmp_path: Path) -> Path:
    """A --data-path that adds one more service, whose model is not JSON."""
    folder = tmp_path / "models" / BROKEN / "2024-01-01"
    folder.mkdir(parents=True)
    (folder / "service-2.json").write_text('{"metadata": {"protocol": "json"')
    return tmp_path / "models"


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BOTO_TYPEGEN_CACHE", str(tmp_path / "cache"))


def test_a_broken_service_fails_alone_in_worker_processes(tmp_path: Path, models: Path) -> None:
    job = Job(models, tmp_path / "out", None)
    run = run_services(job, [SERVICE, BROKEN, OTHER], jobs=2, keep_going=True)
    assert [outcome.service for outcome in run.outcomes] == sorted([SERVICE, BROKEN, OTHER])
    (failure,) = run.failures
    assert failure.service == BROKEN
    assert str(models / BROKEN / "2024-01-01" / "service-2.json") in failure.error
    assert "\n" not in failure.error
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == sorted(
        [f"types-boto3-{SERVICE}", f"types-boto3-{OTHER}"]
    )
    assert "3 services (2 generated, 0 up to date, 1 failed)" in run.summary()
    # the good ones are stamped, the broken one is tried again next time
    again = run_services(job, [SERVICE, BROKEN, OTHER], jobs=2, keep_going=True)
    assert {outcome.service: outcome.skipped for outcome in again.outcomes} == {
        SERVICE: True,
        OTHER: True,
        BROKEN: False,
    }
    assert [failure.service for failure in again.failures] == [BROKEN]


def test_a_generator_bug_fails_its_service_and_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = batch.generate_service

    def tripping(data, service, *args):  # type: ignore[no-untyped-def]
        if service == OTHER:
            raise KeyError("shapes")  # what an unexpected model shape would raise deep in the parser
        return real(data, service, *args)

    monkeypatch.setattr(batch, "generate_service", tripping)
    job = Job(None, tmp_path / "out", None)
    run = run_services(job, [OTHER, SERVICE], jobs=1, keep_going=True)
    (failure,) = run.failures
    assert failure.service == OTHER
    assert failure.error == "generator failed: KeyError: 'shapes'"
    assert (tmp_path / "out" / f"types-boto3-{SERVICE}").is_dir()
    # without keep_going (named services), the first failure stops the run as before
    with pytest.raises(KeyError):
        run_services(Job(None, tmp_path / "out2", None), [OTHER, SERVICE], jobs=1)


def test_jobs_do_not_change_the_bytes(tmp_path: Path) -> None:
    for jobs in ("1", "2"):
        result = run_cli(
            "generate", SERVICE, OTHER, "--jobs", jobs, "--output", f"out{jobs}", "--docs", f"docs{jobs}",
            cwd=tmp_path, env={**os.environ, "BOTO_TYPEGEN_CACHE": str(tmp_path / f"cache{jobs}")},
        )
        assert result.returncode == 0, result.stderr
        assert sorted(line.split(":")[0] for line in result.stdout.splitlines()) == sorted([SERVICE, OTHER])
    assert tree(tmp_path / "out1") == tree(tmp_path / "out2")
    assert tree(tmp_path / "docs1") == tree(tmp_path / "docs2")


@pytest.mark.parametrize(
    "args, message",
    [
        (("--jobs", "0"), "expected a number of processes"),
        (("--jobs", "many"), "expected a number of processes"),
        ((SERVICE, "--all"), "give SERVICE names or --all, not both"),
    ],
)
def test_bad_batch_options_are_usage_errors(args: tuple[str, ...], message: str, tmp_path: Path) -> None:
    result = run_cli("generate", *args, cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_all_goes_on_past_a_broken_service_and_exits_non_zero(tmp_path: Path, models: Path) -> None:
    env = {**os.environ, "BOTO_TYPEGEN_CACHE": str(tmp_path / "cache")}
    args = ("generate", "--all", "--jobs", "2", "--data-path", str(models), "--output", "out", "--no-docs")
    result = run_cli(*args, cwd=tmp_path, env=env, timeout=3600)
    assert result.returncode == 1, result.stderr
    names = run_cli("list", "--data-path", str(models), cwd=tmp_path).stdout.split()
    assert BROKEN in names
    summary = result.stdout.splitlines()[-1]
    assert summary.startswith(f"{len(names)} services ({len(names) - 1} generated, 0 up to date, 1 failed), ")
    errors = result.stderr.splitlines()
    assert errors[-1] == f"boto-typegen: error: 1 services failed: {BROKEN}"
    assert errors[-2].startswith(f"boto-typegen: {BROKEN}: ") and "service-2.json" in errors[-2]
    assert "Traceback" not in result.stderr
    packages = sorted(path.name for path in (tmp_path / "out").iterdir())
    assert packages == sorted(f"types-boto3-{name}" for name in names if name != BROKEN)
    # nothing changed: every good service is up to date, the broken one fails again
    again = run_cli(*args, cwd=tmp_path, env=env, timeout=3600)
    assert again.returncode == 1
    assert again.stdout.splitlines()[-1].startswith(
        f"{len(names)} services (0 generated, {len(names) - 1} up to date, 1 failed), "
    )
