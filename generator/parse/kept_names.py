"""Names a previous generation exported that this one drops only because of its naming rules, kept as
deprecated aliases of their successors (`generate --keep-names-from OLD`).

A name of OLD's `type_defs` that this generation does not write is kept when the shape it is named after (its
stem, or its stem less a suffix the naming rules add) still has a TypedDict here: botocore kept the shape and
only our rules moved the name (`FooOutputTypeDef` once Foo's input and output are alike, `FooExtraTypeDef` once
nothing collides with `FooOutputTypeDef`). Its successor is the TypedDict of that shape with the same keys,
else the one its suffix's direction names, else the only one; a suffixed TypedDict needs one with its keys
(without OLD's model, its keys are what tells `XOutputTypeDef` of shape X from one of a shape `XOutput`). A
structure botocore still has that no operation reaches any more (ec2's `BlobAttributeValue` after 1.40) keeps
its TypedDict, marked deprecated, where keeping it moves no other name (`previous_structures`). A name whose
shape has no TypedDict here all the same (botocore removed the shape) stays removed, and `diff` reports it.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Optional

from ..diff.facts import TypedDictFact
from ..diff.reader import NotAGenerationError, PackageFiles
from ..errors import GeneratorError
from ..ir.defs import AliasDef, Direction, TypedDictDef
from ..ir.family import Family
from ..ir.order import dependency_order
from ..ir.package import ServicePackage
from .naming import ADDED_SUFFIXES, definition_stem, variant_stem

# the direction a suffix names; a union's successor is the TypedDict users build (its input member)
_DIRECTIONS = {
    "Output": Direction.OUTPUT,
    "Response": Direction.OUTPUT,
    "Result": Direction.OUTPUT,
    "Input": Direction.INPUT,
    "Union": Direction.INPUT,
    "UnionExtra": Direction.INPUT,
}

# a previous name: its keys when it was a TypedDict, None when it was an alias (a union, or a former name)
Previous = dict[str, Optional[frozenset[str]]]


class PreviousGenerationError(GeneratorError):
    """--keep-names-from names no folder, or one whose type_defs cannot be read."""

    exit_code = 2


def previous_names(folder: Path, service: str, family: Family) -> Previous:
    """The type_defs names of the service's package in the generation `folder` ({} when it has none)."""
    found = folder / family.distribution(service) / family.module(service)
    if not (found / "type_defs.pyi").is_file():
        return {}
    try:
        definitions = PackageFiles.load(found).definitions("type_defs")
    except NotAGenerationError as error:
        raise PreviousGenerationError(str(error)) from None
    return {name.name: frozenset(d.keys) if isinstance(d, TypedDictFact) else None for name, d in definitions.items()}


def previous_structures(previous: Previous) -> dict[str, Direction]:
    """The structures OLD's TypedDicts may be named after, each with the side its name gives (`XOutput`:
    output, else input); the shape converter keeps those no operation reaches any more (parse/shapes.py)."""
    found: dict[str, Direction] = {}
    for name in sorted(name for name, keys in previous.items() if keys is not None and name.endswith("TypeDef")):
        stem = name.removesuffix("TypeDef")
        found.setdefault(stem, Direction.INPUT)
        if stem.endswith("Output") and stem != "Output":
            found.setdefault(stem.removesuffix("Output"), Direction.OUTPUT)
    return found


def keep_names(package: ServicePackage, previous: Previous) -> ServicePackage:
    """`package` with every name of `previous` our rules alone dropped, as a deprecated alias."""
    current = {definition.name for definition in package.type_defs}
    shapes: dict[str, list[TypedDictDef]] = {}
    for definition in package.type_defs:
        if isinstance(definition, TypedDictDef) and definition.shape_name:
            for stem in sorted({definition_stem(definition.shape_name), variant_stem(definition.shape_name)}):
                shapes.setdefault(stem, []).append(definition)
    kept = []
    for name in sorted(set(previous) - current):
        successor = _successor(name, previous[name], shapes)
        if successor is not None:
            kept.append(AliasDef(name, successor.ref, deprecated=True))
    if not kept:
        return package
    return replace(package, type_defs=dependency_order([*package.type_defs, *kept]))


def _successor(
    name: str, keys: Optional[frozenset[str]], shapes: dict[str, list[TypedDictDef]]
) -> Optional[TypedDictDef]:
    if not name.endswith("TypeDef"):
        return None
    stem = name.removesuffix("TypeDef")
    tries = [(stem, "")] + [(stem.removesuffix(s), s) for s in ADDED_SUFFIXES if stem.endswith(s) and stem != s]
    for shape_stem, suffix in tries:
        candidates = sorted(shapes.get(shape_stem, ()), key=lambda definition: definition.name)
        if candidates and suffix and keys is not None:
            # OLD's TypedDict may have been another shape's (`XOutput`, gone from botocore): only its keys tell
            return _pick([each for each in candidates if _keys(each) == keys], keys, _DIRECTIONS.get(suffix))
        if candidates:
            return _pick(candidates, keys, _DIRECTIONS.get(suffix))
    return None


def _keys(definition: TypedDictDef) -> frozenset[str]:
    return frozenset(item.name for item in definition.fields)


def _pick(
    candidates: list[TypedDictDef], keys: Optional[frozenset[str]], direction: Optional[Direction]
) -> Optional[TypedDictDef]:
    alike = [each for each in candidates if keys is not None and _keys(each) == keys]
    for found in (alike, candidates):
        if len(found) == 1:
            return found[0]
        directed = [each for each in found if each.direction is direction]
        if directed:
            return directed[0]
    return None
