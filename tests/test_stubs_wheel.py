"""The committed sagemaker-edge package as a user gets it: built into a wheel and an sdist with
`python -m build`, installed into a new virtualenv beside PyPI's types-boto3, and type-checked there."""

from __future__ import annotations

import email.parser
import shutil
import subprocess
import sys
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest
from conftest import BOTOCORE_PIN, MODULE, PACKAGE_DIR, USAGE, TypeCheckers, pip_env, pinned_test_extra, site_packages

MODULES = ("__init__", "client", "literals", "type_defs")
# each stub with the run-time module beside it, which `import types_boto3_sagemaker_edge.client` loads
STUB_FILES = [*(f"{name}.{suffix}" for name in MODULES for suffix in ("pyi", "py")), "version.py", "py.typed"]


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory, constraints: Path) -> Path:
    """The wheel and sdist of a copy of the committed package (a build must not touch output/), built with
    the hatchling the test extra pins."""
    root = tmp_path_factory.mktemp("build")
    source = root / PACKAGE_DIR.name
    shutil.copytree(PACKAGE_DIR, source)
    result = subprocess.run(
        [sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", str(root / "dist"), str(source)],
        capture_output=True,
        text=True,
        timeout=600,
        env=pip_env(constraints),
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return root / "dist"


def _one(dist: Path, pattern: str) -> Path:
    found = sorted(dist.glob(pattern))
    assert len(found) == 1, found
    return found[0]


def test_wheel_holds_the_stubs_and_metadata(dist: Path) -> None:
    wheel = _one(dist, f"{MODULE}-{BOTOCORE_PIN}-py3-none-any.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        for name in STUB_FILES:
            assert f"{MODULE}/{name}" in names
        for name in STUB_FILES:
            packed = archive.read(f"{MODULE}/{name}")
            assert packed == (PACKAGE_DIR / MODULE / name).read_bytes(), name
        metadata_name = f"{MODULE}-{BOTOCORE_PIN}.dist-info/METADATA"
        metadata = email.parser.Parser().parsestr(archive.read(metadata_name).decode())
        wheel_info = email.parser.Parser().parsestr(archive.read(f"{MODULE}-{BOTOCORE_PIN}.dist-info/WHEEL").decode())
    # the build's isolated environment took the constraints: the backend is the pinned one
    assert wheel_info["Generator"] == f"hatchling {pinned_test_extra()['hatchling']}"
    assert metadata["Name"] == "types-boto3-sagemaker-edge"
    assert metadata["Version"] == BOTOCORE_PIN
    assert "Typing :: Stubs Only" in metadata.get_all("Classifier")
    requires = [value.replace(" ", "") for value in metadata.get_all("Requires-Dist")]
    assert "typing-extensions;python_version<'3.12'" in [value.replace('"', "'") for value in requires]
    assert metadata["Requires-Python"] == ">=3.9"
    assert "types-boto3-sagemaker-edge" in metadata.get_payload()  # README as the long description


def test_sdist_holds_the_sources(dist: Path) -> None:
    sdist = _one(dist, f"{MODULE}-{BOTOCORE_PIN}.tar.gz")
    top = f"{MODULE}-{BOTOCORE_PIN}"
    with tarfile.open(sdist) as archive:
        names = set(archive.getnames())
    for name in ["pyproject.toml", "PKG-INFO", "README.md", "LICENSE"] + [f"{MODULE}/{n}" for n in STUB_FILES]:
        assert f"{top}/{name}" in names


def _installed(python: str, name: str) -> str:
    script = f"import importlib.metadata as m; print(m.version({name!r}))"
    return subprocess.run([python, "-c", script], capture_output=True, text=True, check=True).stdout.strip()


def test_wheel_installs_and_type_checks_in_a_fresh_virtualenv(
    dist: Path, tmp_path: Path, checkers: TypeCheckers, constraints: Path
) -> None:
    wheel = _one(dist, "*.whl")
    env = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env)
    python = str(env / "bin" / "python")
    install = subprocess.run(
        [python, "-m", "pip", "install", "-q", str(wheel), "types-boto3", "mypy"],
        capture_output=True,
        text=True,
        timeout=900,
        env=pip_env(constraints),
    )
    assert install.returncode == 0, install.stdout[-3000:] + install.stderr[-3000:]
    site = site_packages(python)
    assert (Path(site) / MODULE / "client.pyi").is_file()
    assert (Path(site) / "boto3-stubs" / "__init__.pyi").is_file()
    pins = pinned_test_extra()
    for name in ("types-boto3", "mypy", "botocore-stubs"):  # what PyPI's newest would otherwise replace
        assert _installed(python, name) == pins[name], name

    # copies outside the repository, so nothing of the checkout is on either checker's path
    good = tmp_path / "sagemaker_edge_ok.py"
    bad = tmp_path / "sagemaker_edge_bad.py"
    shutil.copy(USAGE / good.name, good)
    shutil.copy(USAGE / bad.name, bad)
    found = checkers.mypy([str(good), str(bad)], python=python)
    found += checkers.pyright([str(good), str(bad)], python=python)
    assert not found, "\n".join(map(str, found))
