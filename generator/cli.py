"""The command line: `boto-typegen generate | list`; user mistakes become one line on stderr."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Optional, Sequence

from .errors import GeneratorError
from .parse.source import BotocoreData
from .pipeline import generate_service, index_docs
from .site import run_mkdocs

DEFAULT_SERVICE = "sagemaker-edge"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="boto-typegen",
        description="Generate boto3 type stubs and their docs from botocore's service models.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    generate = commands.add_parser("generate", help="generate stub packages")
    generate.add_argument(
        "services", nargs="*", metavar="SERVICE", help=f"botocore service names (default: {DEFAULT_SERVICE})"
    )
    generate.add_argument("--output", type=Path, default=Path("output"), help="folder for the packages")
    generate.add_argument("--docs", type=Path, default=Path("docs"), help="folder for the docs pages")
    generate.add_argument("--no-docs", action="store_true", help="write the stubs only")
    generate.add_argument(
        "--data-path", type=Path, help="a folder of botocore models searched before botocore's own"
    )
    docs = commands.add_parser("docs", help="build or serve the docs site (mkdocs-material)")
    docs.add_argument("action", choices=("serve", "build"), help="serve on --dev-addr, or build into --site-dir")
    docs.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="the site's mkdocs.yml")
    docs.add_argument("--site-dir", type=Path, help="build: the folder for the HTML (default: site/)")
    docs.add_argument("--dev-addr", default="127.0.0.1:8000", help="serve: the address to listen on")
    listing = commands.add_parser("list", help="the services botocore knows, one a line")
    listing.add_argument("--data-path", type=Path, help=argparse.SUPPRESS)
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "docs":
            address = args.dev_addr if args.action == "serve" else ""
            return run_mkdocs(args.action, args.config, args.site_dir, address)
        data = BotocoreData(args.data_path)
        if args.command == "list":
            print("\n".join(data.service_names()))
            return 0
        services = args.services or [DEFAULT_SERVICE]
        for service in services:
            docs = None if args.no_docs else args.docs
            written = generate_service(data, service, args.output, docs)
            print(f"{written.service}: {written.files} files in {args.output}")
        if not args.no_docs:
            index_docs(data, args.docs)
        return 0
    except GeneratorError as error:
        print(f"boto-typegen: error: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("boto-typegen: interrupted; earlier output left as it was", file=sys.stderr)
        return 130
