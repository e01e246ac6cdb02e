"""How bench.py measures: one command's wall time, CPU time and peak memory, and the table of figures."""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Sequence


@dataclass
class Figure:
    """One measured row of the table."""

    name: str
    tool: str
    target: str
    seconds: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    peak_mb: list[float] = field(default_factory=list)
    note: str = ""

    def add(self, result: "Measured") -> "Measured":
        self.seconds.append(result.seconds)
        self.cpu.append(result.cpu)
        self.peak_mb.append(result.peak_mb)
        return result

    @property
    def median(self) -> float:
        return statistics.median(self.seconds) if self.seconds else float("nan")

    @property
    def median_cpu(self) -> float:
        return statistics.median(self.cpu) if self.cpu else float("nan")

    @property
    def memory(self) -> float:
        return max(self.peak_mb) if self.peak_mb else float("nan")


@dataclass
class Measured:
    seconds: float
    cpu: float  # user + system seconds of the process tree: the wall time a quiet machine would approach
    peak_mb: float
    stdout: str
    stderr: str
    returncode: int


def _tree_rss(root: int) -> int:
    """RSS in kB summed over `root` and all its descendants."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            with open(f"/proc/{entry}/statm") as statm:
                pages = int(statm.read().split()[1])
        except (OSError, IndexError, ValueError):
            continue
        pid, parent = int(entry), int(fields[1])
        children.setdefault(parent, []).append(pid)
        rss[pid] = pages * os.sysconf("SC_PAGE_SIZE") // 1024
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total


def measure(command: Sequence[str], cwd: Path, env: Optional[dict[str, str]] = None) -> Measured:
    """Run `command` once: wall time, and the peak of its process tree's summed RSS."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(
        list(command), cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], _tree_rss(process.pid))
            done.wait(0.01)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = process.communicate()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return Measured(seconds, cpu, peak[0] / 1024, stdout, stderr, process.returncode)


def single_peak(command: Sequence[str], cwd: Path, env: Optional[dict[str, str]] = None) -> Measured:
    """One process: its exact peak RSS from wait4, plus the wall time."""
    started = time.perf_counter()
    process = subprocess.Popen(
        list(command), cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert process.stdout is not None and process.stderr is not None
    stdout, stderr = process.stdout.read(), process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    return Measured(seconds, cpu, usage.ru_maxrss / 1024, stdout, stderr, process.returncode)


def ensure_ok(result: Measured, what: str) -> Measured:
    if result.returncode != 0:
        log = Path(tempfile.mkstemp(prefix="bench-failure.", suffix=".log")[1])
        log.write_text(f"{what}\n--- stdout\n{result.stdout}\n--- stderr\n{result.stderr}")
        raise SystemExit(f"bench: {what} failed ({result.returncode}); its output is in {log}")
    return result


def table(figures: Sequence[Figure]) -> str:
    rows = [("figure", "tool", "median s", "cpu s", "runs", "peak MB", "target", "note")]
    for figure in figures:
        rows.append(
            (
                figure.name,
                figure.tool,
                f"{figure.median:.2f}",
                f"{figure.median_cpu:.2f}",
                str(len(figure.seconds)),
                f"{figure.memory:.0f}",
                figure.target,
                figure.note,
            )
        )
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    lines = [" | ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in rows]
    lines.insert(1, "-+-".join("-" * width for width in widths))
    return "\n".join(lines)
