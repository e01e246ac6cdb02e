"""Generating many services in one run: skip the up-to-date ones, spread the rest over worker processes,
and let a service whose model trips the generator fail alone, reported at the end."""

from __future__ import annotations

import gc
import os
import signal
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Generator, Optional, Sequence

from .cache import Inputs, Stamps, cache_dir
from .errors import GeneratorError
from .ir.family import BOTO3, Family
from .ir.records import record
from .parse.source import BotocoreData
from .pipeline import generate_service
from .write import prepare_folder

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

# how long a worker told to stop may take to finish the swap it is in before it is killed
_STOP_GRACE = 30.0


@record
class Job:
    """The settings every service of one run shares."""

    data_path: Optional[Path]
    output: Path
    docs: Optional[Path]
    use_black: bool = False
    force: bool = False
    post: Optional[int] = None  # the packages' .postN release number (`boto-typegen build --post N`)
    botocore_version: Optional[str] = None  # stated by the user; else read from the data (parse/versions.py)
    family: Family = BOTO3
    keep_names_from: Optional[Path] = None  # a previous generation whose names are kept (parse/kept_names.py)
    changes_since: Optional[Path] = None  # a previous generation the docs say what changed since (diff/since.py)

    @property
    def options(self) -> str:
        post = "" if self.post is None else f";post={self.post}"
        flavor = "" if self.family == BOTO3 else f";flavor={self.family.prefix}"
        kept = "" if self.keep_names_from is None else f";keep={self.keep_names_from.resolve()}"
        since = "" if self.changes_since is None else f";since={self.changes_since.resolve()}"
        return (
            f"docs={self.docs is not None};black={self.use_black};version={self.botocore_version}"
            f"{post}{flavor}{kept}{since}"
        )

    @property
    def stamps(self) -> Stamps:
        return Stamps(self.output, self.docs, family="" if self.family == BOTO3 else self.family.prefix)


@record
class Outcome:
    """What happened to one service."""

    service: str
    files: int = 0
    skipped: bool = False
    error: str = ""


@dataclass
class Run:
    """What a run did, for the summary line and the exit code."""

    outcomes: list[Outcome] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failures(self) -> list[Outcome]:
        return [outcome for outcome in self.outcomes if outcome.error]

    def summary(self) -> str:
        generated = sum(1 for outcome in self.outcomes if not outcome.skipped and not outcome.error)
        skipped = sum(1 for outcome in self.outcomes if outcome.skipped)
        files = sum(outcome.files for outcome in self.outcomes)
        return (
            f"{len(self.outcomes)} services ({generated} generated, {skipped} up to date, "
            f"{len(self.failures)} failed), {files} files, {self.seconds:.1f} s"
        )


def run_services(
    job: Job,
    services: Sequence[str],
    jobs: int,
    progress: bool = False,
    keep_going: bool = False,
    report: Optional[Callable[[Outcome], None]] = None,
    data: Optional[BotocoreData] = None,
) -> Run:
    """Generate `services` (unknown names raise before anything is written).

    With `keep_going`, a service that fails is an Outcome with its error and the run goes on; without,
    the first error is raised as it is (a GeneratorError becomes one line on stderr). `data`: the caller's
    reading of the job's models, whose loader has listed the services already (each loader lists anew).
    """
    started = time.perf_counter()
    data = data or BotocoreData(job.data_path, job.botocore_version)
    names = data.service_names()
    for service in services:
        if service not in names:
            data.load(service)  # raises UnknownServiceError with its did-you-mean hint
    # an unwritable folder is found before any package is written; leftovers of killed runs go
    for folder in (job.output, job.docs):
        if folder is not None:
            prepare_folder(folder)
    inputs = Inputs.scan(data.loader.search_paths, names, job.options)
    stamps = job.stamps
    run = Run()
    pending: list[str] = []
    for service in services:
        if not job.force and stamps.is_current(service, inputs.key(service)):
            skipped = Outcome(service, skipped=True)
            run.outcomes.append(skipped)
            if report is not None:
                report(skipped)
        else:
            pending.append(service)
    bar = progress_bar(len(services), len(services) - len(pending)) if progress else None
    order = _largest_first(pending, inputs) if jobs > 1 else pending
    outcomes = _generate(job, inputs, order, jobs, keep_going, data)
    try:
        for outcome in outcomes:
            if outcome.error and not keep_going:
                raise GeneratorError(outcome.error)
            run.outcomes.append(outcome)
            if report is not None:
                report(outcome)
            if bar is not None:
                bar.set_postfix_str(outcome.service, refresh=False)
                bar.update(1)
    finally:
        outcomes.close()  # stops the workers now, not whenever the generator is collected
        if bar is not None:
            bar.close()
    run.outcomes.sort(key=lambda outcome: outcome.service)
    run.seconds = time.perf_counter() - started
    return run


def _generate(
    job: Job, inputs: Inputs, services: list[str], jobs: int, keep_going: bool, data: BotocoreData
) -> Generator[Outcome, None, None]:
    if jobs <= 1 or len(services) <= 1:
        _start_worker(job, inputs, keep_going, data)
        for service in services:
            yield _generate_one(service)
        return
    from concurrent.futures import ProcessPoolExecutor, as_completed  # only a parallel run pays for it

    pool = ProcessPoolExecutor(
        max_workers=min(jobs, len(services)), initializer=_start_worker, initargs=(job, inputs, keep_going)
    )
    finished = False
    try:
        futures = [pool.submit(_generate_one, service) for service in services]
        for future in as_completed(futures):
            yield future.result()
        finished = True
    finally:
        if not finished:  # a signal, an error, or the caller gave up: stop the workers mid-service
            _stop_workers(pool)
        pool.shutdown(wait=True, cancel_futures=True)


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """SIGTERM each worker (it drops the package it is writing, or ends the swap it is in), then wait."""
    processes = list((pool._processes or {}).values())  # what Python 3.14's pool.terminate_workers() uses
    for process in processes:
        if process.is_alive():
            process.terminate()
    deadline = time.monotonic() + _STOP_GRACE
    for process in processes:
        process.join(max(0.0, deadline - time.monotonic()))
        if process.is_alive():
            process.kill()
            process.join()


def _largest_first(services: list[str], inputs: Inputs) -> list[str]:
    """Big models first, so the last worker is not left alone with EC2."""

    def size(service: str) -> int:
        total = 0
        for root in inputs.search_paths:
            for folder, _, files in os.walk(os.path.join(root, service)):
                total += sum(os.path.getsize(os.path.join(folder, name)) for name in files)
        return total

    return sorted(services, key=lambda service: (-size(service), service))


@dataclass
class _Worker:
    """What one worker process keeps between its services: the job, its inputs, botocore's data, stamps."""

    job: Job
    inputs: Inputs
    keep_going: bool
    data: BotocoreData
    stamps: Stamps


_worker: Optional[_Worker] = None


def _start_worker(job: Job, inputs: Inputs, keep_going: bool, data: Optional[BotocoreData] = None) -> None:
    global _worker
    if data is None:  # a pool process: Ctrl-C is the parent's to handle, SIGTERM is the parent's order to stop
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, _worker_stop)
    _cache_templates()
    # a service's IR, renderings and botocore's shapes are many objects that live until the service is
    # written: at the default thresholds the collector took a quarter of the CPU time walking them again and
    # again, at these a tenth, for some 20 MB more at the peak of a big service
    gc.set_threshold(50_000, 20, 100)
    _worker = _Worker(job, inputs, keep_going, data or BotocoreData(job.data_path, job.botocore_version), job.stamps)


def _cache_templates() -> None:
    """Compiled templates on disk, keyed by a checksum of their source: a changed template recompiles."""
    import jinja2

    from .render.environment import environment

    class QuietCache(jinja2.FileSystemBytecodeCache):
        def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
            try:
                super().dump_bytecode(bucket)
            except OSError:
                pass  # a cache that cannot be written only costs a compile next time

    folder = cache_dir() / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return
    environment().bytecode_cache = QuietCache(str(folder))


class _WorkerStop(BaseException):
    """Raised in a pool worker by SIGTERM while it generates a service."""

    def __init__(self, exit_code: int) -> None:
        super().__init__(exit_code)
        self.exit_code = exit_code


# a pool worker is inside _generate_one: a stop unwinds it, so write_tree drops its staging folder
_busy = False


def _worker_stop(signum: int, frame: object) -> None:
    if _busy:
        raise _WorkerStop(128 + signum)
    os._exit(128 + signum)  # idle or between services: nothing to drop, and no next service to take


def _generate_one(service: str) -> Outcome:
    global _busy
    try:
        _busy = True
        return _generate_and_stamp(service)
    except _WorkerStop as stop:
        os._exit(stop.exit_code)
    finally:
        _busy = False


def _generate_and_stamp(service: str) -> Outcome:
    worker = _worker
    assert worker is not None, "worker not started"
    job = worker.job
    key = worker.inputs.key(service)
    try:
        written = generate_service(
            worker.data,
            service,
            job.output,
            job.docs,
            job.use_black,
            job.post,
            job.family,
            job.keep_names_from,
            job.changes_since,
        )
    except GeneratorError as error:
        worker.stamps.forget(service)
        return Outcome(service, error=str(error))
    except Exception as error:  # a model that trips the generator fails its own service only
        worker.stamps.forget(service)
        if not worker.keep_going:
            raise
        return Outcome(service, error=f"generator failed: {type(error).__name__}: {_one_line(error)}")
    finally:
        _forget_models(worker.data)
    worker.stamps.record(service, key, written.folders)
    return Outcome(service, written.files)


def _forget_models(data: BotocoreData) -> None:
    """Drop the service models botocore's loader memoizes, so a worker's memory stays one service deep."""
    cache = getattr(data.loader, "_cache", None)
    if isinstance(cache, dict):
        for key in [key for key in cache if key and key[0] == "load_service_model"]:
            del cache[key]


def _one_line(error: Exception) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text else "(no message)"


def progress_bar(total: int, done: int):  # type: ignore[no-untyped-def]
    """A tqdm bar over services, shared by generate and build; none when stderr is not a terminal."""
    from tqdm import tqdm  # type: ignore[import-untyped]  # tqdm ships no annotations

    # disable=None: no bar when stderr is not a terminal (CI logs get the summary line only)
    return tqdm(total=total, initial=done, unit="service", file=sys.stderr, leave=False, disable=None)
