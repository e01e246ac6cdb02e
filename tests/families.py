"""Helpers for the package families other than types-boto3 (tests/test_family_*.py): the aiobotocore
environment they are generated in, a fixed-seed sample of services, and the import packages of a generation
gathered in one search folder."""

from __future__ import annotations

import random
import subprocess
import time
import venv
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from generator.ir.family import Family

REPO = Path(__file__).resolve().parent.parent
AIOBOTOCORE_PIN = "3.10.0"
TYPES_AIOBOTOCORE_PIN = "3.10.0"
# the botocore releases aiobotocore 3.10.0 accepts (its botocore>=1.43.115,<1.43.118)
AIO_BOTOCORE_RANGE = ("1.43.115", "1.43.116", "1.43.117")
BOTO3_STUBS_PIN = "1.43.126"  # boto3-stubs beside types-boto3's pin, on the botocore-stubs the test extra pins
SAMPLE_SEED, SAMPLE_SIZE = 11, 40

# what aiobotocore 3.10.0 pulls in beyond this environment, at the versions the tests were made with; the
# generator's own dependencies come from the session's constraints file (boto3 and botocore excepted, which
# aiobotocore's pin decides)
AIO_PINS = {
    "aiobotocore": AIOBOTOCORE_PIN,
    "types-aiobotocore": TYPES_AIOBOTOCORE_PIN,
    "aiohappyeyeballs": "2.7.1",
    "aiohttp": "3.14.5",
    "aioitertools": "0.13.0",
    "aiosignal": "1.4.0",
    "attrs": "26.1.0",
    "frozenlist": "1.8.0",
    "multidict": "7.2.1",
    "propcache": "0.5.4",
    "wrapt": "2.5.2",
    "yarl": "1.25.1",
}


@dataclass(frozen=True)
class AioEnv:
    """A virtualenv where aiobotocore 3.10.0 is installed first and boto-typegen[aiobotocore] after it."""

    root: Path
    python: str
    versions: dict[str, str]  # what pip left installed: botocore, boto3, aiobotocore
    check: str  # `pip check`'s output

    def cli(self, *args: str, cwd: Path, timeout: float = 1800) -> subprocess.CompletedProcess[str]:
        script = str(Path(self.python).with_name("boto-typegen"))
        return subprocess.run([script, *args], cwd=cwd, capture_output=True, text=True, timeout=timeout)


def aio_constraints(session_constraints: Path, folder: Path) -> Path:
    """The session's constraints without boto3 and botocore, plus aiobotocore's own dependencies."""
    kept = [
        line
        for line in session_constraints.read_text().splitlines()
        if line.split("==")[0] not in {"boto3", "botocore", *AIO_PINS}
    ]
    path = folder / "aio-constraints.txt"
    path.write_text("\n".join([*kept, *(f"{name}=={version}" for name, version in AIO_PINS.items())]) + "\n")
    return path


def make_aio_env(root: Path, env: dict[str, str]) -> AioEnv:
    """aiobotocore as a user has it, then `pip install 'boto-typegen[aiobotocore]'` from this checkout, as
    the README says; types-aiobotocore and mypy for the checks."""
    venv.EnvBuilder(with_pip=True).create(root)
    python = str(root / "bin" / "python")
    for requirement in ([f"aiobotocore=={AIOBOTOCORE_PIN}"], [f"{REPO}[aiobotocore]"]):
        install = subprocess.run(
            [python, "-m", "pip", "install", "-q", *requirement], capture_output=True, text=True, env=env, timeout=900
        )
        assert install.returncode == 0, install.stdout[-3000:] + install.stderr[-3000:]
    tools = subprocess.run(
        [python, "-m", "pip", "install", "-q", f"types-aiobotocore=={TYPES_AIOBOTOCORE_PIN}", "mypy"],
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
    )
    assert tools.returncode == 0, tools.stdout[-3000:] + tools.stderr[-3000:]
    script = "import importlib.metadata as m; print(*(m.version(n) for n in ('botocore', 'boto3', 'aiobotocore')))"
    found = subprocess.run([python, "-c", script], capture_output=True, text=True, check=True).stdout.split()
    check = subprocess.run([python, "-m", "pip", "check"], capture_output=True, text=True, env=env)
    return AioEnv(root, python, dict(zip(("botocore", "boto3", "aiobotocore"), found)), check.stdout + check.stderr)


@dataclass(frozen=True)
class Generation:
    """One `generate --all --no-docs` of a family."""

    family: Family
    services: tuple[str, ...]
    output: Path
    seconds: float

    def package(self, service: str) -> Path:
        return self.output / self.family.distribution(service) / self.family.module(service)


def timed_generation(
    family: Family, services: Sequence[str], run: "subprocess.CompletedProcess[str]", output: Path, started: float
) -> Generation:
    assert run.returncode == 0, run.stderr[-3000:]
    assert sorted(path.name for path in output.iterdir()) == sorted(family.distribution(s) for s in services)
    return Generation(family, tuple(services), output, time.monotonic() - started)


def sample(services: Sequence[str]) -> list[str]:
    """SAMPLE_SIZE services drawn with a fixed seed."""
    return sorted(random.Random(SAMPLE_SEED).sample(sorted(services), SAMPLE_SIZE))


def gather(generation: Generation, services: Sequence[str], site: Path) -> list[str]:
    """The import packages of `services` linked into one search folder, as site-packages would hold them."""
    site.mkdir(parents=True, exist_ok=True)
    modules = []
    for service in services:
        package = generation.package(service)
        assert package.is_dir(), package
        (site / package.name).symlink_to(package, target_is_directory=True)
        modules.append(package.name)
    return modules
