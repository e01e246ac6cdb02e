"""mypy and pyright over all check files at once (run side by side), their errors keyed by file and line."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

PYTHON_VERSION = "3.9"  # the oldest Python the generated stubs support
MYPY_PYTHON_VERSION = "3.10"  # the oldest this mypy accepts
_MYPY_LINE = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?:\d+:)? (?P<severity>error|note|warning): (?P<message>.*)$")


class CheckerFailed(RuntimeError):
    """A type checker did not run to completion (crash, bad config), as opposed to reporting errors."""


@dataclass
class Errors:
    """Error messages of one checker: by (check file name, line), plus any outside the check files."""

    checker: str
    by_line: dict[tuple[str, int], list[str]] = field(default_factory=dict)
    elsewhere: list[str] = field(default_factory=list)

    def add(self, path: str, line: int, message: str, check_dir: Path) -> None:
        resolved = Path(path).resolve()
        if resolved.parent == check_dir.resolve():
            self.by_line.setdefault((resolved.name, line), []).append(message)
        else:
            self.elsewhere.append(f"{path}:{line}: {message}")


def _mypy_command(check_dir: Path, files: list[Path], cache: Path, python: str) -> list[str]:
    return [
        sys.executable, "-m", "mypy",
        "--python-executable", python,
        "--python-version", MYPY_PYTHON_VERSION,
        "--cache-dir", str(cache),
        "--show-error-codes", "--no-error-summary", "--no-pretty", "--hide-error-context",
        "--show-absolute-path", "--no-color-output",
        *map(str, files),
    ]  # fmt: skip


def _pyright_config(check_dir: Path, stub_dirs: list[Path]) -> Path:
    config = check_dir / "pyrightconfig.json"
    config.write_text(
        json.dumps(
            {
                "include": ["."],
                "extraPaths": [str(d) for d in stub_dirs],
                "pythonVersion": PYTHON_VERSION,
                "typeCheckingMode": "standard",
            },
            indent=2,
        )
    )
    return config


def _pyright_executable() -> str:
    local = Path(sys.executable).with_name("pyright")
    return str(local) if local.exists() else "pyright"


def run_checkers(
    check_dir: Path, files: list[Path], stub_dirs: list[Path], mypy_cache: Path, python: str = sys.executable
) -> tuple[Errors, Errors]:
    """Both checkers over `files`, against the packages installed for `python`; `stub_dirs` hold the generated
    distributions (each with its package).
    `mypy_cache` may be shared by chunks: their check modules and packages have distinct names, and typeshed's
    and botocore-stubs' entries are then analysed once per run instead of once per chunk."""
    env = dict(os.environ, MYPYPATH=os.pathsep.join(str(d) for d in stub_dirs))
    mypy = subprocess.Popen(
        _mypy_command(check_dir, files, mypy_cache, python),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=check_dir,
    )  # fmt: skip
    config = _pyright_config(check_dir, stub_dirs)
    pyright = subprocess.Popen(
        [_pyright_executable(), "--outputjson", "--pythonpath", python, "-p", str(config)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=check_dir,
    )  # fmt: skip
    mypy_out, mypy_err = mypy.communicate()
    pyright_out, pyright_err = pyright.communicate()
    return _mypy_errors(mypy.returncode, mypy_out, mypy_err, check_dir), _pyright_errors(
        pyright.returncode, pyright_out, pyright_err, check_dir
    )


def _mypy_errors(returncode: int, out: str, err: str, check_dir: Path) -> Errors:
    if returncode not in (0, 1):
        raise CheckerFailed(f"mypy exited {returncode}: {err.strip() or out.strip()[-2000:]}")
    errors = Errors("mypy")
    for raw in out.splitlines():
        match = _MYPY_LINE.match(raw)
        if match and match["severity"] == "error":
            errors.add(match["file"], int(match["line"]), match["message"], check_dir)
        elif not match and raw.strip():
            errors.elsewhere.append(raw)
    return errors


def _pyright_errors(returncode: int, out: str, err: str, check_dir: Path) -> Errors:
    try:
        report = json.loads(out)
    except json.JSONDecodeError as error:
        raise CheckerFailed(f"pyright exited {returncode} without a JSON report: {err.strip() or out[-2000:]}") from error
    errors = Errors("pyright")
    for diagnostic in report.get("generalDiagnostics", []):
        if diagnostic.get("severity") != "error":
            continue
        message = diagnostic["message"].splitlines()[0]
        if diagnostic.get("rule"):
            message += f"  [{diagnostic['rule']}]"
        errors.add(diagnostic["file"], diagnostic["range"]["start"]["line"] + 1, message, check_dir)
    return errors
