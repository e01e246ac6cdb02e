"""Shared test fixtures: the repository's paths, the real CLI in a subprocess, a fresh generation of the
committed output, and the two type checkers (mypy, pyright) with their diagnostics parsed."""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from importlib import metadata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Optional, Sequence

import pytest

from cleanenv.envs import CleanVenvs

if TYPE_CHECKING:
    from families import AioEnv, Generation

REPO = Path(__file__).resolve().parent.parent
OUTPUT = REPO / "output"
SERVICE = "sagemaker-edge"
PACKAGE_DIR = OUTPUT / "types-boto3-sagemaker-edge"
MODULE = "types_boto3_sagemaker_edge"
USAGE = REPO / "tests" / "usage"
BOTOCORE_PIN = "1.44.8"

CLI = Callable[..., "subprocess.CompletedProcess[str]"]


def cli_command() -> list[str]:
    """The installed console script, as a user runs it (beside this interpreter in a virtualenv)."""
    script = Path(sys.executable).with_name("boto-typegen")
    return [str(script)] if script.exists() else [sys.executable, "-m", "generator"]


def run_cli(
    *args: str, cwd: Path, env: Optional[dict[str, str]] = None, timeout: float = 900
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*cli_command(), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


# Under pytest-xdist (`-n 2`, as README's test command runs), the tests of files that share a costly session
# fixture run in one worker, so no worker builds it a second time. (xdist's own `--dist loadgroup` cannot do
# this under pytest 9: it renames node ids, which pytest 9 no longer reads.) `every_service` is made once per
# run whichever worker asks (see the fixture), so its tests form two groups: the conformance run alone takes
# about as long as everything else, and one worker with all of them ended the CI run alone.
SHARED_FIXTURES = {
    "every_service": ("every-service", "every-service-sweeps"),
    "conformance": ("every-service",),  # the full run checks every_service's packages
    "aiobotocore_env": ("aiobotocore",),
    "old_data": ("botocore-1.40.0",),
    "mypy_boto3_every_service": ("mypy-boto3",),
}
# the groups in the order they are handed out, costliest first, before the single files
GROUP_ORDER = ("every-service", "every-service-sweeps", "botocore-1.40.0", "aiobotocore", "mypy-boto3")
FILE_GROUPS = {
    "tests/conformance/test_conformance.py": "every-service",
    "tests/test_all_services_typecheck.py": "every-service-sweeps",
    "tests/test_docs_sweep.py": "every-service-sweeps",
    "tests/test_format_layout.py": "every-service-sweeps",
    "tests/test_stubs_all_services.py": "every-service-sweeps",
    "tests/test_family_aiobotocore.py": "aiobotocore",
    "tests/conformance/test_aio_family.py": "aiobotocore",
    "tests/test_diff_versions.py": "botocore-1.40.0",
    "tests/test_family_mypy_boto3.py": "mypy-boto3",
}


def _file_of(nodeid: str) -> str:
    return nodeid.split("::", 1)[0]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The grouped files first, costliest group first (so no worker ends the run alone on one); a test that
    takes a shared fixture from a file FILE_GROUPS does not place with it is a usage error: under xdist its
    worker would build the fixture again."""
    for item in items:
        path = _file_of(item.nodeid)
        for name, groups in SHARED_FIXTURES.items():
            if name in getattr(item, "fixturenames", ()) and FILE_GROUPS.get(path) not in groups:
                raise pytest.UsageError(f"{path} uses the fixture {name}: add it to FILE_GROUPS as one of {groups}")
    rank = {group: index for index, group in enumerate(GROUP_ORDER)}
    items.sort(key=lambda item: rank.get(FILE_GROUPS.get(_file_of(item.nodeid), ""), len(rank)))


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object:
    from xdist.scheduler import LoadScopeScheduling

    class SharedFixtureScheduling(LoadScopeScheduling):
        """Whole files to whichever worker is free, a group of FILE_GROUPS as one file."""

        def _split_scope(self, nodeid: str) -> str:
            path = _file_of(nodeid)
            return FILE_GROUPS.get(path, path)

    config.option.loadscopereorder = False  # the collection's order (above), not the number of tests in a file
    return SharedFixtureScheduling(config, log)


# sections for the end of the run (title -> text), written by session fixtures; under xdist a worker's go to
# the controller, which prints them
SUMMARIES = pytest.StashKey[dict[str, str]]()
STARTED = pytest.StashKey[float]()
WORKERS_ENDED = pytest.StashKey[dict[str, float]]()  # worker id -> seconds from the run's start


def pytest_configure(config: pytest.Config) -> None:
    config.stash[STARTED] = time.monotonic()  # one clock for all processes of the machine


def pytest_sessionfinish(session: pytest.Session) -> None:
    if hasattr(session.config, "workeroutput"):
        session.config.workeroutput["summaries"] = session.config.stash.get(SUMMARIES, {})
        session.config.workeroutput["ended"] = time.monotonic()


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: Any, error: object) -> None:
    output = getattr(node, "workeroutput", {})
    node.config.stash.setdefault(SUMMARIES, {}).update(output.get("summaries", {}))
    if "ended" in output:
        ended = node.config.stash.setdefault(WORKERS_ENDED, {})
        ended[node.workerinput["workerid"]] = output["ended"] - node.config.stash[STARTED]


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    for title, text in sorted(config.stash.get(SUMMARIES, {}).items()):
        terminalreporter.section(title)
        terminalreporter.write_line(text)
    ended = config.stash.get(WORKERS_ENDED, {})
    if ended:  # how evenly the groups above share the run: a worker that ends long before the other idles
        terminalreporter.write_line(
            "workers ended at " + ", ".join(f"{worker} {seconds:.0f} s" for worker, seconds in sorted(ended.items()))
        )


def pinned_test_extra() -> dict[str, str]:
    """The `test` extra of pyproject.toml as name → version; every entry is pinned with `==`."""
    extra = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["optional-dependencies"]["test"]
    pins = {}
    for requirement in extra:
        name, separator, version = requirement.partition("==")
        assert separator and re.fullmatch(r"[\w.]+", version), f"test extra not pinned with ==: {requirement}"
        pins[_canonical(name)] = version
    return pins


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


@pytest.fixture(scope="session")
def constraints(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A pip constraints file for every install a test makes: the test extra's pins, and for anything else
    (their dependencies, the generator's own) the version this environment got from `pip install -e
    '.[test]'`. A fresh virtualenv then holds what the tests were made with, whatever PyPI has since."""
    pins = {
        _canonical(dist.metadata["Name"]): dist.version
        for dist in metadata.distributions()
        if dist.metadata["Name"] and _canonical(dist.metadata["Name"]) != "boto-typegen"
    }
    pins.update(pinned_test_extra())
    path = tmp_path_factory.mktemp("constraints") / "constraints.txt"
    path.write_text("".join(f"{name}=={version}\n" for name, version in sorted(pins.items())))
    return path


def site_packages(python: str) -> Path:
    """The folder `python`'s pure-Python packages are installed into."""
    script = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    return Path(subprocess.run([python, "-c", script], capture_output=True, text=True, check=True).stdout.strip())


def pip_env(constraints: Path) -> dict[str, str]:
    """The environment for a pip or `python -m build` subprocess: constrained, and quiet about pip updates."""
    return {**os.environ, "PIP_CONSTRAINT": str(constraints), "PIP_DISABLE_PIP_VERSION_CHECK": "1"}


@pytest.fixture(scope="session", autouse=True)
def private_stamp_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The generator's up-to-date stamps go to a folder of this test session, not the user's cache."""
    os.environ.setdefault("BOTO_TYPEGEN_CACHE", str(tmp_path_factory.mktemp("stamps")))


@pytest.fixture(scope="session")
def clean_venvs(tmp_path_factory: pytest.TempPathFactory) -> CleanVenvs:
    """Virtualenvs with only boto3, botocore and typing-extensions, one per Python version, made on demand."""
    return CleanVenvs(tmp_path_factory.mktemp("clean-venvs"))


@pytest.fixture
def cli(tmp_path: Path) -> CLI:
    """`boto-typegen ARGS` in a subprocess, run from an empty folder so defaults write nowhere else."""

    def run(
        *args: str, cwd: Optional[Path] = None, env: Optional[dict[str, str]] = None, timeout: float = 900
    ) -> subprocess.CompletedProcess[str]:
        return run_cli(*args, cwd=cwd or tmp_path, env=env, timeout=timeout)

    return run


def type_checked_files(folder: Path) -> list[str]:
    """What a checker reads of an import package: every stub, and a .py only where no stub stands beside it.

    A run-time module (`client.py` beside `client.pyi`) is never what mypy or pyright resolve an import to;
    it holds what Python evaluates (`EventStream` bare, methods whose body is a docstring), which strict
    checking as source would reject. It is proven by running it: tests/test_runtime_modules.py. pyright given
    the folder would analyse the run-time modules as source too (mypy -p takes the stubs).
    """
    stubs = sorted(folder.rglob("*.pyi"))
    alone = [path for path in sorted(folder.rglob("*.py")) if not path.with_suffix(".pyi").exists()]
    return [str(path) for path in stubs + alone]


def tree(root: Path) -> dict[str, bytes]:
    """Every file under root (relative posix path → bytes), caches left out."""
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and not {"__pycache__", ".mypy_cache"} & set(path.relative_to(root).parts)
    }


@pytest.fixture(scope="session")
def fresh_output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`boto-typegen generate --no-docs` (the default service) into a new folder, once per session."""
    output = tmp_path_factory.mktemp("fresh") / "output"
    result = run_cli("generate", "--output", str(output), "--no-docs", cwd=REPO)
    assert result.returncode == 0, result.stderr
    return output


@dataclass(frozen=True)
class EveryService:
    """One `generate --all` of this run: every botocore service's package and docs pages."""

    services: tuple[str, ...]
    output: Path
    docs: Path
    seconds: float

    def package(self, service: str) -> Path:
        return self.output / f"types-boto3-{service}"


def run_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of this pytest run that all its pytest-xdist workers see (a worker's base folder is inside the
    run's); the session's own base folder without xdist."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@pytest.fixture(scope="session")
def every_service(tmp_path_factory: pytest.TempPathFactory) -> EveryService:
    """`boto-typegen generate --all --jobs 2` (stubs and pages) once per run, for every slow sweep. The first
    worker to ask generates it under a lock; a worker that asks meanwhile waits for it, then reads it too."""
    from generator.parse.source import BotocoreData

    root = run_folder(tmp_path_factory) / "every-service"
    root.mkdir(exist_ok=True)
    services = BotocoreData().service_names()
    generated = root / "generated.json"
    with (root / "lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes, also when a worker dies
        if not generated.exists():  # nobody generated it yet, or a worker that tried failed
            for folder in ("output", "docs"):
                shutil.rmtree(root / folder, ignore_errors=True)
            started = time.monotonic()
            result = run_cli(
                "generate", "--all", "--jobs", "2", "--output", "output", "--docs", "docs", cwd=root, timeout=3600
            )
            assert result.returncode == 0, result.stderr[-3000:]
            generated.write_text(json.dumps({"seconds": time.monotonic() - started}))
        seconds = float(json.loads(generated.read_text())["seconds"])
    assert sorted(path.name for path in (root / "output").iterdir()) == sorted(
        f"types-boto3-{service}" for service in services
    )
    return EveryService(services, root / "output", root / "docs", seconds)


@dataclass(frozen=True)
class Diagnostic:
    """One finding of a type checker: an error or warning, never a note."""

    path: str
    line: int
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: [{self.code}] {self.message}"


_MYPY_LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+): (?P<severity>error|warning): (?P<message>.*)$")
_MYPY_CODE = re.compile(r"  \[(?P<code>[a-z0-9-]+)\]$")


class TypeCheckers:
    """mypy and pyright with the strict settings of tests/usage, on any interpreter's site-packages."""

    def __init__(self, cache: Path) -> None:
        self.cache = cache

    def mypy(
        self,
        targets: Sequence[str],
        *,
        stubs: Optional[Path] = None,
        python: str = sys.executable,
        python_version: Optional[str] = None,
    ) -> list[Diagnostic]:
        """mypy (strict, warn_unused_ignores) run by `python`, with `stubs` on MYPYPATH if given."""
        env = {key: value for key, value in os.environ.items() if key != "MYPYPATH"}
        if stubs is not None:
            env["MYPYPATH"] = str(stubs)
        command = [python, "-m", "mypy", "--config-file", str(USAGE / "mypy.ini")]
        # one mypy cache per interpreter: a cache built against other site-packages would mislead
        interpreter = hashlib.sha1(python.encode()).hexdigest()[:12]
        command += ["--cache-dir", str(self.cache / f"mypy-{interpreter}"), "--no-pretty"]
        if python_version:
            command += ["--python-version", python_version]
        result = subprocess.run([*command, *targets], capture_output=True, text=True, env=env, cwd=REPO)
        found = []
        for line in result.stdout.splitlines():
            match = _MYPY_LINE.match(line)
            if match:
                code = _MYPY_CODE.search(match["message"])
                message = _MYPY_CODE.sub("", match["message"])
                found.append(Diagnostic(match["path"], int(match["line"]), code["code"] if code else "", message))
        # exit 1 means findings; anything else is mypy itself failing, which must not pass as "clean"
        assert result.returncode in (0, 1), result.stdout + result.stderr
        assert (result.returncode == 1) == bool(found), result.stdout + result.stderr
        return found

    def pyright(
        self,
        targets: Sequence[str],
        *,
        stubs: Optional[Path] = None,
        python: str = sys.executable,
        python_version: Optional[str] = None,
    ) -> list[Diagnostic]:
        """pyright (strict, see tests/usage/pyrightconfig.json) against `python`'s packages plus `stubs`."""
        text = (USAGE / "pyrightconfig.json").read_text()
        config = json.loads("\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//")))
        config["extraPaths"] = [str(stubs)] if stubs is not None else []
        if python_version:
            config["pythonVersion"] = python_version
        handle, name = tempfile.mkstemp(prefix="pyright-", suffix=".json", dir=self.cache)
        config_file = Path(name)
        with os.fdopen(handle, "w") as stream:
            json.dump(config, stream)
        result = subprocess.run(
            [sys.executable, "-m", "pyright", "--outputjson", "--pythonpath", python, "-p", str(config_file)]
            + list(targets),
            capture_output=True,
            text=True,
            cwd=REPO,
        )
        assert result.returncode in (0, 1), result.stdout + result.stderr
        report = json.loads(result.stdout)
        assert report["summary"]["filesAnalyzed"] >= 1, result.stdout
        return [
            Diagnostic(
                item["file"],
                item["range"]["start"]["line"] + 1,
                item.get("rule", ""),
                item["message"].splitlines()[0],
            )
            for item in report["generalDiagnostics"]
            if item["severity"] in ("error", "warning")
        ]

    def both(self, targets: Sequence[str], *, stubs: Optional[Path] = None) -> list[Diagnostic]:
        """mypy's findings, then pyright's, on the same targets."""
        return self.mypy(targets, stubs=stubs) + self.pyright(targets, stubs=stubs)


@pytest.fixture(scope="session")
def checkers(tmp_path_factory: pytest.TempPathFactory) -> TypeCheckers:
    return TypeCheckers(tmp_path_factory.mktemp("checkers"))


def report(diagnostics: Sequence[Diagnostic]) -> str:
    return "\n".join(map(str, diagnostics))


def generate_site(services: Sequence[str], root: Path) -> Path:
    """`boto-typegen generate SERVICES --no-docs`, then the import packages gathered in one search folder."""
    output = root / "output"
    result = run_cli("generate", *services, "--output", str(output), "--no-docs", cwd=REPO)
    assert result.returncode == 0, result.stderr
    site = root / "site"
    for service in services:
        module = "types_boto3_" + service.replace("-", "_")
        shutil.copytree(output / f"types-boto3-{service}" / module, site / module)
    return site


# the ignore comments a wrong line of a tests/usage/*_bad.py file carries: both, or pyright's alone for what
# mypy does not check at all (reading a NotRequired key)
_IGNORES = re.compile(r"(?:  # type: ignore\[(?P<mypy>[^\]]+)\])?  # pyright: ignore\[(?P<pyright>[^\]]+)\]$")


def marked_lines(path: Path) -> dict[int, tuple[set[str], set[str]]]:
    """Line number → (mypy codes, pyright rules) named by that line's ignore comments."""
    found = {}
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        match = _IGNORES.search(line)
        if match:
            found[number] = (
                {code.strip() for code in (match["mypy"] or "").split(",") if code.strip()},
                {rule.strip() for rule in match["pyright"].split(",")},
            )
    return found


def assert_exactly_marked_lines_flagged(
    checkers: TypeCheckers,
    bad_files: dict[Path, int],
    stubs: Optional[Path],
    scratch: Path,
    python: str = sys.executable,
) -> None:
    """With the ignore comments stripped, each checker reports exactly the marked lines, with their codes.

    `bad_files` maps each file to its number of wrong lines: a line added or lost must be a deliberate change.
    """
    expected_mypy: dict[tuple[str, int], set[str]] = {}
    expected_pyright: dict[tuple[str, int], set[str]] = {}
    stripped = []
    for path, count in bad_files.items():
        expected = marked_lines(path)
        assert len(expected) == count, path.name
        for line, (codes, rules) in expected.items():
            if codes:
                expected_mypy[(path.name, line)] = codes
            expected_pyright[(path.name, line)] = rules
        copy = scratch / path.name
        copy.write_text("\n".join(_IGNORES.sub("", line) for line in path.read_text().splitlines()) + "\n")
        assert "ignore[" not in copy.read_text()
        stripped.append(str(copy))
    assert _by_file_and_line(checkers.mypy(stripped, stubs=stubs, python=python)) == expected_mypy
    assert _by_file_and_line(checkers.pyright(stripped, stubs=stubs, python=python)) == expected_pyright


def _by_file_and_line(diagnostics: Sequence[Diagnostic]) -> dict[tuple[str, int], set[str]]:
    lines: dict[tuple[str, int], set[str]] = {}
    for diagnostic in diagnostics:
        lines.setdefault((Path(diagnostic.path).name, diagnostic.line), set()).add(diagnostic.code)
    return lines


@pytest.fixture(scope="session")
def aiobotocore_env(tmp_path_factory: pytest.TempPathFactory, constraints: Path) -> "AioEnv":
    """One virtualenv per session with aiobotocore 3.10.0 and boto-typegen[aiobotocore] (tests/families.py)."""
    from families import aio_constraints, make_aio_env

    root = tmp_path_factory.mktemp("aiobotocore")
    env = pip_env(aio_constraints(constraints, root))
    return make_aio_env(root / "venv", env)


@pytest.fixture(scope="session")
def aiobotocore_every_service(tmp_path_factory: pytest.TempPathFactory, aiobotocore_env: "AioEnv") -> "Generation":
    """`generate --all --flavor types-aiobotocore --no-docs` once per session, in the aiobotocore environment."""
    from families import timed_generation

    from generator.ir.family import AIOBOTOCORE

    root = tmp_path_factory.mktemp("aio-every-service")
    listing = aiobotocore_env.cli("list", cwd=root)
    assert listing.returncode == 0, listing.stderr
    started = time.monotonic()
    run = aiobotocore_env.cli(
        "generate", "--all", "--flavor", AIOBOTOCORE.prefix, "--jobs", "2", "--no-docs", "--output", "output", cwd=root
    )
    return timed_generation(AIOBOTOCORE, listing.stdout.split(), run, root / "output", started)


@pytest.fixture(scope="session")
def mypy_boto3_every_service(tmp_path_factory: pytest.TempPathFactory) -> "Generation":
    """`generate --all --flavor mypy-boto3 --no-docs` once per session."""
    from families import timed_generation

    from generator.ir.family import MYPY_BOTO3
    from generator.parse.source import BotocoreData

    root = tmp_path_factory.mktemp("mypy-boto3-every-service")
    started = time.monotonic()
    run = run_cli(
        "generate", "--all", "--flavor", MYPY_BOTO3.prefix, "--jobs", "2", "--no-docs", "--output", "output", cwd=root
    )
    return timed_generation(MYPY_BOTO3, BotocoreData().service_names(), run, root / "output", started)
