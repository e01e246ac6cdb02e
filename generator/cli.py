"""The command line: `boto-typegen generate | diff | docs | list`; user mistakes become one line on stderr."""

from __future__ import annotations

import argparse
import gc
import os
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Optional, Sequence

from .errors import GeneratorError, UnknownFlavorError

if TYPE_CHECKING:
    from .batch import Outcome
    from .ir.family import Family
    from .parse.source import BotocoreData

DEFAULT_SERVICE = "sagemaker-edge"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="boto-typegen",
        description="Generate boto3 type stubs and their docs from botocore's service models.",
    )
    parser.add_argument("--version", action=_Version, nargs=0, help="show the versions and exit")
    commands = parser.add_subparsers(dest="command", required=True)
    generate = commands.add_parser("generate", help="generate stub packages")
    generate.add_argument(
        "services", nargs="*", metavar="SERVICE", help=f"botocore service names (default: {DEFAULT_SERVICE})"
    )
    generate.add_argument("--output", type=Path, default=Path("output"), help="folder for the packages")
    generate.add_argument("--docs", type=Path, default=Path("docs"), help="folder for the docs pages")
    generate.add_argument("--no-docs", action="store_true", help="write the stubs only")
    generate.add_argument("--data-path", type=Path, help="a folder of botocore models searched before botocore's own")
    generate.add_argument(
        "--botocore-version",
        metavar="VERSION",
        help="the botocore version of --data-path's models, when it is not inside a botocore installation",
    )
    generate.add_argument("--all", action="store_true", help="every service botocore ships")
    generate.add_argument(
        "--jobs", type=_positive, metavar="N", help="worker processes (default: the cores with --all, else 1)"
    )
    generate.add_argument("--force", action="store_true", help="regenerate services that are up to date")
    generate.add_argument(
        "--keep-names-from",
        type=Path,
        metavar="OLD",
        help="a previous generation: names only our naming rules dropped stay as deprecated aliases (implies --force)",
    )
    generate.add_argument(
        "--changes-since",
        type=Path,
        metavar="OLD",
        help="a previous generation: each service's docs get a page of what changes since it (implies --force)",
    )
    generate.add_argument("--format", action="store_true", help="format with black itself (and regenerate)")
    _flavor_argument(generate)
    docs = commands.add_parser("docs", help="build or serve the docs site (mkdocs-material)")
    docs.add_argument("action", choices=("serve", "build"), help="serve on --dev-addr, or build into --site-dir")
    docs.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="the site's mkdocs.yml")
    docs.add_argument("--site-dir", type=Path, help="build: the folder for the HTML (default: site/)")
    docs.add_argument("--dev-addr", default="127.0.0.1:8000", help="serve: the address to listen on")
    _build_parser(commands)
    _diff_parser(commands)
    listing = commands.add_parser("list", help="the services botocore knows, one a line")
    listing.add_argument("--data-path", type=Path, help=argparse.SUPPRESS)
    return parser


def _build_parser(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    build = commands.add_parser("build", help="build a wheel and an sdist of each stub package")
    build.add_argument(
        "services", nargs="*", metavar="SERVICE", help=f"botocore service names (default: {DEFAULT_SERVICE})"
    )
    build.add_argument("--all", action="store_true", help="every service botocore ships")
    build.add_argument("--dist", type=Path, required=True, help="folder for the wheels and sdists")
    build.add_argument("--output", type=Path, default=Path("output"), help="folder for the package folders")
    build.add_argument("--post", type=_post, metavar="N", help="a .postN release of the same version")
    build.add_argument("--data-path", type=Path, help="a folder of botocore models searched before botocore's own")
    build.add_argument(
        "--botocore-version",
        metavar="VERSION",
        help="the botocore version of --data-path's models, when it is not inside a botocore installation",
    )
    build.add_argument(
        "--jobs", type=_positive, metavar="N", help="worker processes (default: the cores with --all, else 1)"
    )
    build.add_argument("--force", action="store_true", help="regenerate packages that are up to date")
    _flavor_argument(build)


def _flavor_argument(parser: argparse.ArgumentParser) -> None:
    from .ir.family import BOTO3, FAMILIES

    # checked in main, so an unknown name is one line on stderr like every other bad input
    parser.add_argument(
        "--flavor",
        default=BOTO3.prefix,
        metavar="NAME",
        help=f"the package family: {', '.join(FAMILIES)} (default: {BOTO3.prefix})",
    )


def _family(name: str) -> Family:
    from .ir.family import FAMILIES

    if name not in FAMILIES:
        raise UnknownFlavorError(f"unknown --flavor {name!r} (choose from {', '.join(FAMILIES)})")
    return FAMILIES[name]


def _post(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"expected a release number (0 or more), got {text!r}")
    return int(text)


def _build(args: argparse.Namespace, services: list[str]) -> int:
    from .publish.build import Release, build

    jobs = args.jobs or ((os.cpu_count() or 1) if args.all else 1)
    release = Release(
        services,
        args.dist,
        args.output,
        args.data_path,
        args.post,
        jobs,
        args.force,
        args.botocore_version,
        _family(args.flavor),
    )
    built = build(release, keep_going=args.all, progress=len(services) > 1)
    print(built.summary(args.dist))
    for package, error in built.failures:
        print(f"boto-typegen: {package}: {error}", file=sys.stderr)
    if built.failures:
        names = ", ".join(package for package, _ in built.failures)
        print(f"boto-typegen: error: {len(built.failures)} packages failed: {names}", file=sys.stderr)
        return 1
    return 0


def _diff_parser(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    diff = commands.add_parser("diff", help="what changes for user code between two generations")
    diff.add_argument("old", type=Path, metavar="OLD", help="an output folder of `generate` (the earlier one)")
    diff.add_argument("new", type=Path, metavar="NEW", help="an output folder of `generate` (the later one)")
    diff.add_argument("--jobs", type=_positive, metavar="N", help="worker processes (default: the cores)")
    style = diff.add_mutually_exclusive_group()
    style.add_argument("--json", action="store_true", help="the report as JSON")
    style.add_argument("--markdown", action="store_true", help="the report as markdown, for release notes")


def _diff(args: argparse.Namespace) -> int:
    """Exit 1 when anything is breaking, so CI can gate an upgrade."""
    from .diff.compare import compare_generations
    from .diff.reader import read_generation
    from .render.diff import render_json, render_markdown, render_text

    old, new = read_generation(args.old), read_generation(args.new)
    report = compare_generations(old, new, args.jobs or os.cpu_count() or 1)
    render = render_json if args.json else render_markdown if args.markdown else render_text
    sys.stdout.write(render(report))
    return 1 if report.breaking_count else 0


def _check_generation(folder: Path) -> None:
    """--changes-since names an output folder of `generate`, as diff's OLD does."""
    from .diff.reader import NotAGenerationError, generation_packages

    try:
        generation_packages(folder)
    except NotAGenerationError as error:
        raise NotAGenerationError(f"--changes-since {error}") from None


class Stopped(KeyboardInterrupt):
    """SIGINT or SIGTERM reached a run; unwinding it stops the workers and drops half-written packages."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _stop_on_signals() -> None:
    """SIGINT and SIGTERM raise Stopped; a second signal while the run stops is ignored."""

    def stop(signum: int, frame: object) -> None:
        for each in (signal.SIGINT, signal.SIGTERM):
            signal.signal(each, signal.SIG_IGN)
        raise Stopped(signum)

    for each in (signal.SIGINT, signal.SIGTERM):
        signal.signal(each, stop)


class _Version(argparse.Action):
    """`--version`, its text made only when asked for: reading installed metadata costs every run otherwise."""

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        print(_versions())
        parser.exit()


def _versions() -> str:
    """The generator's version and the botocore and boto3 it reads, without importing either."""
    from importlib.metadata import PackageNotFoundError, version

    from . import __version__

    def installed(name: str) -> str:
        try:
            return version(name)
        except PackageNotFoundError:
            return "not installed"

    return f"boto-typegen {__version__} (botocore {installed('botocore')}, boto3 {installed('boto3')})"


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a number of processes (1 or more), got {text!r}")
    return value


def _said(outcome: Outcome, output: Path) -> None:
    what = "up to date" if outcome.skipped else f"{outcome.files} files"
    print(f"{outcome.service}: {what} in {output}", flush=True)


def _warn_unknown_version(data: BotocoreData, data_path: Optional[Path]) -> None:
    if not data.version.known:
        print(
            f"boto-typegen: warning: --data-path {data_path} is not a botocore installation's data/ folder; "
            f"writing the installed botocore's version {data.version.version} (state it with --botocore-version)",
            file=sys.stderr,
        )


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command in ("generate", "build") and args.all and args.services:
        parser.error("give SERVICE names or --all, not both")
    if args.command == "generate" and args.changes_since is not None and args.no_docs:
        parser.error("--changes-since writes a docs page: not with --no-docs")
    handlers = {each: signal.getsignal(each) for each in (signal.SIGINT, signal.SIGTERM)}
    try:
        if args.command == "diff":
            return _diff(args)
        if args.command == "docs":
            from .site import run_mkdocs  # the site needs neither botocore nor the templates

            address = args.dev_addr if args.action == "serve" else ""
            return run_mkdocs(args.action, args.config, args.site_dir, address)
        if args.command in ("generate", "build"):
            _stop_on_signals()  # SIGTERM as well as Ctrl-C stops the workers and leaves packages whole
        threshold = gc.get_threshold()
        # importing botocore, boto3 and jinja allocates objects that all live on: collecting them is wasted work
        gc.set_threshold(100_000, 50, 1000)
        from .batch import Job, run_services
        from .parse.source import BotocoreData
        from .pipeline import index_docs

        gc.freeze()
        gc.set_threshold(*threshold)
        data = BotocoreData(args.data_path, getattr(args, "botocore_version", None))
        if args.command == "list":
            print("\n".join(data.service_names()))
            return 0
        services = list(data.service_names()) if args.all else args.services or [DEFAULT_SERVICE]
        if args.command == "build":
            return _build(args, services)
        docs = None if args.no_docs else args.docs
        family = _family(args.flavor)
        if args.keep_names_from is not None and not args.keep_names_from.is_dir():
            from .parse.kept_names import PreviousGenerationError

            raise PreviousGenerationError(f"--keep-names-from {args.keep_names_from}: not a folder")
        if args.changes_since is not None:
            _check_generation(args.changes_since)
        job = Job(
            args.data_path,
            args.output,
            docs,
            use_black=args.format,
            # OLD's files are no stamped input
            force=args.force or args.format or args.keep_names_from is not None or args.changes_since is not None,
            botocore_version=args.botocore_version,
            family=family,
            keep_names_from=args.keep_names_from,
            changes_since=args.changes_since,
        )
        jobs = args.jobs or ((os.cpu_count() or 1) if args.all else 1)
        run = run_services(
            job,
            services,
            jobs,
            progress=args.all,
            keep_going=args.all,
            report=None if args.all else lambda outcome: _said(outcome, args.output),
            data=data,
        )
        if not args.no_docs:
            index_docs(data, args.docs, family)
        if args.all:
            print(run.summary())
        _warn_unknown_version(data, args.data_path)  # after the run: an error stays the one line on stderr
        if run.failures:
            for failure in run.failures:
                print(f"boto-typegen: {failure.service}: {failure.error}", file=sys.stderr)
            names = ", ".join(failure.service for failure in run.failures)
            print(f"boto-typegen: error: {len(run.failures)} services failed: {names}", file=sys.stderr)
            return 1
        return 0
    except GeneratorError as error:
        print(f"boto-typegen: error: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt as stop:
        signum = stop.signum if isinstance(stop, Stopped) else signal.SIGINT
        what = "terminated" if signum == signal.SIGTERM else "interrupted"
        print(f"boto-typegen: {what}; earlier output left as it was", file=sys.stderr)
        return 128 + signum
    finally:
        for each, handler in handlers.items():
            signal.signal(each, handler)
