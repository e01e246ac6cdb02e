"""`generate --changes-since OLD`: each service's docs get changes.md, listing what `diff OLD NEW` reports for
it. OLD is the committed generation (botocore 1.44.8's models); NEW is made from a copy of sagemaker-edge's
model with one breaking and one compatible edit, plus signer, which OLD does not have."""

from __future__ import annotations

import gzip
import json
import re
import shutil
from pathlib import Path

import botocore
import pytest
from conftest import CLI, MODULE, OUTPUT, REPO, SERVICE, run_cli, tree
from test_docs import _copy_site

from generator.parse.package import build_package
from generator.parse.source import BotocoreData
from generator.render.docs.view import DocsView

DOCS = REPO / "docs"
NEW_SERVICE, NEW_MODULE = "signer", "types_boto3_signer"
# the edits of the model and what each must be on the page, in page order: (verdict heading, name, link, verdict
# and reason, markdown-escaped)
EXPECTED = [
    (
        "Breaking",
        "type_defs.SendHeartbeatRequestTypeDef",
        "./type_defs.md#sendheartbeatrequesttypedef",
        "breaking, key AgentMetrics became required",
    ),
    (
        "Compatible",
        "client.SagemakerEdgeManagerClient",
        "./client.md#send_heartbeat",  # a method's change links to the method
        "compatible, docstring changed (send\\_heartbeat)",
    ),
    (
        "Compatible",
        "literals.ChecksumTypeType",
        "./literals.md#checksumtypetype",
        "compatible, Literal values added: 'SHA256'; exhaustive matches see it",
    ),
]
_ENTRY = re.compile(r"^- (?:\[`(?P<linked>[\w.]+)`\]\((?P<href>[^)]+)\)|`(?P<name>[\w.]+)`): (?P<words>.*)$")


def _edited_data(root: Path) -> Path:
    data = root / "data"
    shutil.copytree(Path(botocore.__file__).parent / "data" / SERVICE, data / SERVICE)
    model_file = next((data / SERVICE).glob("*/service-2.json.gz"))
    model = json.loads(gzip.decompress(model_file.read_bytes()))
    model["shapes"]["SendHeartbeatRequest"]["required"].append("AgentMetrics")  # a request key made required
    model["shapes"]["ChecksumType"]["enum"].append("SHA256")  # a result's Literal value added
    model["operations"]["SendHeartbeat"]["documentation"] = "<p>Use to check in.</p>"  # a method's docstring
    model_file.write_bytes(gzip.compress(json.dumps(model).encode()))
    return data


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the docs site with the edited sagemaker-edge and signer generated into it since OLD."""
    root = tmp_path_factory.mktemp("changes")
    _copy_site(root, DOCS)
    data = _edited_data(root)
    result = run_cli(
        "generate", SERVICE, NEW_SERVICE, "--data-path", str(data), "--botocore-version", botocore.__version__,
        "--output", "output", "--docs", "docs", "--changes-since", str(OUTPUT), cwd=root,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return root


def _entries(page: str) -> list[tuple[str, str, str, str]]:
    """(verdict heading, name, link or "", words) of each entry of a changes page, in page order."""
    found, heading = [], ""
    for line in page.splitlines():
        if line.startswith("### "):
            heading = line[4:]
        match = _ENTRY.match(line)
        if match:
            found.append((heading, match["linked"] or match["name"], match["href"] or "", match["words"]))
    return found


def test_the_page_lists_the_edits_with_their_verdicts(site: Path) -> None:
    page = (site / "docs" / MODULE / "changes.md").read_text()
    assert _entries(page) == EXPECTED  # breaking first, each linked to its section of the new pages
    assert f"\n## {SERVICE} (1.44.8 → 1.44.8)\n" in page
    assert "1 breaking, 2 compatible." in page


def test_the_page_says_what_diff_says(site: Path, cli: CLI) -> None:
    document = json.loads(cli("diff", str(OUTPUT), str(site / "output"), "--json").stdout)
    (service,) = [each for each in document["services"] if each["service"] == SERVICE]
    reported = [
        (change["name"], f"{change['verdict']}, {change['text'][len(change['name']) + 2 :]}")
        for change in service["changes"]
    ]
    assert sorted(reported) == sorted((name, words.replace("\\_", "_")) for _, name, _, words in EXPECTED)


def test_a_service_that_old_lacks_is_new(site: Path) -> None:
    page = (site / "docs" / NEW_MODULE / "changes.md").read_text()
    assert f"\n{NEW_SERVICE} is new: the previous generation has no package of it.\n" in page
    assert _entries(page) == []


def test_the_page_is_listed_beside_the_other_pages(site: Path) -> None:
    index = (site / "docs" / MODULE / "index.md").read_text()
    assert "- [Changes](./changes.md): " in index.split("## Pages")[1]
    site_index = (site / "docs" / "index.md").read_text()
    assert f"[Changes](./{MODULE}/changes.md)" in site_index and f"[Changes](./{NEW_MODULE}/changes.md)" in site_index


@pytest.fixture(scope="module")
def built(site: Path) -> Path:
    """The site above, built by `boto-typegen docs build` (mkdocs --strict: a broken link or anchor fails it)."""
    result = run_cli("docs", "build", "--config", str(site / "mkdocs.yml"), "--site-dir", "site", cwd=site, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return site / "site"


def test_the_site_builds_strict_with_the_pages(built: Path) -> None:
    page = (built / MODULE / "changes" / "index.html").read_text()
    assert 'href="../type_defs/#sendheartbeatrequesttypedef"' in page
    assert 'id="sendheartbeatrequesttypedef"' in (built / MODULE / "type_defs" / "index.html").read_text()


def test_every_link_a_changes_page_may_take_is_a_section_of_the_built_site(built: Path) -> None:
    """Each name and method a page could link, for a service with paginators and a waiter too."""
    html: dict[Path, str] = {}
    for service, module in ((SERVICE, MODULE), (NEW_SERVICE, NEW_MODULE)):
        anchors = DocsView(build_package(BotocoreData().load(service)), changes=True).anchors()
        assert {"type_defs", "literals", "client"} <= {name.split(".")[0] for name in anchors}
        for name, href in anchors.items():
            page, _, anchor = href.removeprefix("./").partition(".md#")
            path = built / module / page / "index.html"
            assert f'id="{anchor}"' in html.setdefault(path, path.read_text()), (service, name, href)
    methods = {name.split(".")[0] for name in anchors if name.count(".") == 2}  # signer's
    assert methods == {"client", "paginator", "waiter"}


def test_nothing_changed_says_so_and_moves_no_other_byte(tmp_path: Path) -> None:
    result = run_cli(
        "generate", SERVICE, "--output", "output", "--docs", "docs", "--changes-since", str(OUTPUT), cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert tree(tmp_path / "output") == tree(OUTPUT)  # the stubs are today's
    page = (tmp_path / "docs" / MODULE / "changes.md").read_text()
    assert "\nNothing changes for user code since the previous generation (botocore 1.44.8 → 1.44.8).\n" in page
    assert _entries(page) == []
    # the other pages are today's but for the two lists of pages naming changes.md
    written, committed = tree(tmp_path / "docs"), tree(DOCS)
    assert set(written) - set(committed) == {f"{MODULE}/changes.md"}
    moved = {path for path in committed if written[path] != committed[path]}
    assert moved == {"index.md", f"{MODULE}/index.md"}
    site_index = written["index.md"].decode().replace(f" · [Changes](./{MODULE}/changes.md)", "")
    assert site_index == committed["index.md"].decode()
    lines = written[f"{MODULE}/index.md"].decode().splitlines(keepends=True)
    assert (
        "".join(line for line in lines if not line.startswith("- [Changes](./changes.md)")).encode()
        == committed[f"{MODULE}/index.md"]
    )


@pytest.mark.parametrize("bad", ["missing", "empty"])
def test_an_old_that_is_no_generation_is_one_line(cli: CLI, tmp_path: Path, bad: str) -> None:
    old = tmp_path / bad
    if bad == "empty":
        old.mkdir()
    result = cli("generate", SERVICE, "--output", "out", "--docs", "docs", "--changes-since", str(old))
    assert result.returncode == 2
    assert result.stderr.startswith(f"boto-typegen: error: --changes-since {old}: ")
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists() and not (tmp_path / "docs").exists()
