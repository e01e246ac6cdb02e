"""Structures an earlier generation named that no operation reaches any more, kept where that moves no name
(`generate --keep-names-from`: ec2's `BlobAttributeValue` after botocore 1.40)."""

from __future__ import annotations

from typing import Callable, Mapping

from botocore.model import ServiceModel, Shape, StructureShape

from ..ir.defs import Direction
from .naming import ADDED_SUFFIXES, definition_stem, variant_stem
from .roles import Role
from .shape_traits import held_structure, is_document

# and `{Operation}Request`, a paginator's or waiter's request where the operation has no input shape
_TAKEN_SUFFIXES = (*ADDED_SUFFIXES, "Request")


def keep_unreached(
    model: ServiceModel,
    roles: Mapping[str, set[Role]],
    previous: Mapping[str, Direction],
    mark: Callable[[Shape, Role], None],
) -> frozenset[str]:
    """`mark` the structures of `previous` that no operation reaches but the model still has, each where its
    walk gives no marked structure a side it lacks (which could move that one's names); `roles` is what is
    marked so far, and grows as `mark` marks. The structures marked this way, nested ones included."""
    if not previous:
        return frozenset()
    spelt = {definition_stem(name): name for name in model.shape_names if name not in roles}
    # a kept structure's own name must not be one a reached structure's variant takes (`FooOutput` beside Foo)
    variants = {variant_stem(name) for name in roles}

    def claimable(name: str) -> bool:
        stem = definition_stem(name)
        return stem in previous and not any(
            stem.endswith(suffix) and stem.removesuffix(suffix) in variants for suffix in _TAKEN_SUFFIXES
        )

    kept: set[str] = set()
    for stem, direction in sorted(previous.items()):
        shape = model.shape_for(spelt[stem]) if stem in spelt else None
        role = Role.INPUT if direction is Direction.INPUT else Role.OUTPUT
        if isinstance(shape, StructureShape) and not is_document(shape) and shape.name not in roles:
            walked: dict[str, set[Role]] = {}
            _walk(shape, role, walked)
            # every structure it reaches is marked already with that side, or is one OLD named too
            if all(
                sides <= roles[name] if name in roles else claimable(name) for name, sides in walked.items()
            ):
                kept.update(name for name in walked if name not in roles)
                mark(shape, role)
    return frozenset(kept)


def _walk(shape: StructureShape, role: Role, walked: dict[str, set[Role]]) -> None:
    """The structures marking `shape` would reach, with their sides, marking nothing."""
    if is_document(shape) or role in walked.setdefault(shape.name, set()):
        return
    walked[shape.name].add(role)
    nested = Role.INPUT if role is Role.INPUT else Role.OUTPUT
    for member in shape.members.values():
        held = held_structure(member)
        if held is not None:
            _walk(held, nested, walked)
