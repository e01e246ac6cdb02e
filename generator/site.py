"""The docs site: mkdocs (with mkdocs-material) run on the repository's mkdocs.yml to build or serve it."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from typing import Optional

from .errors import GeneratorError


class SiteError(GeneratorError):
    """mkdocs missing, or no mkdocs.yml where one was expected."""


def run_mkdocs(action: str, config: Path, site_dir: Optional[Path] = None, address: str = "") -> int:
    """`mkdocs build` (strict) or `mkdocs serve` on `config`; mkdocs' own exit code."""
    if importlib.util.find_spec("mkdocs") is None or importlib.util.find_spec("material") is None:
        raise SiteError("mkdocs and mkdocs-material are not installed: pip install 'boto-typegen[docs]'")
    if not config.is_file():
        raise SiteError(f"no {config}: run from the repository root or pass --config")
    command = [sys.executable, "-m", "mkdocs", action, "--strict", "--config-file", str(config)]
    if site_dir is not None:
        command += ["--site-dir", str(site_dir)]
    if address:
        command += ["--dev-addr", address]
    # mkdocs-material's end-of-life banner says nothing about this site
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    try:
        return subprocess.run(command, env=environment).returncode
    except KeyboardInterrupt:
        return 0  # Ctrl-C is how `serve` is stopped
