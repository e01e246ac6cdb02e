"""Black-stable layout without running black, for the Python subset the templates emit.

`layout_source` returns exactly what black (stable style, line length 88) would write, statement by
statement; a statement it cannot vouch for is formatted by black alone, and a file it cannot read at
all raises Unsure so the caller runs black on the whole file.
"""

from __future__ import annotations

from .reference import LINE_LENGTH, Unsure
from .statements import Laid, layout_source

__all__ = ["LINE_LENGTH", "Laid", "Unsure", "layout_source"]
