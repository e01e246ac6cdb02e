"""`boto-typegen build`: a wheel and an sdist per package, made of exactly the generated folder's files,
accepted by `twine check --strict`, byte-identical from build to build, and written whole or not at all."""

from __future__ import annotations

import base64
import email.message
import email.parser
import hashlib
import subprocess
import sys
import tarfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import BOTOCORE_PIN, SERVICE, run_cli, tree

SERVICES = (SERVICE, "s3")


@dataclass(frozen=True)
class Build:
    dist: Path
    output: Path

    def folder(self, service: str) -> Path:
        return self.output / f"types-boto3-{service}"

    def wheel(self, service: str, version: str = BOTOCORE_PIN) -> Path:
        return self.dist / f"{module(service)}-{version}-py3-none-any.whl"

    def sdist(self, service: str, version: str = BOTOCORE_PIN) -> Path:
        return self.dist / f"{module(service)}-{version}.tar.gz"


def module(service: str) -> str:
    return "types_boto3_" + service.replace("-", "_")


def build(root: Path, *args: str) -> tuple[Build, subprocess.CompletedProcess[str]]:
    made = Build(root / "dist", root / "output")
    result = run_cli("build", *args, "--dist", str(made.dist), "--output", str(made.output), cwd=root)
    return made, result


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Build:
    made, result = build(tmp_path_factory.mktemp("build"), *SERVICES)
    assert result.returncode == 0, result.stderr
    return made


def wheel_files(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def sdist_files(path: Path) -> dict[str, bytes]:
    with tarfile.open(path) as archive:
        return {
            member.name: archive.extractfile(member).read()  # type: ignore[union-attr]
            for member in archive.getmembers()
            if member.isfile()
        }


def metadata(text: bytes) -> email.message.Message:
    return email.parser.BytesParser().parsebytes(text)


def test_every_file_passes_twine_check(built: Build) -> None:
    files = sorted(str(path) for path in built.dist.iterdir())
    assert [Path(name).name for name in files] == sorted(
        name for service in SERVICES for name in (built.wheel(service).name, built.sdist(service).name)
    )
    result = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", *files], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("PASSED") == len(files), result.stdout


@pytest.mark.parametrize("service", SERVICES)
def test_wheel_holds_the_folder_file_by_file(built: Build, service: str) -> None:
    folder = tree(built.folder(service))
    packed = wheel_files(built.wheel(service))
    info = f"{module(service)}-{BOTOCORE_PIN}.dist-info"
    package = {name: data for name, data in folder.items() if name.startswith(f"{module(service)}/")}
    assert "py.typed" in {Path(name).name for name in package}
    assert {name: data for name, data in packed.items() if not name.startswith(info)} == package
    assert sorted(name for name in packed if name.startswith(info)) == [
        f"{info}/{name}" for name in ("METADATA", "RECORD", "WHEEL", "licenses/LICENSE")
    ]
    assert packed[f"{info}/licenses/LICENSE"] == folder["LICENSE"]
    # RECORD: every other file with its sha256 and size, itself last without either
    rows = [line.split(",") for line in packed[f"{info}/RECORD"].decode().splitlines()]
    assert rows[-1] == [f"{info}/RECORD", "", ""]
    assert sorted(row[0] for row in rows[:-1]) == sorted(name for name in packed if name != f"{info}/RECORD")
    for name, digest, size in rows[:-1]:
        data = packed[name]
        expected = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        assert (digest, size) == (f"sha256={expected}", str(len(data))), name
    assert b"Root-Is-Purelib: true\n" in packed[f"{info}/WHEEL"]
    assert b"Tag: py3-none-any\n" in packed[f"{info}/WHEEL"]


def test_metadata_is_what_an_index_shows(built: Build) -> None:
    found = metadata(wheel_files(built.wheel("s3"))[f"types_boto3_s3-{BOTOCORE_PIN}.dist-info/METADATA"])
    assert found["Metadata-Version"] == "2.4"
    assert found["Name"] == "types-boto3-s3"
    assert found["Version"] == BOTOCORE_PIN
    assert found["License-Expression"] == "MIT"
    assert found.get_all("License-File") == ["LICENSE"]
    assert found["Requires-Python"] == ">=3.9"
    assert "Typing :: Stubs Only" in found.get_all("Classifier")
    assert found.get_all("Requires-Dist") == [
        "botocore-stubs",
        "types-boto3",
        "typing-extensions; python_version < '3.12'",
    ]
    assert found["Description-Content-Type"] == "text/markdown"
    assert found.get_payload() == (built.folder("s3") / "README.md").read_text()


@pytest.mark.parametrize("service", SERVICES)
def test_sdist_holds_the_folder_and_its_metadata(built: Build, service: str) -> None:
    top = f"{module(service)}-{BOTOCORE_PIN}"
    packed = sdist_files(built.sdist(service))
    assert {f"{top}/{name}": data for name, data in tree(built.folder(service)).items()} == {
        name: data for name, data in packed.items() if name != f"{top}/PKG-INFO"
    }
    wheel_metadata = wheel_files(built.wheel(service))[f"{top}.dist-info/METADATA"]
    assert packed[f"{top}/PKG-INFO"] == wheel_metadata
    with tarfile.open(built.sdist(service)) as archive:
        assert {(member.mode, member.uid, member.gid) for member in archive.getmembers()} == {(0o644, 0, 0)}


def test_two_builds_are_byte_identical(built: Build, tmp_path: Path) -> None:
    # regenerated from scratch (fresh files, new mtimes) into other folders, later: the same bytes
    again, result = build(tmp_path, *SERVICES, "--force")
    assert result.returncode == 0, result.stderr
    assert tree(again.dist) == tree(built.dist)


def test_a_rerun_reuses_the_folders_and_rewrites_nothing(built: Build) -> None:
    before = {path.name: path.stat().st_mtime_ns for path in built.dist.iterdir()}
    result = run_cli(
        "build", *SERVICES, "--dist", str(built.dist), "--output", str(built.output), cwd=built.dist.parent
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        f"2 packages (0 generated, 2 up to date, 0 failed): 4 files in {built.dist} (0 written, 4 unchanged), "
        + result.stdout.rsplit(", ", 1)[1]
    )
    assert {path.name: path.stat().st_mtime_ns for path in built.dist.iterdir()} == before


def test_post_release_of_the_same_version(tmp_path: Path) -> None:
    made, result = build(tmp_path, SERVICE, "--post", "2")
    assert result.returncode == 0, result.stderr
    version = f"{BOTOCORE_PIN}.post2"
    assert sorted(path.name for path in made.dist.iterdir()) == [
        made.wheel(SERVICE, version).name,
        made.sdist(SERVICE, version).name,
    ]
    info = wheel_files(made.wheel(SERVICE, version))[f"{module(SERVICE)}-{version}.dist-info/METADATA"]
    assert metadata(info)["Version"] == version
    assert f'version = "{version}"\n' in (made.folder(SERVICE) / "pyproject.toml").read_text()
    assert f'__version__ = "{version}"\n' in (made.folder(SERVICE) / module(SERVICE) / "version.py").read_text()
    pyproject = sdist_files(made.sdist(SERVICE, version))[f"{module(SERVICE)}-{version}/pyproject.toml"]
    assert pyproject == (made.folder(SERVICE) / "pyproject.toml").read_bytes()


def _one_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode != 0
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("boto-typegen: error: "), result.stderr
    return lines[0]


def test_unknown_service_is_one_line_and_builds_nothing(tmp_path: Path) -> None:
    made, result = build(tmp_path, SERVICE, "sagemaker-edgy")
    assert result.returncode == 2
    assert "sagemaker-edgy" in _one_line(result)
    assert not made.output.exists()
    assert not made.dist.exists() or not list(made.dist.iterdir())


@pytest.mark.parametrize("where", ["is a file", "under a file"])
def test_unwritable_dist_is_one_line(tmp_path: Path, where: str) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder\n")
    dist = blocker if where == "is a file" else blocker / "dist"
    result = run_cli(
        "build", SERVICE, "--dist", str(dist), "--output", str(tmp_path / "output"), cwd=tmp_path
    )
    assert str(dist) in _one_line(result)
    assert blocker.read_text() == "not a folder\n"
    assert not (tmp_path / "output").exists()  # refused before anything was generated


def test_a_failure_names_the_package_leaves_whole_files_and_a_rerun_finishes(
    built: Build, tmp_path: Path
) -> None:
    dist = tmp_path / "dist"
    # a folder where sagemaker-edge's wheel goes (s3 is built before it): its rename fails, as root would not
    blocked = dist / built.wheel(SERVICE).name
    blocked.mkdir(parents=True)
    result = run_cli("build", *SERVICES, "--dist", str(dist), "--output", str(built.output), cwd=tmp_path)
    line = _one_line(result)
    assert "types-boto3-sagemaker-edge" in line and str(blocked) in line
    # no temporary file left, and what was written is whole
    assert sorted(path.name for path in dist.iterdir()) == sorted(
        [blocked.name, built.wheel("s3").name, built.sdist("s3").name]
    )
    for path in (built.wheel("s3"), built.sdist("s3")):
        assert (dist / path.name).read_bytes() == path.read_bytes()
    blocked.rmdir()
    result = run_cli("build", *SERVICES, "--dist", str(dist), "--output", str(built.output), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "(2 written, 2 unchanged)" in result.stdout
    assert tree(dist) == tree(built.dist)
