"""Formatting rendered Python with black, the standard the output is held to."""

from __future__ import annotations

import black

_MODES = {
    suffix: black.Mode(
        target_versions={black.TargetVersion.PY39},
        is_pyi=suffix == ".pyi",
        line_length=88,
    )
    for suffix in (".py", ".pyi")
}


def format_files(files: dict[str, str]) -> dict[str, str]:
    """Python and stub files run through black; everything else as it is."""
    return {path: format_text(path, text) for path, text in files.items()}


def format_text(path: str, text: str) -> str:
    suffix = path[path.rfind(".") :]
    mode = _MODES.get(suffix)
    if mode is None or not text.strip():
        return text
    return black.format_str(text, mode=mode)
