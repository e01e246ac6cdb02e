"""black itself: the reference the layout pass is held to (its line length, and Unsure where the pass cannot
match it), and what formats whatever the pass hands over."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from black.mode import Mode

LINE_LENGTH = 88


class Unsure(Exception):
    """The layout pass cannot promise black's output here."""


def black_format(text: str, is_pyi: bool) -> str:
    import black  # imported only when needed: black's import alone costs more than a small service

    return black.format_str(text, mode=_mode(is_pyi))


@lru_cache(maxsize=2)
def _mode(is_pyi: bool) -> Mode:
    from black.mode import Mode, TargetVersion

    return Mode(target_versions={TargetVersion.PY39}, is_pyi=is_pyi, line_length=LINE_LENGTH)
