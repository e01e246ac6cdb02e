"""Tokens of one logical line and the spacing black puts between them, for the Python subset we emit."""

from __future__ import annotations

import re
from typing import Optional, Union

from .reference import Unsure

OPENING = {"(": ")", "[": "]", "{": "}"}
CLOSING = {")": "(", "]": "[", "}": "{"}
KEYWORDS = frozenset(
    "and as assert async await class def del elif else except for from global if import in is "
    "lambda nonlocal not or pass raise return try while with yield".split()
)

_TOKEN = re.compile(
    r"""
    (?P<space>[ ]+)
    |(?P<name>[A-Za-z_][A-Za-z0-9_]*)
    |(?P<number>[0-9]+(?:\.[0-9]+)?(?![A-Za-z0-9_.]))
    |(?P<string>"[^"\\\n]*"(?![A-Za-z0-9_"'])|'[^'\\\n]*'(?![A-Za-z0-9_"']))
    |(?P<op>\.\.\.|->|\*\*|>=|<=|==|!=|[()\[\]{},:=.*@|<>-])
    """,
    re.VERBOSE,
)


class Token:
    """One leaf: its text, the space black puts before it, and its bracket links."""

    __slots__ = ("kind", "value", "prefix", "depth", "match", "invisible", "comments")

    def __init__(self, kind: str, value: str) -> None:
        self.kind = kind
        self.value = value
        self.prefix = ""
        self.depth = 0  # bracket depth inside the logical line (an opening bracket has the outer one)
        self.match: Optional[Token] = None
        self.invisible = False
        self.comments: list[str] = []  # trailing comments black keeps after this token's line

    @property
    def text(self) -> str:
        return "" if self.invisible else self.value

    def __repr__(self) -> str:
        return f"Token({self.value!r})"


def invisible(value: str) -> Token:
    token = Token("op", value)
    token.invisible = True
    return token


COMMENT = re.compile(r"# \S(?:.*\S)?")


def tokenize(source: str) -> tuple[list[Token], str]:
    """Tokens of one physical line and its trailing comment ("" if none); text outside the subset is Unsure."""
    tokens: list[Token] = []
    position, end = 0, len(source)
    comment = ""
    hash_at = source.find("#")
    if hash_at >= 0 and '"' not in source and "'" not in source:
        comment = source[hash_at:]
        if not (COMMENT.fullmatch(comment) and comment.isascii()):
            raise Unsure("a comment black would rewrite")
        end = hash_at
    while position < end:
        found = _TOKEN.match(source, position)
        if found is None:
            raise Unsure(f"unexpected text {source[position:position + 10]!r}")
        kind = found.lastgroup
        assert kind is not None
        if kind == "string" and tokens and tokens[-1].kind == "name" and source[position - 1] != " ":
            raise Unsure("string prefix")
        if kind != "space":
            text = found.group()
            if text[0] == "'" and '"' not in text:
                text = f'"{text[1:-1]}"'  # black prefers double quotes when that needs no escapes
            tokens.append(Token(kind, text))
        position = found.end()
    return tokens, comment


def link(tokens: list[Token]) -> None:
    """Set bracket depths and matching pairs; unbalanced brackets are Unsure."""
    stack: list[Token] = []
    for token in tokens:
        value = token.value
        if value in OPENING:
            token.depth = len(stack)
            stack.append(token)
        elif value in CLOSING:
            if not stack or stack[-1].value != CLOSING[value]:
                raise Unsure("unbalanced brackets")
            opening = stack.pop()
            opening.match, token.match = token, opening
            token.depth = len(stack)
        else:
            token.depth = len(stack)
    if stack:
        raise Unsure("unclosed bracket")


def space(tokens: list[Token], is_def: bool) -> None:
    """Give every token the whitespace black writes before it."""
    # per open bracket: [its character, has the current parameter an annotation, is it a def's parameters]
    brackets: list[list[Union[str, bool]]] = []
    previous: Optional[Token] = None
    before_previous: Optional[Token] = None
    for token in tokens:
        value, kind = token.value, token.kind
        token.prefix = " "
        if previous is None:
            token.prefix = ""
        elif value in CLOSING or value in (",", ":"):
            token.prefix = ""
        elif previous.value in OPENING or previous.value == "@":
            token.prefix = ""
        elif value in OPENING:
            if (previous.kind == "name" and previous.value not in KEYWORDS) or previous.value in CLOSING:
                token.prefix = ""
        elif value == ".":
            if previous.value not in ("from", "import"):
                token.prefix = ""
        elif previous.value == "." and value != "import":
            token.prefix = ""
        elif previous.value in ("*", "**") and _unary(before_previous):
            token.prefix = ""
        elif previous.value == "=" and brackets and not brackets[-1][1]:
            token.prefix = ""
        elif previous.value == "-" and _unary(before_previous):
            token.prefix = ""
        if value == "=" and brackets:
            if brackets[-1][0] != "(":
                raise Unsure("'=' inside a subscript or display")
            if not brackets[-1][1]:
                token.prefix = ""
        elif value in ("*", "**") and not _unary(previous):
            raise Unsure("binary '*'")
        elif value == "-" and not _unary(previous):
            raise Unsure("binary '-'")
        elif value == ":" and brackets and brackets[-1][0] == "[":
            raise Unsure("slice")
        if value in OPENING:
            brackets.append([value, False, is_def and not brackets and value == "("])
        elif value in CLOSING:
            brackets.pop()
        elif brackets and brackets[-1][2]:
            if value == ",":
                brackets[-1][1] = False
            elif value == ":":
                brackets[-1][1] = True
        before_previous, previous = previous, token


def _unary(previous: Optional[Token]) -> bool:
    return previous is None or previous.value in ("(", ",", "[", "=", "->", ":", "return")


def render(tokens: list[Token]) -> str:
    """The tokens on one line: the first without its leading space."""
    parts: list[str] = []
    for token in tokens:
        if parts:
            parts.append(token.prefix)
        if token.text:
            parts.append(token.text)
        elif not parts:
            continue
    return "".join(parts)
