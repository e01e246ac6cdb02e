"""The benchmark script runs and reports (a smoke test: it measures, nothing here asserts a time)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import REPO


def test_bench_prints_a_table_and_writes_its_figures(tmp_path: Path) -> None:
    figures_file = tmp_path / "figures.json"
    result = subprocess.run(
        [
            sys.executable, str(REPO / "benchmarks" / "bench.py"), "--quick", "--no-users", "--runs", "1",
            "--work", str(tmp_path / "work"), "--json", str(figures_file),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    header = [cell.strip() for cell in lines[1].split("|")]
    assert header[:6] == ["figure", "tool", "median s", "cpu s", "runs", "peak MB"]
    figures = json.loads(figures_file.read_text())
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
