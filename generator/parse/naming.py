"""How a structure's name is spelt in its definitions' names, as the published packages spell it."""

from __future__ import annotations


def definition_stem(shape_name: str) -> str:
    """`AbpV1_0_x` → `AbpV10X` (iotwireless): the published packages drop underscores, capitalising what follows."""
    head, *rest = shape_name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def variant_stem(shape_name: str) -> str:
    """The stem of a shape's `Output`, `Extra` and `Union` names: without a trailing `Output`, as published
    (securityhub `ExportOutput`'s nested output is `ExportExtraTypeDef`, its union `ExportUnionTypeDef`)."""
    return definition_stem(shape_name).removesuffix("Output")
