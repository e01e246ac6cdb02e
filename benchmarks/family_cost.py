"""The cost per service of each package family (issue 11): bench.py --families N [--aio-env VENV]."""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from measuring import Figure, ensure_ok, single_peak

REPO = Path(__file__).resolve().parent.parent
FAMILIES = ("types-boto3", "mypy-boto3", "types-aiobotocore")
SEED = 6  # the fixed sample of --families N


@dataclass(frozen=True)
class Place:
    """An interpreter that runs this checkout's generator, and the families measured there."""

    tool: str
    python: str
    env: dict[str, str]
    families: tuple[str, ...]

    def command(self, *args: str) -> list[str]:
        return [self.python, "-m", "generator", *args]


def places(work: Path, aio_env: Optional[Path], env: dict[str, str]) -> list[Place]:
    """Here: types-boto3 and mypy-boto3. In `aio_env` (aiobotocore installed, so on the older botocore it
    pins): types-aiobotocore, and types-boto3 again as its baseline on the same models."""
    found = [Place("boto-typegen", sys.executable, env, FAMILIES[:2])]
    if aio_env is not None:
        aio = {**env, "PYTHONPATH": str(REPO), "BOTO_TYPEGEN_CACHE": str(work / "aio-cache")}
        found.append(Place("boto-typegen (aiobotocore venv)", str(aio_env / "bin" / "python"), aio, FAMILIES[::2]))
    return found


def sample(work: Path, chosen: list[Place], count: int) -> list[str]:
    """`count` services (0: all) every place's botocore has, drawn with a fixed seed."""
    listings = [
        subprocess.run(place.command("list"), cwd=work, env=place.env, capture_output=True, text=True, check=True)
        for place in chosen
    ]
    common = sorted(set(listings[0].stdout.split()).intersection(*(found.stdout.split() for found in listings[1:])))
    return common if count == 0 else sorted(random.Random(SEED).sample(common, count))


def bench_families(work: Path, runs: int, count: int, aio_env: Optional[Path], env: dict[str, str]) -> list[Figure]:
    """`generate` of the same services, stubs + docs, --jobs 1 (one process: its CPU is the cost), in each
    family; each row's note gives the cost per service and the CPU ratio to types-boto3 in the same place."""
    chosen = places(work, aio_env, env)
    services = sample(work, chosen, count)
    for place in chosen[1:]:  # one unmeasured run fills that interpreter's template cache, as bench.py's warm-up
        warm = place.command("generate", "sagemaker-edge", "--output", str(work / "aio-warm"), "--no-docs")
        ensure_ok(single_peak(warm, work, place.env), f"warm-up in {place.python}")
    rows = [
        (place, family, Figure(f"{len(services)} services, {family}, stubs + docs (--jobs 1)", place.tool, ""))
        for place in chosen
        for family in place.families
    ]
    for run in range(runs):  # runs alternate between the families, so a busy machine slows all alike
        for place, family, figure in rows:
            out = work / f"families-{run}" / family
            args = ["generate", *services, "--flavor", family, "--jobs", "1", "--force"]
            args += ["--output", str(out / "output"), "--docs", str(out / "docs")]
            shutil.rmtree(out, ignore_errors=True)  # the last run's output stays, to be looked at
            figure.add(ensure_ok(single_peak(place.command(*args), work, place.env), figure.name))
    for place, family, figure in rows:
        base = next(other for where, name, other in rows if where is place and name == FAMILIES[0])
        figure.target = "same cost per service as types-boto3"
        figure.note = (
            f"{figure.median / len(services):.3f} s wall, {figure.median_cpu / len(services):.3f} s cpu per service;"
            f" cpu {figure.median_cpu / base.median_cpu:.2f}x types-boto3 here"
        )
    print(f"families: {len(services)} services: {' '.join(services)}")
    return [figure for _, _, figure in rows]
