"""The command line as a user types it: `boto-typegen list`, `python -m generator`, and `generate` with
several services and an output folder."""

from __future__ import annotations

import re
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

from conftest import BOTOCORE_PIN, CLI, PACKAGE_DIR, REPO, SERVICE, pip_env, pinned_test_extra, tree

from generator.parse.source import BotocoreData


def test_list_prints_botocore_services_one_a_line(cli: CLI) -> None:
    result = cli("list")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines == list(BotocoreData().service_names())
    assert len(lines) > 300 and {SERVICE, "s3", "ec2"} <= set(lines)
    assert lines == sorted(lines)
    assert all(line and line == line.strip() for line in lines)


def test_python_m_generator_help(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "generator", "--help"], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("usage: boto-typegen")
    assert "generate" in result.stdout and "list" in result.stdout


def test_generate_help_names_every_option(cli: CLI) -> None:
    result = cli("generate", "--help")
    assert result.returncode == 0, result.stderr
    for option in ("--output", "--docs", "--no-docs", "--data-path", "SERVICE"):
        assert option in result.stdout


def test_python_m_generator_is_the_same_command(tmp_path: Path, fresh_output: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "generator", "generate", "--output", "out", "--no-docs"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert tree(tmp_path / "out") == tree(fresh_output)


def test_generate_two_services_writes_both_packages(cli: CLI, tmp_path: Path) -> None:
    result = cli("generate", SERVICE, "s3", "--output", "stubs", "--no-docs")
    assert result.returncode == 0, result.stderr
    assert sorted(path.name for path in (tmp_path / "stubs").iterdir()) == [
        "types-boto3-s3",
        PACKAGE_DIR.name,
    ]
    s3 = tmp_path / "stubs" / "types-boto3-s3"
    client = (s3 / "types_boto3_s3" / "client.pyi").read_text()
    assert "class S3Client(BaseClient):" in client
    assert "def put_object(" in client
    assert 'name = "types-boto3-s3"' in (s3 / "pyproject.toml").read_text()
    assert (s3 / "types_boto3_s3" / "py.typed").is_file()
    # stdout says what was written, one line a service; nothing else appeared beside --output
    assert [line.split(":")[0] for line in result.stdout.splitlines()] == [SERVICE, "s3"]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["stubs"]


def test_generate_without_arguments_is_sagemaker_edge_into_output(cli: CLI, tmp_path: Path) -> None:
    result = cli("generate", "--no-docs")
    assert result.returncode == 0, result.stderr
    assert sorted(path.name for path in (tmp_path / "output").iterdir()) == [PACKAGE_DIR.name]


def test_usage_errors_exit_2_without_traceback(cli: CLI) -> None:
    for args in ((), ("frobnicate",), ("generate", "--no-such-option")):
        result = cli(*args)
        assert result.returncode == 2, args
        assert "Traceback" not in result.stderr
        assert result.stderr.startswith("usage: boto-typegen")


def test_installed_wheel_generates_the_same_output(tmp_path: Path, fresh_output: Path, constraints: Path) -> None:
    """boto-typegen built into a wheel and installed (not editable) carries its templates and works; the
    install is constrained to the test extra's versions, so a new botocore on PyPI cannot move the bytes."""
    build = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(tmp_path / "dist"), str(REPO)],
        capture_output=True,
        text=True,
        timeout=600,
        env=pip_env(constraints),
    )
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    (wheel,) = (tmp_path / "dist").glob("boto_typegen-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    assert "generator/templates/stubs/package/client.pyi.jinja" in names
    assert any(name.startswith("generator/templates/docs/") for name in names)

    env = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env)
    install = subprocess.run(
        [str(env / "bin" / "python"), "-m", "pip", "install", "-q", str(wheel)],
        capture_output=True,
        text=True,
        timeout=900,
        env=pip_env(constraints),
    )
    assert install.returncode == 0, install.stdout[-3000:] + install.stderr[-3000:]
    version = subprocess.run(
        [str(env / "bin" / "boto-typegen"), "--version"], capture_output=True, text=True, check=True
    ).stdout
    assert f"(botocore {BOTOCORE_PIN}, boto3 {pinned_test_extra()['boto3']})" in version
    work = tmp_path / "work"  # outside the checkout, so only the wheel's templates can be found
    work.mkdir()
    result = subprocess.run(
        [str(env / "bin" / "boto-typegen"), "generate", "--output", "out", "--docs", "pages"],
        cwd=work,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    assert tree(work / "out") == tree(fresh_output)
    assert any(path.endswith(".md") for path in tree(work / "pages"))


# CI's marker expression: every test, the slow sweeps and the full conformance run included
CI_MARKERS = "slow or not slow"


def _readme_commands() -> list[str]:
    """The commands of README.md's opening code block, comments dropped."""
    text = (REPO / "README.md").read_text()
    block = text.split("```sh\n", 1)[1].split("```", 1)[0]
    return [line.split("  #", 1)[0].strip() for line in block.splitlines() if line.strip()]


def test_readme_opens_with_generate_then_test() -> None:
    generate, test = _readme_commands()
    assert generate.endswith("boto-typegen generate")
    assert test.endswith(f"python -m pytest -m {CI_MARKERS!r} -n 2".replace('"', "'"))


def test_ci_runs_the_readme_test_command() -> None:
    _, test = _readme_commands()
    ci = (REPO / ".ci" / "run").read_text().splitlines()
    assert test in [line.strip() for line in ci]
    assert "python3 -m venv" in "\n".join(ci)  # a fresh environment, not the developer's


def test_ci_deselects_no_test() -> None:
    """The CI marker expression selects every test there is, whatever markers they carry."""
    counts = []
    for markers in (CI_MARKERS, ""):  # an empty -m selects everything
        result = subprocess.run(
            [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", "-m", markers],
            capture_output=True,
            text=True,
            cwd=REPO,
            timeout=600,
        )
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
        last = result.stdout.strip().splitlines()[-1]
        assert "deselected" not in last, last
        counts.append(int(last.split()[0].split("/")[0]))
    assert counts[0] == counts[1] > 3000  # the full conformance run alone has thousands


def test_the_test_extra_is_pinned() -> None:
    pins = pinned_test_extra()  # asserts every entry is name==version
    assert pins["botocore"] == BOTOCORE_PIN and {"black", "mypy", "pyright", "hatchling"} <= set(pins)


def test_version_names_generator_botocore_and_boto3(cli: CLI) -> None:
    import boto3
    import botocore

    import generator

    result = cli("--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        f"boto-typegen {generator.__version__} (botocore {botocore.__version__}, boto3 {boto3.__version__})\n"
    )


def test_readme_synopsis_names_every_generate_option(cli: CLI) -> None:
    text = (REPO / "README.md").read_text()
    synopsis = text.split("## Command line", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    # each option's first spelling, as --help lists it at the start of a line (aliases follow it)
    options = set(re.findall(r"^  (--[a-z][a-z-]*)", cli("generate", "--help").stdout, re.M)) - {"--help"}
    assert len(options) >= 9, options  # --output --docs --no-docs --data-path --botocore-version --all --jobs ...
    assert sorted(option for option in options if option not in synopsis) == []
    assert "--version" in synopsis
