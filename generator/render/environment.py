"""The jinja environment: where the templates are, and strict about missing fields."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jinja2

_PACKAGE_DIR = Path(__file__).resolve().parent.parent


def templates_dir() -> Path:
    """Templates ship inside the wheel as generator/templates; a checkout has them at the top level."""
    for candidate in (_PACKAGE_DIR / "templates", _PACKAGE_DIR.parent / "templates"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"no templates folder next to {_PACKAGE_DIR}")


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
        auto_reload=False,  # a run renders the templates as they were when it started; no stat per include
    )


def render_tree(
    folder: str, placeholders: dict[str, str], skip: frozenset[str] = frozenset(), **context: object
) -> dict[str, str]:
    """Render every template under `folder`; path parts named in `placeholders` are renamed.

    A template whose file name without its suffixes is in `skip` (`paginator` for paginator.pyi.jinja)
    is not rendered.
    """
    root = templates_dir() / folder
    files: dict[str, str] = {}
    for template in sorted(root.rglob("*.jinja")):
        relative = template.relative_to(root)
        if relative.name.split(".")[0] in skip:
            continue
        parts = [placeholders.get(part, part) for part in relative.with_suffix("").parts]
        name = f"{folder}/{relative.as_posix()}"
        files["/".join(parts)] = environment().get_template(name).render(**context)
    return files
