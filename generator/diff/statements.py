"""A module's text → its top-level statements, found by text alone, so that each is parsed once per text.

Two generations share most statements word for word (a TypedDict, an alias, a Literal of every region), and
packages of one generation share some (`ServiceName`); a statement's facts depend on its text only, so a
text already read is not parsed again. A top-level statement starts at a line's first column; a line there
that continues one (a closing bracket, `else:`, a comment) or a decorated definition stays with the one before.
"""

from __future__ import annotations

import re

_START = re.compile(rb"^(?![ \t\r\n)\]}#]|else\b|elif\b|except\b|finally\b)", re.M)
# statements that define no public name in a module other than the package root (imports, guards, __all__)
_NO_DEFINITION = re.compile(rb"(?:from|import|if|try|_\w*)\b")


def statements(text: bytes) -> list[bytes]:
    """The top-level statements of `text` in order, each with the comments and blank lines after it."""
    starts = [found.start() for found in _START.finditer(text)]
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    chunks: list[bytes] = []
    for start, end in zip(starts, starts[1:] + [len(text)]):
        chunk = text[start:end]
        if chunks and chunks[-1].startswith(b"@"):
            chunks[-1] += chunk  # a decorator and the definition it decorates
        else:
            chunks.append(chunk)
    return chunks


def may_define(statement: bytes) -> bool:
    """False for a statement that cannot define a public name outside the package root."""
    return _NO_DEFINITION.match(statement) is None
