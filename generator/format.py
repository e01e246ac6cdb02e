"""Formatting rendered Python the way black does: our own layout pass, with black as the fallback.

The layout pass (generator/layout) writes black's output for the statements the templates emit without
paying for black; a statement it cannot vouch for goes through black alone, a file it cannot read goes
through black whole. `use_black=True` (the CLI's --format) runs black on every file, as the proof.
"""

from __future__ import annotations

from typing import Optional

from .layout import Laid, Unsure, layout_source
from .layout.reference import black_format

__all__ = ["black_format", "format_files", "format_text"]

_PYTHON_SUFFIXES = {".py": False, ".pyi": True}


def format_files(files: dict[str, str], use_black: bool = False) -> dict[str, str]:
    """Python and stub files formatted as black would; everything else as it is."""
    laid: Laid = {}  # a package's .py and .pyi share most statements
    return {path: format_text(path, text, use_black, laid) for path, text in files.items()}


def format_text(path: str, text: str, use_black: bool = False, laid: Optional[Laid] = None) -> str:
    is_pyi = _PYTHON_SUFFIXES.get(path[path.rfind(".") :])
    if is_pyi is None or not text.strip():
        return text
    if not use_black:
        try:
            return layout_source(text, is_pyi, laid)
        except Unsure:
            pass
    return black_format(text, is_pyi)
