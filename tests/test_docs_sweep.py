"""Every botocore service's docs pages, as the session's `generate --all` wrote them: each python block parses, each `# (n)` marker has
its note, and each link between pages lands on a heading that exists (what `mkdocs build --strict` checks
for the committed pages, here for all services without the cost of building ~450 sites)."""

from __future__ import annotations

import ast
import re
from collections import Counter

import pytest
from conftest import EveryService

_BLOCK = re.compile(r"^```python\n(?P<code>.*?)^```\n(?:\n(?P<notes>(?:\d+\. [^\n]*\n)+))?", re.M | re.S)
_MARKER = re.compile(r"  # \((\d+)\)$", re.M)
_LINK = re.compile(r"\]\(\./(\w+\.md)#([\w-]+)\)")
_HEADING = re.compile(r"^## (\w+)$", re.M)


def _check_service(pages: dict[str, str]) -> int:
    anchors = {}
    for path, text in pages.items():
        names = [name.lower() for name in _HEADING.findall(text)]
        # two headings that differ only in case would share an anchor: a link could land on the wrong one
        assert not [name for name, count in Counter(names).items() if count > 1], path
        anchors[path.rsplit("/", 1)[1]] = set(names)
    blocks = 0
    for path, text in pages.items():
        for block in _BLOCK.finditer(text):
            try:
                ast.parse(block["code"])
            except SyntaxError as error:
                pytest.fail(f"{path}: {error}\n{block['code']}")
            markers = [int(number) for number in _MARKER.findall(block["code"])]
            notes = [int(line.split(".")[0]) for line in (block["notes"] or "").splitlines()]
            assert markers == notes == list(range(1, len(markers) + 1)), (path, block["code"])
            blocks += 1
        for page, anchor in _LINK.findall(text):
            assert anchor in anchors.get(page, ()), (path, page, anchor)
    return blocks


@pytest.mark.slow
def test_every_service_renders_pages_whose_blocks_parse_and_links_resolve(every_service: EveryService) -> None:
    blocks = 0
    folders = sorted(every_service.docs.glob("types_boto3_*"))
    assert len(folders) == len(every_service.services) > 400
    for folder in folders:
        pages = {f"{folder.name}/{page.name}": page.read_text(encoding="utf-8") for page in folder.glob("*.md")}
        blocks += _check_service(pages)
    assert blocks > 100_000
