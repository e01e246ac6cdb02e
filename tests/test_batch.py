"""Many services in one run: worker processes, a failing service reported while the rest are written,
the exit code and summary of --all, and --jobs."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest
from conftest import PACKAGE_DIR, SERVICE, cli_command, run_cli, tree

import generator.batch as batch
from generator.batch import Job, run_services

OTHER = "sagemaker-metrics"
BROKEN = "zz-broken-service"
FEW = (SERVICE, OTHER, "sqs", "dynamodb", "kinesis")  # the real services of `installation`


def _add_broken(data: Path) -> Path:
    """`data` with one more service, whose model is not JSON."""
    folder = data / BROKEN / "2024-01-01"
    folder.mkdir(parents=True)
    (folder / "service-2.json").write_text('{"metadata": {"protocol": "json"')
    return data


@pytest.fixture
def models(tmp_path: Path) -> Path:
    """A --data-path that adds the broken service."""
    return _add_broken(tmp_path / "models")


@pytest.fixture
def installation(tmp_path: Path) -> Path:
    """The `data/` folder of a botocore installation that has a few real services and the broken one: such a
    folder stands alone, so `--all` over it means those services only."""
    import botocore

    real = Path(botocore.__file__).parent
    package = tmp_path / "install" / "botocore"
    data = package / "data"
    data.mkdir(parents=True)
    (package / "__init__.py").write_text(f"__version__ = {botocore.__version__!r}\n")
    for entry in real.joinpath("data").iterdir():
        if entry.is_file() or entry.name in FEW:
            (data / entry.name).symlink_to(entry)
    return _add_broken(data)


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


def test_a_generator_bug_fails_its_service_and_the_run_goes_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
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
            "generate",
            SERVICE,
            OTHER,
            "--jobs",
            jobs,
            "--output",
            f"out{jobs}",
            "--docs",
            f"docs{jobs}",
            cwd=tmp_path,
            env={**os.environ, "BOTO_TYPEGEN_CACHE": str(tmp_path / f"cache{jobs}")},
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


def test_all_goes_on_past_a_broken_service_and_exits_non_zero(tmp_path: Path, installation: Path) -> None:
    env = {**os.environ, "BOTO_TYPEGEN_CACHE": str(tmp_path / "cache")}
    args = ("generate", "--all", "--jobs", "2", "--data-path", str(installation), "--output", "out", "--no-docs")
    result = run_cli(*args, cwd=tmp_path, env=env, timeout=3600)
    assert result.returncode == 1, result.stderr
    names = run_cli("list", "--data-path", str(installation), cwd=tmp_path).stdout.split()
    assert sorted(names) == sorted([*FEW, BROKEN])
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


def _run_group(leader: int) -> list[int]:
    """The live (not zombie) processes of the process group `leader` started: the run and its workers."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue  # gone while we looked
        state, _, group = stat.rsplit(")", 1)[1].split()[:3]
        if int(group) == leader and state != "Z":
            found.append(int(entry))
    return found


def _leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.startswith("."))


@pytest.mark.parametrize(
    "name, to_group",
    [("SIGTERM", False), ("SIGINT", True)],
    ids=["kill the run", "Ctrl-C in its terminal"],
)
def test_a_stopped_all_run_stops_its_workers_and_leaves_packages_whole(
    name: str, to_group: bool, fresh_output: Path, tmp_path: Path
) -> None:
    """`kill` (the run only) or Ctrl-C (the run and its workers) while `--all` is busy in two workers."""
    signum = signal.Signals[name]
    output = tmp_path / "out"
    shutil.copytree(fresh_output, output)
    (output / PACKAGE_DIR.name / "earlier-marker").write_text("from an earlier run\n")
    earlier = tree(output / PACKAGE_DIR.name)
    process = subprocess.Popen(
        [*cli_command(), "generate", "--all", "--jobs", "2", "--output", str(output), "--no-docs"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, which the workers join: what survives is visible
    )
    try:
        # not a fixed sleep: under CI load start-up alone can take seconds; wait for both workers
        deadline = time.monotonic() + 120
        while len(_run_group(process.pid)) < 3 and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(_run_group(process.pid)) >= 3, "the workers never started"
        time.sleep(2)  # both are deep in a service (the largest go first and take several seconds)
        if to_group:
            os.killpg(process.pid, signum)
        else:
            os.kill(process.pid, signum)
        _, stderr = process.communicate(timeout=120)
        survivors = _run_group(process.pid)
    finally:
        if process.poll() is None or _run_group(process.pid):
            os.killpg(process.pid, signal.SIGKILL)  # leave no process behind, even when the test fails
            process.wait()
    what = "terminated" if signum == signal.SIGTERM else "interrupted"
    assert stderr.splitlines() == [f"boto-typegen: {what}; earlier output left as it was"], stderr
    assert process.returncode == 128 + signum
    assert survivors == [], "workers outlived the run"
    assert _leftovers(output) == []
    # every package is as it was or whole: the earlier one untouched or replaced, the new ones as a run makes them
    assert tree(output / PACKAGE_DIR.name) in (earlier, tree(fresh_output / PACKAGE_DIR.name))
    written = sorted(
        path.name.removeprefix("types-boto3-") for path in output.iterdir() if path.name != PACKAGE_DIR.name
    )
    assert len(written) < 100, "the run finished too much before the signal to prove anything"
    if written:
        result = run_cli(
            "generate", *written, "--jobs", "2", "--output", str(tmp_path / "again"), "--no-docs", cwd=tmp_path
        )
        assert result.returncode == 0, result.stderr
        for service in written:
            assert tree(output / f"types-boto3-{service}") == tree(tmp_path / "again" / f"types-boto3-{service}")


def test_a_later_run_sweeps_what_killed_runs_left(tmp_path: Path) -> None:
    """Staging folders of a dead process go (also names from before they carried a pid); a live one's stay."""
    output, docs = tmp_path / "out", tmp_path / "docs"
    dead = subprocess.Popen(["true"])
    dead.wait()  # a pid that no longer runs
    live = f".types-boto3-s3.{os.getpid()}.live1234.tmp"  # this test process is running
    folders = {
        output: [
            f".types-boto3-s3.{dead.pid}.k2j4h5g6.tmp",
            ".types-boto3-ec2.a8b7c6d5.tmp",
            f".types-boto3-sqs.{dead.pid}.old",
        ],
        docs: [f".types_boto3_s3.{dead.pid}.x1y2z3w4.tmp"],
    }
    for folder, names in folders.items():
        for name in [*names, live]:
            (folder / name / "types_boto3_s3").mkdir(parents=True)
            (folder / name / "types_boto3_s3" / "client.pyi").write_text("class Half")
        (folder / ".keep-me").write_text("not ours\n")
    (docs / f".index.md.{dead.pid}.q1w2e3r4.tmp").write_text("half an index\n")
    result = run_cli("generate", "--output", str(output), "--docs", str(docs), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    for folder in (output, docs):
        assert _leftovers(folder) == [".keep-me", live]
