"""botocore's HTML documentation strings into plain text for docstrings and pages."""

from __future__ import annotations

import html
import re

_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")
# a sentence ends at . ! or ? followed by white space (not inside "e.g. x" or "i.e. y")
_SENTENCE_END = re.compile(r"(?<!\be\.g)(?<!\bi\.e)(?<!\betc)[.!?](?=\s)")


def plain_text(documentation: str | None) -> str:
    """Tags removed, entities decoded, white space folded to single spaces."""
    if not documentation:
        return ""
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", documentation))).strip()


def first_sentence(documentation: str | None) -> str:
    text = plain_text(documentation)
    match = _SENTENCE_END.search(text)
    return text[: match.end()] if match else text
