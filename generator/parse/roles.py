"""The sides of a call a structure is used on, each of which may need its own TypedDict."""

from __future__ import annotations

import enum


class Role(enum.Enum):
    """How a structure is used; each role it is used in may need its own TypedDict."""

    INPUT = 0  # a request, or nested anywhere in one
    OUTPUT = 1  # nested in a result
    RESULT = 2  # the top-level output of an operation: every key present, plus ResponseMetadata
