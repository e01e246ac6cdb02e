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

    @property
    def is_comment(self) -> bool:
        return self.first == "#"


@dataclass
class _Comment:
    """A comment line that may still gain empty lines above it once the def it leads is seen."""

    index: int
    before: int
    above: Optional[Statement]  # the statement before the comment (None at the top of the file)
    above_after: int


class EmptyLines:
    """Walks the statements of one file in order and says how many empty lines go before each."""

    def __init__(self, is_pyi: bool) -> None:
        self.is_pyi = is_pyi
        self.previous: Optional[Statement] = None
        self.previous_after = 0
        self.previous_defs: list[Statement] = []
        self.module_docstring_above = False
        self.blanks: list[int] = []  # empty lines above each statement so far (a comment's may still grow)
        self.leading_comment: Optional[_Comment] = None

    def before(self, line: Statement) -> None:
        before, after = self._before(line)
        above = self.previous_after
        before = max(0, before - above)
        if self.module_docstring_above and not (line.is_class or line.is_def):
            before = 1
        previous = self.previous
        if line.is_comment:
            if previous is None or (
                not previous.is_decorator
                and (not previous.is_comment or before)
                and (self.leading_comment is None or before)
            ):
                self.leading_comment = _Comment(len(self.blanks), before, previous, above)
        elif not line.is_decorator or before:
            self.leading_comment = None
        self.module_docstring_above = previous is None and line.is_docstring and line.depth == 0
        self.previous = line
        self.previous_after = after
        self.blanks.append(above + before)

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
        comment = None
        if previous.is_comment and previous.depth == line.depth and before == 0:
            comment = self.leading_comment
            if (
                comment is None
                or comment.above is None
                or comment.above.is_class
                or comment.above.opens_block
                or comment.before > 1
            ):
                return 0
        newlines = self._class_or_def_newlines(line, previous, before, user_had_newline)
        if comment is not None:
            # black gives the comment the empty lines the def would have had
            grown = max(comment.before, newlines) - comment.above_after
            self.blanks[comment.index] = comment.above_after + max(0, grown)
            return 0
        return newlines

    def _class_or_def_newlines(
        self, line: Statement, previous: Statement, before: int, user_had_newline: bool
    ) -> int:
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
