"""A module's text → its top-level statements, found by text alone, so that each is parsed once per text.

Two generations share most statements word for word (a TypedDict, an alias, a Literal of every region), and
packages of one generation share some (`ServiceName`); a statement's facts depend on its text only, so a
text already read is not parsed again. A top-level statement starts at a line's first column; a line there
that continues one (a closing bracket, `else:`, a comment) or a decorated definition stays with the one before.
"""

from __future__ import annotations

import re

_START = re.compile(rb"^(?![ \t\r\n)\]}#]|else\b|elif\b|except\b|finally\b)", re.M)
# a method of a class body: four spaces, then a decorator or a def (an attribute stays with the one before)
_MEMBER = re.compile(rb"^    (?=@|def |async def )", re.M)
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


def class_members(statement: bytes) -> list[bytes]:
    """A class statement → its header (the `class` line, docstring and leading attributes) and then each
    method (with its decorators) or attribute after the first method, in order."""
    starts = [found.start() for found in _MEMBER.finditer(statement)]
    if not starts:
        return [statement]
    parts = [statement[: starts[0]]]
    for start, end in zip(starts, starts[1:] + [len(statement)]):
        chunk = statement[start:end]
        if parts[1:] and parts[-1].lstrip().startswith(b"@"):
            parts[-1] += chunk
        else:
            parts.append(chunk)
    return parts


def may_define(statement: bytes) -> bool:
    """False for a statement that cannot define a public name outside the package root."""
    return _NO_DEFINITION.match(statement) is None
