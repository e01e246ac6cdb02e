"""A module's text → its top-level statements, found by text alone, so that each is parsed once per text.

Two generations share most statements word for word (a TypedDict, an alias, a Literal of every region), and
packages of one generation share some (`ServiceName`); a statement's facts depend on its text only, so a
text already read is not parsed again. A top-level statement starts at a line's first column; a line there
that continues one (a closing bracket, `else:`, a comment) or a decorated definition stays with the one before.
"""

from __future__ import annotations

import re

# the line break before a statement's first line (a literal first lets the search skip to each line break)
_START = re.compile(rb"\n(?![ \t\r\n)\]}#]|else\b|elif\b|except\b|finally\b)")
# before a method of a class body: four spaces, then a decorator or a def (an attribute stays with the one before)
_MEMBER = re.compile(rb"\n    (?=@|def |async def )")
# statements that define no public name in a module other than the package root (imports, guards, __all__)
_NO_DEFINITION = re.compile(rb"(?:from|import|if|try|_\w*)\b")


def statements(text: bytes) -> list[bytes]:
    """The top-level statements of `text` in order, each with the comments and blank lines after it."""
    starts = [0] + [found.start() + 1 for found in _START.finditer(text)]
    return _joined([text[start:end] for start, end in zip(starts, starts[1:] + [len(text)])])


def class_members(statement: bytes) -> list[bytes]:
    """A class statement → its header (the `class` line, docstring and leading attributes) and then each
    method (with its decorators) or attribute after the first method, in order."""
    starts = [found.start() + 1 for found in _MEMBER.finditer(statement)]
    if not starts:
        return [statement]
    chunks = [statement[start:end] for start, end in zip(starts, starts[1:] + [len(statement)])]
    return [statement[: starts[0]], *_joined(chunks)]


def _joined(chunks: list[bytes]) -> list[bytes]:
    """Each decorator chunk joined to the chunk after it (the definition it decorates), and no more."""
    joined: list[bytes] = []
    decorating = False
    for chunk in chunks:
        if decorating:
            joined[-1] += chunk
        else:
            joined.append(chunk)
        decorating = chunk.lstrip().startswith(b"@")
    return joined


def may_define(statement: bytes) -> bool:
    """False for a statement that cannot define a public name outside the package root."""
    # a string (a definition's docstring below it) defines nothing either
    return _NO_DEFINITION.match(statement) is None and statement[:1] not in (b'"', b"'")
