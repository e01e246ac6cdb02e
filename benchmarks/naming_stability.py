"""The naming-stability figure: public names a generation removes although botocore kept their shape.

    python benchmarks/naming_stability.py OLD_OUTPUT NEW_OUTPUT --old-data DIR [--new-data DIR] [--top N]

OLD_OUTPUT and NEW_OUTPUT are two generations of any family (ours, or the published packages' builder output);
--old-data/--new-data are the botocore `data/` folders they were made from (--new-data defaults to the
installed botocore's). A name counts when it is in OLD's `type_defs` or `literals`, is gone from NEW, and
the shape it is named after (the name less `TypeDef`/`Type` and, failing that, less a suffix the generator
adds) is in both releases' models of that service: botocore kept the shape, the generator moved the name.
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path
from typing import Optional

import botocore
from botocore.loaders import Loader

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from generator.diff.reader import PackageFiles, read_generation  # noqa: E402

# the suffixes generators add to a shape's name (collision or direction), longest first
SUFFIXES = ("Output", "Union", "Extra", "Paginate", "Wait", "Request", "Response")


def shapes(loader: Loader, service: str) -> set[str]:
    try:
        return set(loader.load_service_model(service, "service-2")["shapes"])
    except Exception:  # a service that is not in this release
        return set()


def shape_of(name: str, module: str, kept: set[str]) -> tuple[Optional[str], str]:
    """(the kept shape a name is named after, the suffix that was added), or (None, "")."""
    stem = name.removesuffix("TypeDef") if module == "type_defs" else name.removesuffix("Type")
    if stem in kept:
        return stem, ""
    for suffix in SUFFIXES:
        if stem.endswith(suffix) and stem.removesuffix(suffix) in kept:
            return stem.removesuffix(suffix), suffix
    return None, ""


def names(package: PackageFiles) -> set[tuple[str, str]]:
    return {
        (name.module, name.name)
        for module in ("type_defs", "literals")
        if module in package.texts
        for name in package.definitions(module)
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("--old-data", type=Path, required=True)
    parser.add_argument("--new-data", type=Path, default=Path(botocore.__file__).parent / "data")
    parser.add_argument("--top", type=int, default=10)
    args = parser.parse_args()
    old_models = Loader(extra_search_paths=[str(args.old_data)], include_default_search_paths=False)
    new_models = Loader(extra_search_paths=[str(args.new_data)], include_default_search_paths=False)
    old, new = read_generation(args.old), read_generation(args.new)
    moved: list[tuple[str, str, str]] = []
    causes: collections.Counter[str] = collections.Counter()
    for service in sorted(set(old) & set(new)):
        kept = shapes(old_models, service) & shapes(new_models, service)
        gone = names(old[service]) - names(new[service])
        for module, name in sorted(gone):
            shape, suffix = shape_of(name, module, kept)
            if shape is not None:
                moved.append((service, f"{module}.{name}", shape))
                causes[f"suffix {suffix!r}" if suffix else "the shape's own name"] += 1
    print(f"{len(moved)} names removed although botocore kept the shape ({len(set(old) & set(new))} services)")
    for cause, count in causes.most_common():
        print(f"  {count:6}  {cause}")
    for service, count in collections.Counter(service for service, _, _ in moved).most_common(args.top):
        print(f"  {service}: {count}")
    for service, name, shape in moved[: args.top]:
        print(f"  e.g. {service}: {name} (shape {shape})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
