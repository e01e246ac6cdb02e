"""The benchmark script runs and reports (a smoke test: it measures, nothing here asserts a time)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from conftest import REPO


def bench(tmp_path: Path, *args: str) -> tuple[list[str], list[dict[str, Any]]]:
    """bench.py with `args`, one run of each figure: its output lines, and the figures it wrote."""
    figures_file = tmp_path / "figures.json"
    command = [sys.executable, str(REPO / "benchmarks" / "bench.py"), *args, "--runs", "1"]
    command += ["--work", str(tmp_path / "work"), "--json", str(figures_file)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    figures: list[dict[str, Any]] = json.loads(figures_file.read_text())
    return result.stdout.splitlines(), figures


def test_bench_prints_a_table_and_writes_its_figures(tmp_path: Path) -> None:
    lines, figures = bench(tmp_path, "--quick", "--no-users")
    header = [cell.strip() for cell in lines[1].split("|")]
    assert header[:6] == ["figure", "tool", "median s", "cpu s", "runs", "peak MB"]
    names = [figure["name"] for figure in figures]
    assert names == [
        "sagemaker-edge, stubs + docs (cold process)",
        "sagemaker-edge, stubs only (cold process)",
        "sagemaker-edge, first run ever (empty cache folder)",
    ]
    for figure in figures:
        assert len(figure["seconds"]) == len(figure["cpu"]) == len(figure["peak_mb"]) == 1
        assert figure["seconds"][0] > 0 and figure["cpu"][0] > 0 and figure["peak_mb"][0] > 1
        assert any(line.startswith(figure["name"]) for line in lines)
    # each measured run really generated the package and its docs
    package = tmp_path / "work" / "single-0" / "output" / "types-boto3-sagemaker-edge"
    assert (package / "types_boto3_sagemaker_edge" / "client.pyi").is_file()
    assert (tmp_path / "work" / "single-0" / "docs" / "types_boto3_sagemaker_edge").is_dir()


def test_bench_families_reports_each_family_s_cost_per_service(tmp_path: Path) -> None:
    """`--families 1` without --aio-env: types-boto3 and mypy-boto3 on the same sampled service, each row's
    note with the cost per service and the ratio to types-boto3 (itself 1.00x)."""
    lines, figures = bench(tmp_path, "--families", "1")
    assert [figure["name"] for figure in figures] == [
        f"1 services, {family}, stubs + docs (--jobs 1)" for family in ("types-boto3", "mypy-boto3")
    ]
    (listed,) = [line for line in lines if line.startswith("families: 1 services: ")]
    service = listed.split()[-1]
    for family in ("types-boto3", "mypy-boto3"):  # the last run of each family left its package
        distribution = f"{family}-{service}"
        output = tmp_path / "work" / "families-0" / family / "output"
        assert (output / distribution / distribution.replace("-", "_") / "client.pyi").is_file(), distribution
    assert figures[0]["note"].endswith("cpu 1.00x types-boto3 here"), figures[0]["note"]
    for figure in figures:
        assert len(figure["seconds"]) == 1 and figure["cpu"][0] > 0
        assert " s cpu per service; cpu " in figure["note"] and any(line.startswith(figure["name"]) for line in lines)
