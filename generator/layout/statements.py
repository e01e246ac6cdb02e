"""A file's statements: cut the text into statements, lay each out, and put black's empty lines between.

A statement outside the known shapes is handed to black on its own (wrapped at its depth); a file
whose structure cannot be followed (comments, tabs, backslashes outside docstrings, stub bodies that
black would join onto their header) raises Unsure.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from .blank import EmptyLines, Statement
from .reference import LINE_LENGTH, Unsure, black_format
from .split import Line, layout_line
from .tokens import COMMENT, Token, invisible, link, space, tokenize

_ATOM = r'(?:[A-Za-z_][A-Za-z0-9_]*|"[^"\\\n]*")'
_TYPE = rf"{_ATOM}(?:(?:\[|, |\]+, ){_ATOM})*\]*"
# the common short statements, already written the way black writes them: `Name: Type`, `Name = Type`
_CANONICAL = re.compile(rf"(?: {{4}})*([A-Za-z_][A-Za-z0-9_]*)(?:: | = ){_TYPE}")
# `class Name(Base[Type]):` and `@decorator`, also already as black writes them
_CANONICAL_HEADER = re.compile(rf"(?: {{4}})*(?:class [A-Za-z_][A-Za-z0-9_]*\({_TYPE}(?:, {_TYPE})*\):|@[A-Za-z_]\w*)")
_BLOCK_KEYWORDS = frozenset({"if", "elif", "else"})
_DOCSTRING_BREAK = re.compile(r"\r\n|[\r\n]")


# one-line statements laid out without black, by the line as rendered: a service's .py and .pyi share most
Laid = dict[str, tuple[list[str], Statement]]
# long ones, kept for the whole process: every package has the same ServiceName Literal, many the same regions
_LONG = 400
_LONG_KEPT = 256
_long_laid: Laid = {}


def layout_source(text: str, is_pyi: bool, laid: Optional[Laid] = None) -> str:
    """`text` as black would write it. `laid`: statements laid out before, for files that repeat them."""
    physical = text.split("\n")
    if physical and physical[-1] == "":
        physical.pop()
    blocks: list[list[str]] = []
    empty = EmptyLines(is_pyi)
    previous: Optional[Statement] = None
    index, user_blank = 0, 0
    while index < len(physical):
        raw = physical[index]
        content = raw.lstrip(" ")
        if not content:
            user_blank += 1
            index += 1
            continue
        indent = len(raw) - len(content)
        depth = indent // 4
        _check_depth(indent, previous)
        if content.startswith("#"):
            lines = [raw]
            statement = Statement(depth, user_blank, "#", False)
            if not (COMMENT.fullmatch(content) and content.isascii()) or _next_indent(physical, index) != indent:
                raise Unsure("a comment black may move or rewrite")
            index += 1
        elif content.startswith('"""'):
            end = _docstring_end(physical, index)
            first_in_block = previous is None or (previous.opens_block and depth == previous.depth + 1)
            if first_in_block:
                lines = _docstring(physical[index : end + 1], depth, is_pyi)
                statement = Statement(depth, user_blank, '"""', False, is_docstring=True)
            elif end == index and _plain_string(content):
                # a string after a definition (what a deprecated alias says) is an expression to black, and
                # one it leaves as it is, however long: a string is not split
                lines = [raw]
                statement = Statement(depth, user_blank, '"""', False)
            else:
                raise Unsure("a triple-quoted string that is not a docstring")
            index = end + 1
        elif len(raw) <= LINE_LENGTH and raw.isascii() and _CANONICAL.fullmatch(raw) and _balanced(content):
            lines = [raw]
            statement = Statement(depth, user_blank, content[: content.find(" ")].rstrip(":"), False)
            index += 1
        elif len(raw) <= LINE_LENGTH and raw.isascii() and _CANONICAL_HEADER.fullmatch(raw) and _balanced(content):
            lines = [raw]
            is_class = content.startswith("class ")
            statement = Statement(depth, user_blank, "class" if is_class else "@", is_class)
            index += 1
        elif laid is not None and (raw in laid or raw in _long_laid):
            lines, known = laid[raw] if raw in laid else _long_laid[raw]
            statement = replace(known, before=user_blank)
            index += 1
        else:
            end, tokens = _gather(physical, index)
            lines, statement, by_black = _statement(physical[index : end + 1], tokens, depth, is_pyi)
            # black's own layout may differ between .py and .pyi: only ours, which does not, is reused
            if laid is not None and end == index and not by_black:
                known = (lines, replace(statement))
                laid[raw] = known
                if len(raw) >= _LONG:
                    if len(_long_laid) >= _LONG_KEPT:
                        _long_laid.clear()
                    _long_laid[raw] = known
            statement.before = user_blank
            index = end + 1
        if statement.first == "..." and previous is not None and previous.opens_block:
            if depth == previous.depth + 1:
                raise Unsure("a stub body black would join onto its header")
        empty.before(statement)
        blocks.append(lines)
        previous, user_blank = statement, 0
    if previous is not None and previous.is_comment:
        raise Unsure("a comment at the end of the file")
    out = [line for blank, lines in zip(empty.blanks, blocks) for line in [""] * blank + lines]
    return "\n".join(out) + "\n" if out else ""


def _plain_string(content: str) -> bool:
    """A one-line triple-quoted string black would not touch: printable ASCII, no backslash, no inner quote."""
    body = content[3:-3]
    return (
        content.endswith('"""') and body.isascii() and body.isprintable() and "\\" not in body and '"' not in body
    )


def _next_indent(physical: list[str], index: int) -> int:
    """Indentation of the next non-empty line (-1 at the end): a comment must sit at its statement's depth."""
    for line in physical[index + 1 :]:
        content = line.lstrip(" ")
        if content:
            return len(line) - len(content)
    return -1


def _check_depth(indent: int, previous: Optional[Statement]) -> None:
    depth = indent // 4
    if indent % 4:
        raise Unsure("indentation that is not a multiple of four spaces")
    if previous is None:
        if depth:
            raise Unsure("an indented first statement")
    elif previous.opens_block != (depth == previous.depth + 1) or depth > previous.depth + 1:
        raise Unsure("a block structure the layout pass does not follow")


def _balanced(content: str) -> bool:
    return content.count("[") == content.count("]")


def _docstring_end(physical: list[str], start: int) -> int:
    first = physical[start].lstrip(" ")
    if len(first) >= 6 and first.endswith('"""') and first.count('"""') == 2:
        return start
    if first.count('"""') != 1:
        raise Unsure("a docstring the layout pass cannot delimit")
    for index in range(start + 1, len(physical)):
        count = physical[index].count('"""')
        if count:
            if count != 1 or not physical[index].endswith('"""'):
                raise Unsure("a docstring the layout pass cannot delimit")
            return index
    raise Unsure("an unterminated docstring")


def _docstring(lines: list[str], depth: int, is_pyi: bool) -> list[str]:
    """Black's docstring handling: re-indent, strip trailing spaces, pad quotes; backslashes go to black."""
    source = "\n".join(lines)
    body = source.lstrip(" ")[3:-3]
    if "\\" in body or not body.replace("\n", "").isprintable():
        return _black_statement(lines, depth, False, is_pyi, docstring=True)
    indent = "    " * depth
    started_empty = not body
    if "\n" in body:
        body = _fix_indentation(body, indent)
    else:
        body = body.strip()
    if body:
        if body[0] == '"':
            body = " " + body
        if body[-1] == '"':
            body += " "
    elif not started_empty:
        body = " "
    last = body.splitlines()[-1] if body and not body.endswith("\n") else ""
    if len(body.splitlines()) > 1 and len(last) + 3 > LINE_LENGTH and len(indent) + 3 <= LINE_LENGTH:
        text = f'"""{body}"""' if source[-4] == "\n" else f'"""{body}\n{indent}"""'
    else:
        text = f'"""{body}"""'
    return (indent + text).split("\n")


def _fix_indentation(body: str, indent: str) -> str:
    lines = _DOCSTRING_BREAK.split(body)
    margins = [len(line) - len(line.lstrip()) for line in lines[1:] if line.lstrip()]
    trimmed = [lines[0].strip()]
    if margins:
        margin = min(margins)
        last = len(lines) - 2
        for number, line in enumerate(lines[1:]):
            rest = line[margin:].rstrip()
            trimmed.append(indent + rest if rest or number == last else "")
    return "\n".join(trimmed)


def _gather(physical: list[str], start: int) -> tuple[int, list[Token]]:
    """The physical lines of one statement (brackets may span lines) and its tokens."""
    tokens: list[Token] = []
    balance = 0
    for index in range(start, len(physical)):
        line_tokens, comment = tokenize(physical[index].strip(" "))
        if comment:
            owner = line_tokens[-1] if line_tokens else (tokens[-1] if tokens else None)
            if owner is None:
                raise Unsure("a comment on a line of its own")
            owner.comments.append(comment)
        for token in line_tokens:
            if token.value in "([{" and token.kind == "op":
                balance += 1
            elif token.value in ")]}" and token.kind == "op":
                balance -= 1
        tokens.extend(line_tokens)
        if balance <= 0:
            return index, tokens
    raise Unsure("unclosed bracket at the end of the file")


def _statement(
    lines: list[str], tokens: list[Token], depth: int, is_pyi: bool
) -> tuple[list[str], Statement, bool]:
    """The statement's lines, what the empty lines around it depend on, and whether black laid it out."""
    # `async def` lays out as a def does
    first = "def" if _is_async_def(tokens) else tokens[0].value
    opens_block = tokens[-1].value == ":"
    stub = len(tokens) > 2 and tokens[-1].value == "..." and tokens[-2].value == ":"
    statement = Statement(
        depth, 0, first, opens_block,
        is_stub_class=first == "class" and stub,
        is_stub_def=first == "def" and stub,
    )
    try:
        tokens = _with_optional_parentheses(tokens)
        link(tokens)
        space(tokens, first == "def")
        line = Line(tokens, depth, is_import=first in ("from", "import"), one_line=len(lines) == 1)
        if not line.text.isascii():
            text = line.text
            if len(text) + sum(1 for character in text if not character.isascii()) > LINE_LENGTH:
                raise Unsure("a long line with wide characters")
        if first in _BLOCK_KEYWORDS or first in ("...", "pass", "@", "import"):
            if len(line.text) > LINE_LENGTH:
                raise Unsure(f"a long {first!r} statement")
        return layout_line(line), statement, False
    except Unsure:
        if first == "@":
            raise
        return _black_statement(lines, depth, opens_block, is_pyi), statement, True


def _with_optional_parentheses(tokens: list[Token]) -> list[Token]:
    """Black's invisible parentheses: around an assigned value, an annotation, imported names."""
    first = tokens[0]
    depth = _depths(tokens)
    if _is_async_def(tokens):
        return _with_return_parentheses(tokens, depth)
    if first.value == "from":
        at = next((i for i, token in enumerate(tokens) if token.value == "import" and depth[i] == 0), None)
        if at is None or at + 1 >= len(tokens):
            raise Unsure("an import the layout pass does not read")
        names = tokens[at + 1 :]
        if names[0].value == "(":
            names[0].invisible = names[-1].invisible = True
            return tokens
        if names[0].value == "*":
            return tokens
        return [*tokens[: at + 1], invisible("("), *names, invisible(")")]
    if first.value in ("def", "class", "@", "import", "...", "pass") or first.value in _BLOCK_KEYWORDS:
        if first.value == "class" and len(tokens) > 3 and tokens[2].value == "(" and tokens[3].value == ")":
            raise Unsure("empty class parentheses black drops")
        if first.value in ("if", "elif") and tokens[1].value == "(" and _closes_at_end(tokens[1:-1]):
            raise Unsure("parentheses black drops")
        if first.value == "def":
            return _with_return_parentheses(tokens, depth)
        return tokens
    if first.kind != "name" or len(tokens) < 3 or tokens[1].value not in ("=", ":"):
        raise Unsure("a statement the layout pass does not know")
    if any(token.value in ("=", ":") and depth[i] == 0 for i, token in enumerate(tokens[2:], 2)):
        raise Unsure("a chained assignment or an annotated assignment")
    value = tokens[2:]
    if value[0].value == "(" and _closes_at_end(value):
        commas = sum(1 for i, token in enumerate(value, 2) if token.value == "," and depth[i] == 1)
        if commas and tokens[1].value == "=":
            return tokens  # a tuple keeps its parentheses
        if commas or len(value) < 3:
            raise Unsure("parentheses the layout pass does not read")
        value[0].invisible = value[-1].invisible = True  # redundant parentheses: black hides them
        return tokens
    return [*tokens[:2], invisible("("), *value, invisible(")")]


def _is_async_def(tokens: list[Token]) -> bool:
    return len(tokens) > 1 and tokens[0].value == "async" and tokens[1].value == "def"


def _with_return_parentheses(tokens: list[Token], depth: list[int]) -> list[Token]:
    """Black wraps a def's return annotation in invisible parentheses."""
    arrow = next((i for i, token in enumerate(tokens) if token.value == "->" and depth[i] == 0), None)
    if arrow is None:
        return tokens
    end = next((i for i in range(arrow + 1, len(tokens)) if tokens[i].value == ":" and depth[i] == 0), None)
    if end is None or end == arrow + 1 or tokens[arrow + 1].value == "(":
        raise Unsure("a return annotation the layout pass does not read")
    opening, closing = invisible("("), invisible(")")
    opening.kind = closing.kind = "return"
    return [*tokens[: arrow + 1], opening, *tokens[arrow + 1 : end], closing, *tokens[end:]]


def _depths(tokens: list[Token]) -> list[int]:
    depths, depth = [], 0
    for token in tokens:
        if token.kind == "op" and token.value in ")]}":
            depth -= 1
        depths.append(depth)
        if token.kind == "op" and token.value in "([{":
            depth += 1
    return depths


def _closes_at_end(value: list[Token]) -> bool:
    depth = 0
    for index, token in enumerate(value):
        if token.value in "([{":
            depth += 1
        elif token.value in ")]}":
            depth -= 1
            if depth == 0:
                return index == len(value) - 1
    return False


def _black_statement(
    lines: list[str], depth: int, opens_block: bool, is_pyi: bool, docstring: bool = False
) -> list[str]:
    """One statement formatted by black, wrapped in blocks so it sits at its depth."""
    wrappers = [f"{'    ' * level}class _:" for level in range(depth - (1 if docstring else 0))]
    if docstring and depth:
        wrappers.append(f"{'    ' * (depth - 1)}def _(self):")
    snippet = [*wrappers, *lines]
    if opens_block:
        snippet.append(f"{'    ' * (depth + 1)}x = 1")
    formatted = _black("\n".join(snippet) + "\n", is_pyi).split("\n")[:-1]
    result = formatted[len(wrappers) :]
    if opens_block:
        result = result[:-1]
    return result if docstring else [line for line in result if line]


def _black(source: str, is_pyi: bool) -> str:
    return black_format(source, is_pyi)
