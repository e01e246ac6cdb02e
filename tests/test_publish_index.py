"""The publishing flow end to end: `boto-typegen build`, `twine upload` to a real package index (pypiserver
on 127.0.0.1, started and stopped here), `pip install types-boto3-<service>==<version>` by name from that
index alone into a fresh virtualenv, and both type checkers on usage files against what pip installed.
The sdists on the index are built by pip into the wheels we wrote. Needs PyPI for the pinned dependencies."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import tomllib
import urllib.error
import urllib.request
import venv
from pathlib import Path
from typing import Iterator

import pytest
from conftest import BOTOCORE_PIN, REPO, USAGE, TypeCheckers, report, tree
from test_build import SERVICES, Build, build, metadata, module, wheel_files

# what the packages on the index need, pinned by the test extra (so this test resolves the same way for years)
DEPENDENCIES = ("botocore-stubs", "types-boto3", "types-s3transfer", "typing-extensions")
USAGE_FILES = {
    SERVICES[0]: ("sagemaker_edge_ok.py", "sagemaker_edge_bad.py"),
    "s3": ("s3_client_ok.py", "s3_client_bad.py"),
}


def pinned() -> dict[str, str]:
    extra = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["optional-dependencies"]["test"]
    pins = dict(requirement.split("==", 1) for requirement in extra if "==" in requirement)
    missing = [name for name in DEPENDENCIES if name not in pins]
    assert not missing, f"pin {missing} with == in pyproject's test extra"
    return {name: pins[name] for name in DEPENDENCIES}


def _pip_alone(*args: str) -> list[str]:
    """pip told to use nothing but its arguments: no config file, no PIP_* variables, no other index."""
    return [*args, "--isolated", "--disable-pip-version-check", "--no-cache-dir"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A pypiserver on a free port of 127.0.0.1 holding the pinned dependencies; (its URL, its folder)."""
    packages = tmp_path_factory.mktemp("index")
    fetched = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--disable-pip-version-check",
            "--no-deps",
            "--only-binary",
            ":all:",
        ]
        + ["--dest", str(packages), *(f"{name}=={version}" for name, version in pinned().items())],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert fetched.returncode == 0, fetched.stdout[-3000:] + fetched.stderr[-3000:]
    port = _free_port()
    log = (packages.parent / "pypiserver.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "pypiserver", "run", "-i", "127.0.0.1", "-p", str(port)]
        + ["-a", ".", "-P", ".", str(packages)],  # no authentication: a throwaway index
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None, (packages.parent / "pypiserver.log").read_text()
            try:
                with urllib.request.urlopen(f"{url}/simple/", timeout=5):
                    break
            except (urllib.error.URLError, ConnectionError):
                assert time.monotonic() < deadline, "pypiserver did not answer within 60 s"
                time.sleep(0.2)
        yield url, packages
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


@pytest.fixture(scope="module")
def published(index: tuple[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Build:
    """Our packages built and uploaded with twine."""
    url, packages = index
    made, result = build(tmp_path_factory.mktemp("publish"), *SERVICES)
    assert result.returncode == 0, result.stderr
    files = sorted(str(path) for path in made.dist.iterdir())
    env = {key: value for key, value in os.environ.items() if not key.startswith("TWINE_")}
    upload = subprocess.run(
        [sys.executable, "-m", "twine", "upload", "--non-interactive", "--repository-url", f"{url}/"]
        + ["-u", "publisher", "-p", "unused", *files],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert upload.returncode == 0, upload.stdout[-3000:] + upload.stderr[-3000:]
    for path in files:  # on the index now, byte for byte
        assert (packages / Path(path).name).read_bytes() == Path(path).read_bytes()
    return made


@pytest.fixture(scope="module")
def installed(
    index: tuple[str, Path], published: Build, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, Path]:
    """A fresh virtualenv with our packages pip-installed by name from the index; (its python, site-packages)."""
    url, _ = index
    env = tmp_path_factory.mktemp("venv") / "env"
    venv.EnvBuilder(with_pip=True).create(env)
    python = str(env / "bin" / "python")
    wanted = [f"types-boto3-{service}=={BOTOCORE_PIN}" for service in SERVICES]
    install = subprocess.run(
        _pip_alone(
            python, "-m", "pip", "install", "--index-url", f"{url}/simple/", "--only-binary", ":all:", *wanted
        ),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert install.returncode == 0, install.stdout[-3000:] + install.stderr[-3000:]
    (site,) = (env / "lib").glob("python3.*/site-packages")  # a virtualenv has the one
    return python, site


def test_pip_installed_the_dependencies_pinned(installed: tuple[str, Path]) -> None:
    python, _ = installed
    frozen = subprocess.run(
        [python, "-m", "pip", "list", "--format", "freeze", "--disable-pip-version-check"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found = {line.split("==")[0].lower().replace("_", "-"): line.split("==")[1] for line in frozen.split()}
    for name, version in pinned().items():
        assert found.get(name) == version, frozen
    for service in SERVICES:
        assert found.get(f"types-boto3-{service}") == BOTOCORE_PIN, frozen


@pytest.mark.parametrize("service", SERVICES)
def test_installed_package_is_the_generated_folder_file_by_file(
    installed: tuple[str, Path], published: Build, service: str
) -> None:
    _, site = installed
    generated = tree(published.folder(service) / module(service))
    assert "py.typed" in generated
    # whatever run-time .py and stub .pyi files the folder holds, each is installed as it was generated
    assert tree(site / module(service)) == generated


@pytest.mark.parametrize("service", SERVICES)
def test_usage_type_checks_against_what_pip_installed(
    installed: tuple[str, Path], checkers: TypeCheckers, service: str, tmp_path: Path
) -> None:
    python, _ = installed
    copies = []
    for name in USAGE_FILES[service]:  # outside the repository, so nothing of the checkout is on the path
        shutil.copy(USAGE / name, tmp_path / name)
        copies.append(str(tmp_path / name))
    # this environment's pinned mypy, looking at the virtualenv's packages only (it has no mypy of its own)
    env = {key: value for key, value in os.environ.items() if key != "MYPYPATH"}
    mypy = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--config-file",
            str(USAGE / "mypy.ini"),
            "--python-executable",
            python,
        ]
        + ["--cache-dir", str(tmp_path / "mypy-cache"), "--no-pretty", *copies],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert mypy.returncode == 0, mypy.stdout + mypy.stderr
    assert mypy.stdout.startswith(f"Success: no issues found in {len(copies)} source files"), mypy.stdout
    found = checkers.pyright(copies, python=python)
    assert not found, report(found)


@pytest.mark.parametrize("service", SERVICES)
def test_sdist_on_the_index_builds_into_the_same_wheel(
    index: tuple[str, Path], published: Build, service: str, tmp_path: Path
) -> None:
    url, _ = index
    # the pinned hatchling of this environment builds it (no build isolation: nothing unpinned is fetched)
    result = subprocess.run(
        _pip_alone(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation")
        + ["--no-binary", ":all:", "--index-url", f"{url}/simple/", "--wheel-dir", str(tmp_path)]
        + [f"types-boto3-{service}=={BOTOCORE_PIN}"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert f"Building wheel for types-boto3-{service}" in result.stdout, result.stdout  # from the sdist
    ours = wheel_files(published.wheel(service))
    theirs = wheel_files(tmp_path / published.wheel(service).name)
    info = f"{module(service)}-{BOTOCORE_PIN}.dist-info"
    assert sorted(theirs) == sorted(ours)
    for name in ours:
        if name not in (f"{info}/METADATA", f"{info}/WHEEL", f"{info}/RECORD"):
            assert theirs[name] == ours[name], name
    # the same metadata, field for field; only the metadata version of the backend's choosing may differ
    mine, built = metadata(ours[f"{info}/METADATA"]), metadata(theirs[f"{info}/METADATA"])
    del mine["Metadata-Version"], built["Metadata-Version"]
    assert mine.items() == built.items()
    assert mine.get_payload() == built.get_payload()

    def lines(name: str, files: dict[str, bytes]) -> list[str]:
        return files[f"{info}/{name}"].decode().splitlines()

    def same(line: str) -> bool:  # not the backend's name, nor RECORD's rows for the two files that name it
        return not line.startswith(("Generator: ", f"{info}/METADATA,", f"{info}/WHEEL,"))

    for name in ("WHEEL", "RECORD"):
        assert sorted(filter(same, lines(name, theirs))) == sorted(filter(same, lines(name, ours))), name
