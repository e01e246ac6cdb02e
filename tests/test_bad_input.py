"""Bad input through the real command line: one line on stderr, a non-zero exit, no traceback, and no
partial output — an earlier output stays as it was, and no temporary folders are left behind."""

from __future__ import annotations

import gzip
import json
import os
import resource
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest
from conftest import CLI, PACKAGE_DIR, SERVICE, cli_command, run_cli, tree

from generator.parse.source import BotocoreData

VERSION = "2020-09-23"  # sagemaker-edge's only API version
SLOW = "ec2"  # the biggest model, so a run is still busy with it a while after the first package


def _one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("boto-typegen: error: ")
    return lines[0]


@pytest.fixture(scope="session")
def earlier_two(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One generation of the default service and ec2, made once and copied by the tests that need it."""
    output = tmp_path_factory.mktemp("earlier") / "out"
    result = run_cli("generate", SERVICE, SLOW, "--output", str(output), "--no-docs", cwd=output.parent)
    assert result.returncode == 0, result.stderr
    return output


@pytest.fixture
def earlier(fresh_output: Path, tmp_path: Path) -> Path:
    """An output folder holding an earlier generation of the default service."""
    output = tmp_path / "earlier"
    shutil.copytree(fresh_output, output)
    assert (output / PACKAGE_DIR.name / "LICENSE").is_file()
    return output


def _model_json() -> dict[str, object]:
    return BotocoreData().loader.load_service_model(SERVICE, "service-2")


def _data_path(tmp_path: Path, name: str, content: bytes) -> Path:
    folder = tmp_path / "models" / SERVICE / VERSION
    folder.mkdir(parents=True)
    (folder / name).write_bytes(content)
    return tmp_path / "models"


def test_unknown_service_names_the_closest(cli: CLI, tmp_path: Path) -> None:
    result = cli("generate", "sagemaker-edg", "--output", "out")
    line = _one_line_error(result)
    assert result.returncode == 2
    assert "'sagemaker-edg'" in line
    suggested = line.split("did you mean: ", 1)[1].rstrip("?").split(", ")
    assert suggested[0] == SERVICE
    known = set(BotocoreData().service_names())
    assert 1 <= len(suggested) <= 3 and set(suggested) <= known
    assert list(tmp_path.iterdir()) == []


def test_unknown_service_far_from_any_still_suggests_real_ones(cli: CLI, tmp_path: Path) -> None:
    result = cli("generate", "no-such-service")
    line = _one_line_error(result)
    assert result.returncode == 2
    suggested = line.split("did you mean: ", 1)[1].rstrip("?").split(", ")
    assert suggested and set(suggested) <= set(BotocoreData().service_names())
    assert list(tmp_path.iterdir()) == []  # neither output/ nor docs/ appeared


def test_unknown_service_among_good_ones_writes_nothing(cli: CLI, tmp_path: Path) -> None:
    # every name is checked before the first package is written
    result = cli("generate", SERVICE, "no-such-service", "--output", "out", "--no-docs")
    _one_line_error(result)
    assert not (tmp_path / "out").exists()


def _truncated_json() -> bytes:
    text = json.dumps(_model_json(), indent=1).encode()
    return text[: len(text) // 2]


def _truncated_gzip() -> bytes:
    packed = gzip.compress(json.dumps(_model_json()).encode())
    return packed[: len(packed) // 2]


def _missing_shape() -> bytes:
    model = _model_json()
    del model["shapes"]["GetDeploymentsRequest"]  # type: ignore[attr-defined]
    return json.dumps(model).encode()


def _members_not_an_object() -> bytes:
    model = _model_json()
    model["shapes"]["Checksum"]["members"] = ["Type", "Sum"]  # type: ignore[index]
    return json.dumps(model).encode()


def _unknown_shape_type() -> bytes:
    model = _model_json()
    model["shapes"]["Checksum"]["type"] = "tuple"  # type: ignore[index]
    return json.dumps(model).encode()


BROKEN_MODELS = {
    "truncated json": ("service-2.json", _truncated_json, "invalid JSON"),
    "truncated gzip": ("service-2.json.gz", _truncated_gzip, "cannot read model"),
    "not utf-8": ("service-2.json", lambda: b"\xff\xfe{}", "cannot read model"),
    "a list": ("service-2.json", lambda: b"[1, 2]", "not a JSON object"),
    "empty object": ("service-2.json", lambda: b"{}", "'metadata' is missing"),
    "undefined shape": ("service-2.json", _missing_shape, "undefined shape 'GetDeploymentsRequest'"),
    "members a list": ("service-2.json", _members_not_an_object, "'members' is not an object"),
    "unknown type": ("service-2.json", _unknown_shape_type, "unknown type 'tuple'"),
}


@pytest.mark.parametrize("case", sorted(BROKEN_MODELS))
def test_broken_model_is_one_line_naming_the_file(case: str, earlier: Path, tmp_path: Path) -> None:
    name, content, reason = BROKEN_MODELS[case]
    models = _data_path(tmp_path, name, content())
    before = tree(earlier)
    result = run_cli(
        "generate", "--data-path", str(models), "--output", str(earlier), "--no-docs", cwd=tmp_path
    )
    line = _one_line_error(result)
    assert str(models / SERVICE / VERSION / name) in line
    assert reason in line
    assert tree(earlier) == before
    assert sorted(path.name for path in earlier.iterdir()) == [PACKAGE_DIR.name]


@pytest.mark.parametrize(
    "content, reason",
    [(b'{"partitions": [', "cannot read"), (b'{"partitions": 5}', "not valid endpoint data")],
    ids=["truncated", "wrong structure"],
)
def test_broken_endpoint_data_names_its_file(content: bytes, reason: str, earlier: Path, tmp_path: Path) -> None:
    models = tmp_path / "models"
    models.mkdir()
    (models / "endpoints.json").write_bytes(content)
    before = tree(earlier)
    result = run_cli("generate", "--data-path", str(models), "--output", str(earlier), cwd=tmp_path)
    line = _one_line_error(result)
    assert f"{models / 'endpoints.json'}: {reason}" in line
    assert tree(earlier) == before


def test_missing_data_path_is_one_line(cli: CLI, tmp_path: Path) -> None:
    result = cli("generate", "--data-path", "no-such-folder", "--output", "out")
    line = _one_line_error(result)
    assert "no-such-folder" in line
    assert list(tmp_path.iterdir()) == []


def test_unreadable_model_is_one_line_naming_the_file(earlier: Path, tmp_path: Path) -> None:
    # root reads any file whatever its mode; reading /proc/self/mem at offset 0 fails with EIO instead
    folder = tmp_path / "models" / SERVICE / VERSION
    folder.mkdir(parents=True)
    (folder / "service-2.json").symlink_to("/proc/self/mem")
    before = tree(earlier)
    result = run_cli(
        "generate", "--data-path", str(tmp_path / "models"), "--output", str(earlier), cwd=tmp_path
    )
    line = _one_line_error(result)
    assert str(folder / "service-2.json") in line
    assert tree(earlier) == before


def test_broken_paginators_model_names_its_file(earlier: Path, tmp_path: Path) -> None:
    models = _data_path(tmp_path, "paginators-1.json", b'{"pagination": []}')
    before = tree(earlier)
    result = run_cli("generate", "--data-path", str(models), "--output", str(earlier), cwd=tmp_path)
    line = _one_line_error(result)
    assert str(models / SERVICE / VERSION / "paginators-1.json") in line
    assert tree(earlier) == before


def test_a_good_model_in_the_data_path_is_used(tmp_path: Path) -> None:
    # the other side of the tests above: --data-path really is read, and a valid copy generates
    model = _model_json()
    model["metadata"]["serviceFullName"] = "Edge Manager From Data Path"  # type: ignore[index]
    models = _data_path(tmp_path, "service-2.json", json.dumps(model).encode())
    result = run_cli(
        "generate", "--data-path", str(models), "--output", str(tmp_path / "out"), "--no-docs", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    client = tmp_path / "out" / PACKAGE_DIR.name / "types_boto3_sagemaker_edge" / "client.pyi"
    assert "Edge Manager From Data Path" in client.read_text()


@pytest.mark.parametrize("where", ["under a file", "is a file"])
def test_unwritable_output_is_one_line(where: str, cli: CLI, tmp_path: Path) -> None:
    # we run as root, so permissions would not stop a write; a regular file in the path does
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder\n")
    output = blocker / "out" if where == "under a file" else blocker
    result = cli("generate", "--output", str(output), "--no-docs")
    line = _one_line_error(result)
    assert str(output) in line
    assert blocker.read_text() == "not a folder\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["blocker"]


def test_unwritable_docs_folder_is_one_line(cli: CLI, tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder\n")
    result = cli("generate", "--output", "out", "--docs", str(blocker / "docs"))
    line = _one_line_error(result)
    assert str(blocker / "docs") in line
    assert blocker.read_text() == "not a folder\n"
    # found before any stub is written: the output folder was checked and is empty
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []


def _limit_file_size() -> None:
    # a write past 4 KiB fails with EFBIG (instead of a SIGXFSZ kill): a disk filling up mid-write
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))


def test_failure_midway_through_writing_keeps_earlier_output(earlier: Path, tmp_path: Path) -> None:
    (earlier / PACKAGE_DIR.name / "earlier-marker").write_text("from an earlier run\n")
    before = tree(earlier)
    result = subprocess.run(
        [*cli_command(), "generate", "--output", str(earlier), "--no-docs"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        preexec_fn=_limit_file_size,
        timeout=300,
    )
    line = _one_line_error(result)
    assert "File too large" in line
    assert tree(earlier) == before
    assert sorted(path.name for path in earlier.iterdir()) == [PACKAGE_DIR.name]


def _wait_for_line(process: subprocess.Popen[str], prefix: str) -> None:
    assert process.stdout is not None
    line = process.stdout.readline()
    assert line.startswith(prefix), line


@pytest.mark.parametrize("delay", [0.0, 0.5])
def test_interrupt_keeps_earlier_output(delay: float, earlier_two: Path, tmp_path: Path) -> None:
    """Ctrl-C while a second service is being generated: the first is complete, the second as it was."""
    output = tmp_path / "out"
    shutil.copytree(earlier_two, output)
    fresh = tree(output)
    for package in output.iterdir():
        (package / "earlier-marker").write_text("from an earlier run\n")
    earlier = tree(output)

    process = subprocess.Popen(
        [*cli_command(), "generate", SERVICE, SLOW, "--output", str(output), "--no-docs"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    _wait_for_line(process, f"{SERVICE}: ")  # past start-up, into the second package
    time.sleep(delay)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)

    def part(files: dict[str, bytes], package: str) -> dict[str, bytes]:
        return {path: data for path, data in files.items() if path.startswith(package + "/")}

    now, second = tree(output), f"types-boto3-{SLOW}"
    assert "Traceback" not in stderr
    assert sorted(path.name for path in output.iterdir()) == [second, PACKAGE_DIR.name]
    assert part(now, PACKAGE_DIR.name) == part(fresh, PACKAGE_DIR.name)
    slow_now = part(now, second)
    if delay == 0.0:
        # ec2 takes seconds to render, so a signal right after the first package lands mid-ec2
        assert process.returncode == 130, stderr
        assert slow_now == part(earlier, second)
    if process.returncode == 130:
        assert stderr.splitlines() == ["boto-typegen: interrupted; earlier output left as it was"]
        # the signal may land after the package was moved into place: whole old or whole new, never a mix
        assert slow_now in (part(earlier, second), part(fresh, second))
    elif process.returncode == -signal.SIGINT:
        # the signal landed as the interpreter was exiting, after Python gave SIGINT back to the system
        assert stderr == ""
        assert slow_now in (part(earlier, second), part(fresh, second))
    else:  # the second package was finished before the signal landed
        assert process.returncode == 0, stderr
        assert slow_now == part(fresh, second)


def test_data_path_does_not_reach_boto3_resource_models(tmp_path: Path) -> None:
    """As the README says: --data-path is botocore's search path; resources-1.json comes from boto3 alone."""
    import boto3

    boto3_models = Path(boto3.__file__).parent / "data" / "sqs"
    (version,) = [path.name for path in boto3_models.iterdir()]
    folder = tmp_path / "models" / "sqs" / version
    folder.mkdir(parents=True)
    model = BotocoreData().loader.load_service_model("sqs", "service-2")
    model["metadata"]["serviceFullName"] = "Queue Service From Data Path"
    (folder / "service-2.json").write_text(json.dumps(model))
    resources = json.loads((boto3_models / version / "resources-1.json").read_text())
    del resources["resources"]["Message"]
    (folder / "resources-1.json").write_text(json.dumps(resources))
    for name, extra in (("plain", ()), ("data-path", ("--data-path", str(tmp_path / "models")))):
        result = run_cli("generate", "sqs", *extra, "--output", name, "--no-docs", cwd=tmp_path)
        assert result.returncode == 0, result.stderr
    module = Path("types-boto3-sqs") / "types_boto3_sqs"
    # the service model came from --data-path, the resource model did not: Message is still there
    assert "Queue Service From Data Path" in (tmp_path / "data-path" / module / "client.pyi").read_text()
    resource = (tmp_path / "data-path" / module / "service_resource.pyi").read_text()
    assert "class Message(" in resource
    assert resource == (tmp_path / "plain" / module / "service_resource.pyi").read_text()
