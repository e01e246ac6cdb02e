"""Definition order: every definition after the ones it uses (cycles of recursive shapes broken)."""

from __future__ import annotations

from typing import Sequence

from .defs import AliasDef, TypeDef
from .types import Module


def dependency_order(definitions: Sequence[TypeDef]) -> tuple[TypeDef, ...]:
    """Level by level; within a level: aliases, then definitions others use, then the rest, by name."""
    by_name = {definition.name: definition for definition in definitions}
    uses = {
        definition.name: sorted(
            {
                ref.name
                for expr in definition.type_exprs()
                for ref in expr.refs()
                if ref.module is Module.TYPE_DEFS and ref.name in by_name and ref.name != definition.name
            }
        )
        for definition in definitions
    }
    used = {name for names in uses.values() for name in names}
    levels: dict[str, int] = {}
    visiting: set[str] = set()

    def level(name: str) -> int:
        if name in levels:
            return levels[name]
        visiting.add(name)
        # an edge back into the current path is a cycle: the forward reference is fine in a stub
        depth = max((level(dep) + 1 for dep in uses[name] if dep not in visiting), default=0)
        visiting.discard(name)
        levels[name] = depth
        return depth

    for name in sorted(by_name):
        level(name)
    return tuple(
        sorted(
            definitions,
            key=lambda item: (
                levels[item.name],
                not isinstance(item, AliasDef),
                item.name not in used,
                item.name,
            ),
        )
    )
