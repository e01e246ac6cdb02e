"""Empty lines between statements: black's rules (stable style) for the statement kinds we emit."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional


@dataclass
class Statement:
    """What black looks at to decide the empty lines before a statement."""

    depth: int
    before: int  # empty lines the template left above it
    first: str  # the first token
    opens_block: bool
    is_docstring: bool = False
    is_stub_class: bool = False  # `class X: ...`
    is_stub_def: bool = False  # `def f(): ...`

    @property
    def is_def(self) -> bool:
        return self.first == "def"

    @property
    def is_class(self) -> bool:
        return self.first == "class"

    @property
    def is_decorator(self) -> bool:
        return self.first == "@"

    @property
    def is_import(self) -> bool:
        return self.first in ("import", "from")


class EmptyLines:
    """Walks the statements of one file in order and says how many empty lines go before each."""

    def __init__(self, is_pyi: bool) -> None:
        self.is_pyi = is_pyi
        self.previous: Optional[Statement] = None
        self.previous_after = 0
        self.previous_defs: list[Statement] = []
        self.module_docstring_above = False

    def before(self, line: Statement) -> int:
        before, after = self._before(line)
        above = self.previous_after
        before = max(0, before - above)
        if self.module_docstring_above and not (line.is_class or line.is_def):
            before = 1
        self.module_docstring_above = self.previous is None and line.is_docstring and line.depth == 0
        self.previous = line
        self.previous_after = after
        return above + before

    def _before(self, line: Statement) -> tuple[int, int]:
        max_allowed = 1 if (line.depth or self.is_pyi) else 2
        before = min(line.before, max_allowed)
        user_had_newline = bool(before)
        depth = line.depth
        previous_def = None
        while self.previous_defs and self.previous_defs[-1].depth >= depth:
            previous_def = self.previous_defs.pop()
        if line.is_def or line.is_class:
            self.previous_defs.append(line)
        previous = self.previous
        if previous is None:
            return 0, 0
        if line.is_docstring:
            if previous.is_class:
                return 0, 1
            if previous.opens_block and previous.is_def:
                return 0, 0
        if previous_def is not None:
            if self.is_pyi:
                if previous_def.is_class and not previous_def.is_stub_class:
                    before = 1
                elif depth and not line.is_def and previous.is_def:
                    before = 1 if user_had_newline else 0
                elif depth:
                    before = 0
                else:
                    before = 1
            elif depth:
                before = 1
            elif previous_def.depth and line.opens_block and line.first not in (
                "with", "try", "for", "while", "if", "match"
            ):
                before = 1
            else:
                before = 2
        if line.is_decorator or line.is_def or line.is_class:
            return self._before_class_or_def(line, previous, before, user_had_newline), 0
        if previous.is_import and not line.is_import and depth == previous.depth:
            return (1 if depth == 0 else (before or 1)), 0
        return before, 0

    def _before_class_or_def(
        self, line: Statement, previous: Statement, before: int, user_had_newline: bool
    ) -> int:
        if previous.is_decorator:
            return 0
        if previous.depth < line.depth and (previous.is_class or previous.is_def):
            return 0 if self.is_pyi else (1 if user_had_newline else 0)
        if not self.is_pyi:
            if previous.is_stub_def and not user_had_newline:
                return 0
            return 1 if line.depth else 2
        if line.is_class or previous.is_class:
            if previous.depth < line.depth:
                return 0
            if previous.depth > line.depth:
                return 1
            if line.is_stub_class and previous.is_stub_class:
                return 0
            return 1
        if previous.depth > line.depth:
            return 1
        if (line.is_def or line.is_decorator) and not previous.is_def:
            return min(1, before) if line.depth else 1
        return 0
