"""Code blocks of the docs pages: lines with numbered `# (n)` notes, the links of those notes to the sections
that define each generated type, and a method's section (signature, notes, example, return type)."""

from __future__ import annotations

from typing import Optional

from ...ir.records import record
from ...ir.types import DefRef, Module, TypeExpr

_ICONS = {
    Module.TYPE_DEFS: "material-code-braces",
    Module.LITERALS: "material-code-brackets",
    Module.PAGINATOR: "material-layers-outline",
    Module.WAITER: "material-timer-sand",
    Module.SERVICE_RESOURCE: "material-cube-outline",
}
# the page each module's definitions are documented on
_PAGE_OF = {
    Module.TYPE_DEFS: "type_defs",
    Module.LITERALS: "literals",
    Module.PAGINATOR: "paginators",
    Module.WAITER: "waiters",
    Module.SERVICE_RESOURCE: "service_resource",
}


@record
class Link:
    """A link to a definition's section: `[:icon: Name](./page.md#anchor)`."""

    name: str
    icon: str
    href: str

    @classmethod
    def to(cls, ref: DefRef) -> Link:
        # mkdocs' toc anchors are the lowercased heading; every heading here is an identifier
        return cls(ref.name, _ICONS[ref.module], f"./{_PAGE_OF[ref.module]}.md#{ref.name.lower()}")

    @property
    def markdown(self) -> str:
        return f"[:{self.icon}: {self.name}]({self.href})"


def links(expr: TypeExpr) -> tuple[Link, ...]:
    """One link per generated definition the type mentions, first mention first."""
    seen: dict[str, Link] = {}
    for ref in expr.refs():
        if ref.module in _ICONS:
            seen.setdefault(ref.name, Link.to(ref))
    return tuple(seen.values())


@record
class Note:
    """A numbered annotation under a code block."""

    number: int
    links: tuple[Link, ...]


@record
class CodeLine:
    """A line of a code block, with the note number of the definitions it uses."""

    code: str
    note: Optional[Note] = None

    @property
    def text(self) -> str:
        return f"{self.code}  # ({self.note.number})" if self.note else self.code


class CodeBlock:
    """Lines of one code block; a line that uses generated types gets the next note number."""

    def __init__(self) -> None:
        self.lines: list[CodeLine] = []

    def add(self, code: str, expr: Optional[TypeExpr] = None) -> CodeBlock:
        found = links(expr) if expr is not None else ()
        number = sum(1 for line in self.lines if line.note) + 1
        self.lines.append(CodeLine(code, Note(number, found) if found else None))
        return self

    @property
    def notes(self) -> tuple[Note, ...]:
        return tuple(line.note for line in self.lines if line.note)


@record
class Returns:
    """What a method returns: the type as code, and links to its definitions."""

    code: str
    links: tuple[Link, ...]

    @property
    def markdown(self) -> str:
        """The return type's definitions as links, or the type as code when it is a builtin."""
        return ", ".join(link.markdown for link in self.links) or f"`{self.code}`"


@record
class MethodSection:
    """One method's section: summary, boto3 docs link, signature with notes, example, returns."""

    name: str
    summary: str
    doc_url: str
    signature: tuple[CodeLine, ...]
    notes: tuple[Note, ...]
    example: tuple[str, ...]
    returns: Returns
