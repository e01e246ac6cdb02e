"""Splitting one logical line the way black does: right-hand, delimiter and (for defs) left-hand splits.

Only the shapes our templates produce are split here; anything else raises Unsure and black decides.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .reference import LINE_LENGTH, Unsure
from .tokens import CLOSING, KEYWORDS, OPENING, Token, render


class CannotSplit(Exception):
    """This transform does not apply; black would try the next one."""


@dataclass
class Line:
    """One line being split: its tokens, its indent, and what black knows of the statement it came from."""

    tokens: list[Token]
    depth: int
    inside_brackets: bool = False
    is_import: bool = False
    should_split: bool = False  # black's should_split_rhs: a comma body that must explode
    one_line: bool = False  # the statement was one line in the source (black keeps type-ignored lines)
    is_def: bool = field(init=False)

    def __post_init__(self) -> None:
        starts = [token.value for token in self.tokens[:2]]
        self.is_def = starts[:1] == ["def"] or starts == ["async", "def"]

    @property
    def text(self) -> str:
        comments = "".join(f"  {comment}" for token in self.tokens for comment in token.comments)
        return "    " * self.depth + render(self.tokens) + comments

    @property
    def base(self) -> int:
        return min(token.depth for token in self.tokens)


def layout_line(line: Line) -> list[str]:
    """The physical lines black writes for `line`."""
    text = line.text
    if not line.should_split and not _magic_trailing_comma(line):
        if len(text) <= LINE_LENGTH or _unsplittable_type_ignore(line):
            return [text]
    if any(token.comments and (token.invisible or token.value not in OPENING) for token in line.tokens):
        raise Unsure("a comment black would move while splitting")
    transforms = [_left_hand_split] if line.is_def else [_delimiter_split, _right_hand_split]
    if not line.is_def and not line.inside_brackets:
        transforms = [_right_hand_split]
    for transform in transforms:
        try:
            parts = transform(line)
        except CannotSplit:
            continue
        if len(parts) == 1 and parts[0].text == text:
            continue
        return [physical for part in parts for physical in layout_line(part)]
    if _magic_trailing_comma(line) or line.should_split:
        raise Unsure("an exploding line that no split applies to")
    return [text]


def _unsplittable_type_ignore(line: Line) -> bool:
    """Black leaves a long one-source-line statement alone when its last tokens carry `# type: ignore`."""
    return line.one_line and any(
        comment.startswith("# type: ignore") for token in line.tokens[-2:] for comment in token.comments
    )


def _is_trailer(opening: Token, tokens: list[Token]) -> bool:
    """A call or subscript (`f(`, `x[`), not a display (`(`, `[` after an operator)."""
    index = _index(tokens, opening)
    if index == 0:
        return False
    before = tokens[index - 1]
    return (before.kind == "name" and before.value not in KEYWORDS) or before.value in CLOSING


def _index(tokens: list[Token], target: Token) -> int:
    for index, token in enumerate(tokens):
        if token is target:
            return index
    raise Unsure("bracket outside its line")


def _magic_trailing_comma(line: Line) -> bool:
    return bool(_magic_closings(line))


def _magic_closings(line: Line) -> list[Token]:
    """Closing brackets after a trailing comma that black keeps exploded (not a one-tuple or x[a,])."""
    tokens = line.tokens
    found: list[Token] = []
    for index in range(1, len(tokens)):
        closing = tokens[index]
        if closing.value not in CLOSING or tokens[index - 1].value != ",":
            continue
        opening = closing.match
        if opening is None or not any(token is opening for token in tokens):
            continue
        inner = opening.depth + 1
        start = _index(tokens, opening)
        commas = sum(1 for token in tokens[start + 1 : index] if token.value == "," and token.depth == inner)
        trailer = _is_trailer(opening, tokens)
        if closing.value == "}":
            found.append(closing)
        elif closing.value == "]":
            if not (trailer and commas < 2):
                found.append(closing)
        elif line.is_import or trailer or line.is_def or commas >= 2:
            found.append(closing)
    return found


def _comma_count(tokens: list[Token], depth: int) -> int:
    return sum(1 for token in tokens if token.value == "," and token.depth == depth)


def _check_delimiters(tokens: list[Token], depth: int) -> None:
    """Black splits at the strongest delimiter; we only know commas."""
    for index, token in enumerate(tokens):
        if token.depth != depth or token.value in OPENING or token.value in CLOSING:
            continue
        if token.value in ("|", "<", ">", ">=", "<=", "==", "!=", ".") or (
            token.kind == "name" and token.value in KEYWORDS
        ):
            raise Unsure(f"delimiter {token.value!r}")
        if token.kind == "string" and index and tokens[index - 1].kind == "string":
            raise Unsure("implicit string concatenation")


def _delimiter_split(line: Line) -> list[Line]:
    tokens = line.tokens
    depth = line.base
    body = tokens[:-1]
    _check_delimiters(tokens, depth)
    if not any(token.value == "," and token.depth == depth for token in body):
        raise CannotSplit("no delimiters")
    parts: list[Line] = []
    current: list[Token] = []
    for token in tokens:
        current.append(token)
        if token.value == "," and token.depth == depth:
            parts.append(Line(current, line.depth, inside_brackets=line.inside_brackets, one_line=line.one_line))
            current = []
    if current:
        if current[-1].value != ",":
            current.append(_comma(depth))
        parts.append(Line(current, line.depth, inside_brackets=line.inside_brackets, one_line=line.one_line))
    return parts


def _comma(depth: int) -> Token:
    comma = Token("op", ",")
    comma.depth = depth
    return comma


def _first_right_hand_split(tokens: list[Token], omit: frozenset[int]) -> tuple[int, int]:
    """Indexes of the opening and closing bracket black splits at, scanning from the end."""
    index = len(tokens) - 1
    while index >= 0:
        token = tokens[index]
        if token.value in CLOSING and id(token) not in omit:
            if token.match is None or not any(other is token.match for other in tokens):
                raise CannotSplit("the bracket opens on another line")
            opening = _index(tokens, token.match)
            if opening == index - 1:  # an empty pair stays in the tail
                index = opening - 1
                continue
            return opening, index
        index -= 1
    raise CannotSplit("no brackets")


def _right_hand_split(line: Line) -> list[Line]:
    tokens = line.tokens
    opening, closing = _first_right_hand_split(tokens, frozenset())
    if tokens[closing].invisible and not line.is_import:
        body = tokens[opening + 1 : closing]
        if _is_trailer_chain(body):
            opening, closing = _first_right_hand_split(tokens, frozenset({id(tokens[closing])}))
            head = Line(tokens[: opening + 1], line.depth)
            if len(head.text) > LINE_LENGTH:
                raise Unsure("head too long after omitting optional parentheses")
        elif len(body) == 1 and body[0].kind in ("name", "string", "number") and tokens[closing].kind != "return":
            if len("    " * (line.depth + 1) + body[0].value) > LINE_LENGTH:
                raise CannotSplit("an atom that does not fit anyway")
        else:
            raise Unsure("optional parentheses around a complex expression")
    inside = {id(token) for token in tokens[opening + 1 : closing]}
    if any(id(magic) not in inside and magic is not tokens[closing] for magic in _magic_closings(line)):
        raise Unsure("a magic trailing comma outside the bracket black splits at")
    return _bracket_split(line, opening, closing)


def _is_trailer_chain(body: list[Token]) -> bool:
    """`Name[...]`, `Name(...)` (a name and one trailer) or a `[...]`/`{...}` display."""
    if len(body) >= 2 and body[0].value in "[{" and body[-1].match is body[0]:
        return True
    if len(body) < 3 or body[-1].value not in CLOSING or body[-1].match is not body[1]:
        return False
    return body[0].kind == "name" and body[0].value not in KEYWORDS


def _bracket_split(line: Line, opening: int, closing: int) -> list[Line]:
    tokens = line.tokens
    for index in (opening, closing):
        tokens[index].invisible = False
    head = Line(tokens[: opening + 1], line.depth, one_line=line.one_line)
    body_tokens = list(tokens[opening + 1 : closing])
    tail = Line(tokens[closing:], line.depth, one_line=line.one_line)
    depth = tokens[opening].depth + 1
    if line.is_import or (line.is_def and tokens[opening].value == "(" and not _comma_count(body_tokens, depth)):
        if line.is_def and any(token.value == "," for token in body_tokens):
            if any(token.value == "=" for token in body_tokens):
                raise Unsure("a lone parameter whose default has commas")
        if body_tokens[-1].value != ",":
            body_tokens.append(_comma(depth))
    body = Line(body_tokens, line.depth + 1, inside_brackets=True, one_line=line.one_line)
    trailing = body_tokens[-1].value == ","
    commas = _comma_count(body_tokens[:-1] if trailing else body_tokens, depth)
    is_atom = not line.is_def and not _is_trailer(tokens[opening], tokens)
    body.should_split = bool(commas) and (trailing or is_atom or line.is_import)
    return [part for part in (head, body, tail) if part.tokens]


def _left_hand_split(line: Line) -> list[Line]:
    tokens = line.tokens
    if len(tokens) > 2 and tokens[2].value == "[":
        raise Unsure("type parameters")
    opening = next((index for index, token in enumerate(tokens) if token.value == "("), None)
    if opening is None or tokens[opening].match is None:
        raise CannotSplit("no parameters")
    match = tokens[opening].match
    if match is None or not any(token is match for token in tokens):
        raise CannotSplit("the parameters close on another line")
    closing = _index(tokens, match)
    if closing == opening + 1:
        raise Unsure("a long def without parameters")
    return _bracket_split(line, opening, closing)
