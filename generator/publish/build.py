"""`boto-typegen build`: generate (or reuse up-to-date) package folders, then write a wheel and an sdist
of each into the dist folder. A file is written under a temporary name and renamed into place, so a failed
run leaves whole files only, and a rerun finishes the job."""

from __future__ import annotations

import os
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Sequence

from ..batch import Job, Outcome, progress_bar, run_services
from ..errors import GeneratorError, OutputError
from ..ir.family import BOTO3, Family
from ..ir.records import record
from .archives import sdist, sdist_name, wheel, wheel_name
from .project import DistError, read_project


@record
class Release:
    """What one build run makes: which packages, from which models, into which folders."""

    services: Sequence[str]
    dist: Path
    output: Path
    data_path: Optional[Path] = None
    post: Optional[int] = None
    jobs: int = 1
    force: bool = False
    botocore_version: Optional[str] = None  # stated by the user for a bare --data-path
    family: Family = BOTO3


@dataclass
class Built:
    """What a build run did, for the summary line and the exit code."""

    generation: list[Outcome] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (package, error)
    seconds: float = 0.0

    def summary(self, dist: Path) -> str:
        generated = sum(1 for outcome in self.generation if not outcome.skipped and not outcome.error)
        reused = sum(1 for outcome in self.generation if outcome.skipped)
        files = len(self.written) + len(self.unchanged)
        packages = f"{len(self.generation)} package{'s' if len(self.generation) != 1 else ''}"
        return (
            f"{packages} ({generated} generated, {reused} up to date, "
            f"{len(self.failures)} failed): {files} files in {dist} ({len(self.written)} written, "
            f"{len(self.unchanged)} unchanged), {self.seconds:.1f} s"
        )


def build(release: Release, keep_going: bool = False, progress: bool = False) -> Built:
    """Build every package of `release`; with `keep_going` a failing package is recorded, not raised."""
    started = time.perf_counter()
    _check_writable(release.dist)
    job = Job(
        release.data_path,
        release.output,
        None,
        force=release.force,
        post=release.post,
        botocore_version=release.botocore_version,
        family=release.family,
    )
    run = run_services(job, release.services, release.jobs, progress=progress, keep_going=keep_going)
    built = Built(run.outcomes)
    for outcome in run.failures:
        built.failures.append((release.family.distribution(outcome.service), outcome.error))
    done = [outcome.service for outcome in run.outcomes if not outcome.error]
    bar = progress_bar(len(done), 0) if progress else None
    try:
        for service in done:
            name = release.family.distribution(service)
            try:
                _build_one(release.output / name, release.dist, built)
            except GeneratorError as error:
                if not keep_going:
                    raise DistError(f"{name}: {error}") from None
                built.failures.append((name, str(error)))
            if bar is not None:
                bar.set_postfix_str(name, refresh=False)
                bar.update(1)
    finally:
        if bar is not None:
            bar.close()
    built.seconds = time.perf_counter() - started
    return built


def _build_one(folder: Path, dist: Path, built: Built) -> None:
    project = read_project(folder)
    for name, make in ((wheel_name(project), wheel), (sdist_name(project), sdist)):
        target = dist / name
        try:
            changed = _write(target, make(project))
        except OSError as error:
            raise DistError(f"cannot write {target}: {error.strerror or error}") from None
        (built.written if changed else built.unchanged).append(name)


def _write(target: Path, data: bytes) -> bool:
    """Write `data` to `target` by renaming a finished temporary file over it; False if it was already so."""
    try:
        if target.read_bytes() == data:
            return False
    except OSError:
        pass
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return True


def _check_writable(dist: Path) -> None:
    """An unwritable dist folder is one line before anything is generated."""
    if dist.exists() and not dist.is_dir():
        raise OutputError(f"cannot write to {dist}: it is a file, not a folder")
    try:
        dist.mkdir(parents=True, exist_ok=True)
        handle, probe = tempfile.mkstemp(prefix=".probe.", suffix=".tmp", dir=dist)
        os.close(handle)
        os.unlink(probe)
    except OSError as error:
        raise OutputError(f"cannot write to {dist}: {error.strerror or error}") from None
