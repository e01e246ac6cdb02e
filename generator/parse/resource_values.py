"""DynamoDB's high-level interface: on its resources boto3 turns AttributeValue into Python values and
accepts condition objects for expressions, so their actions take and return their own TypedDict variants."""

from __future__ import annotations

from typing import Optional

from botocore.model import ListShape, MapShape, Shape, StructureShape

from ..ir.defs import AliasDef, Direction, Field, TypeDef, TypedDictDef
from ..ir.types import (
    ANY,
    BOOL,
    BYTES,
    INT,
    NONE,
    STR,
    Builtin,
    DefRef,
    External,
    Subscript,
    TypeExpr,
    list_of,
    map_of,
    union,
)
from .shapes import ShapeConverter

_VALUE_SHAPE = "AttributeValue"
_CONDITION_SHAPES = frozenset({"ConditionExpression", "KeyExpression"})

_DECIMAL = External("decimal", "Decimal")
_BYTEARRAY = Builtin("bytearray")
_BINARY = External("boto3.dynamodb.types", "Binary")


def _set_of(item: TypeExpr) -> TypeExpr:
    return Subscript(Builtin("set"), (item,))


# what boto3.dynamodb.types' TypeSerializer accepts and TypeDeserializer returns (binary comes back as Binary)
TABLE_VALUE = AliasDef(
    "TableAttributeValueTypeDef",
    union(
        BYTES,
        _BYTEARRAY,
        _BINARY,
        STR,
        INT,
        _DECIMAL,
        BOOL,
        *(_set_of(item) for item in (INT, _DECIMAL, STR, BYTES, _BYTEARRAY, _BINARY)),
        list_of(True, ANY),
        map_of(True, STR, ANY),
        NONE,
    ),
)
CONDITION = AliasDef(
    "ConditionBaseImportTypeDef", union(STR, External("boto3.dynamodb.conditions", "ConditionBase"))
)


class HighLevelTypes:
    """Variants of the converter's TypedDicts, named `{Shape}{Owner}TypeDef`, wherever a value is reached."""

    def __init__(self, shapes: ShapeConverter, owner: str, known: dict[str, TypeDef]) -> None:
        self.shapes = shapes
        self.owner = owner
        self.known = known  # the converter's definitions by name
        self.definitions: dict[str, TypeDef] = {}
        self._variants: dict[tuple[str, Direction], TypedDictDef] = {}
        self._affected: dict[tuple[str, Direction], bool] = {}
        self._unions: dict[str, AliasDef] = {}

    def fields(
        self, shape: StructureShape, fields: tuple[Field, ...], direction: Direction
    ) -> tuple[Field, ...]:
        """The converter's fields of `shape`, retyped where they reach a value or a condition."""
        retyped = []
        for item in fields:
            member = shape.members.get(item.name)
            kind = (
                item.type
                if member is None or not self.affects(member, direction)
                else self._type(member, direction)
            )
            retyped.append(Field(item.name, kind, item.required, item.documentation))
        return tuple(retyped)

    def result(self, shape: StructureShape, result: TypedDictDef) -> TypedDictDef:
        if not self.affects(shape, Direction.OUTPUT):
            return result
        return self._variant(shape, Direction.OUTPUT, result)

    def affects(self, shape: Shape, direction: Direction, seen: Optional[set[str]] = None) -> bool:
        key = (shape.name, direction)
        if key in self._affected:
            return self._affected[key]
        if shape.name == _VALUE_SHAPE or (direction is Direction.INPUT and shape.name in _CONDITION_SHAPES):
            return True
        top = seen is None
        seen = seen if seen is not None else set()
        if shape.name in seen:
            return False  # a cycle: the other shapes on it decide
        seen.add(shape.name)
        found = any(self.affects(nested, direction, seen) for nested in _nested(shape))
        if top or found:  # a False found inside a cycle may be cut short
            self._affected[key] = found
        return found

    def _type(self, shape: Shape, direction: Direction) -> TypeExpr:
        is_input = direction is Direction.INPUT
        if shape.name == _VALUE_SHAPE:
            return self._alias(TABLE_VALUE)
        if is_input and shape.name in _CONDITION_SHAPES:
            return self._alias(CONDITION)
        if not self.affects(shape, direction):
            return self.shapes.member_type(shape, direction)
        if isinstance(shape, ListShape):
            return list_of(is_input, self._type(shape.member, direction))
        if isinstance(shape, MapShape):
            return map_of(is_input, self._type(shape.key, direction), self._type(shape.value, direction))
        assert isinstance(shape, StructureShape)
        original = self.known[self.shapes.member_type(shape, direction).render()]
        if isinstance(original, AliasDef):
            return self._union(shape, original)
        assert isinstance(original, TypedDictDef)
        return self._variant(shape, direction, original).ref

    def _union(self, shape: StructureShape, original: AliasDef) -> TypeExpr:
        """The converter's XUnion (a request may pass back what a result gave) as `XOwnerUnion`."""
        if shape.name not in self._unions:
            assert isinstance(original.type, Subscript)
            sides = [self.known[side.render()] for side in original.type.args]
            assert all(isinstance(side, TypedDictDef) for side in sides)
            given, taken = sides  # the input side, the output side
            assert isinstance(given, TypedDictDef) and isinstance(taken, TypedDictDef)
            output = (
                self._variant(shape, Direction.OUTPUT, taken).ref
                if self.affects(shape, Direction.OUTPUT)
                else taken.ref
            )
            name = self.shapes.claim(f"{shape.name}{self.owner}Union", ("",))
            alias = AliasDef(name, union(self._variant(shape, Direction.INPUT, given).ref, output))
            self._unions[shape.name] = alias
            self.definitions[name] = alias
        return self._unions[shape.name].ref

    def _variant(self, shape: StructureShape, direction: Direction, original: TypedDictDef) -> TypedDictDef:
        key = (shape.name, direction)
        if key not in self._variants:
            # the converter's suffix kept after the owner: WriteRequestOutput -> WriteRequestTableOutput
            stem = original.name.removesuffix("TypeDef")
            suffix = stem[len(shape.name) :] if stem.startswith(shape.name) else ""
            name = self.shapes.claim(f"{shape.name}{self.owner}{suffix}", ("",))
            self._variants[key] = TypedDictDef(name, (), shape.name, direction)  # a cycle sees the name
            fields = self.fields(shape, original.fields, direction)
            variant = TypedDictDef(name, fields, shape.name, direction, original.documentation)
            self._variants[key] = variant
            self.definitions[name] = variant
        return self._variants[key]

    def _alias(self, definition: AliasDef) -> DefRef:
        self.definitions[definition.name] = definition
        return definition.ref


def _nested(shape: Shape) -> list[Shape]:
    if isinstance(shape, StructureShape):
        return list(shape.members.values())
    if isinstance(shape, ListShape):
        return [shape.member]
    if isinstance(shape, MapShape):
        return [shape.key, shape.value]
    return []
