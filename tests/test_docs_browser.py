"""The built docs site in headless Chromium: the sagemaker-edge type_defs page shows its headings, its code
annotations are live (mkdocs-material's JavaScript turned the `# (n)` comments into markers), and the site
search finds a TypedDict."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from typing import Iterator

import pytest
from conftest import MODULE, REPO
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-quic",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1400,1000",
)
WAIT = 30  # seconds for the page's JavaScript and the search worker

def _require_chromium() -> None:
    missing = [str(path) for path in (CHROMIUM, CHROMEDRIVER) if not path.exists()]
    if not missing:
        return
    message = f"{', '.join(missing)} missing: apt-get install chromium chromium-driver"
    if os.environ.get("CI") == "true":
        pytest.fail(message)  # CI installs them (.ci/run); their absence there is a broken CI, not a skip
    pytest.skip(message)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The committed docs built with mkdocs and served over HTTP on 127.0.0.1 (a free port)."""
    site = tmp_path_factory.mktemp("browser") / "site"
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(REPO / "mkdocs.yml"), "-d", str(site)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=300,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    _require_chromium()
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    profile = tmp_path_factory.mktemp("chromium-profile")
    options.add_argument(f"--user-data-dir={profile}")
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _wait(driver: object, condition: object) -> object:
    return WebDriverWait(driver, WAIT).until(condition)


def test_type_defs_page_renders_with_live_annotations(
    browser: object, site_url: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    browser.get(f"{site_url}/{MODULE}/type_defs/")  # type: ignore[attr-defined]
    heading = _wait(browser, expected_conditions.visibility_of_element_located((By.ID, "deploymentmodeltypedef")))
    assert heading.tag_name == "h2" and heading.text.startswith("DeploymentModelTypeDef")
    # the code block right under the heading, its `# (n)` comments replaced by annotation markers
    block = heading.find_element(By.XPATH, "following-sibling::div[contains(@class, 'highlight')][1]")
    markers = _wait(
        browser, lambda _: block.find_elements(By.CSS_SELECTOR, ".md-annotation .md-annotation__index")
    )
    numbers = [
        marker.find_element(By.CSS_SELECTOR, "[data-md-annotation-id]").get_attribute("data-md-annotation-id")
        for marker in markers
    ]
    assert numbers == ["1", "2", "3"]
    assert "# (" not in block.text  # the raw comment text is gone: JavaScript took it over
    # clicking a marker opens its note, which links the literal
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", markers[0])  # type: ignore[attr-defined]
    markers[0].click()
    note = _wait(
        browser,
        lambda _: [
            link
            for link in block.find_elements(By.CSS_SELECTOR, ".md-annotation .md-tooltip a")
            if link.is_displayed()
        ],
    )
    assert note[0].text.strip() == "ModelStateType"
    assert note[0].get_attribute("href").endswith("/literals/#modelstatetype")
    shot = tmp_path_factory.mktemp("screenshots") / "type_defs.png"
    browser.save_screenshot(str(shot))  # type: ignore[attr-defined]
    assert shot.stat().st_size > 10_000


def test_search_finds_a_typed_dict(browser: object, site_url: str) -> None:
    browser.get(f"{site_url}/")  # type: ignore[attr-defined]
    # the search field of a desktop-wide window (the label that opens it is for narrow screens)
    field = _wait(browser, expected_conditions.element_to_be_clickable((By.CSS_SELECTOR, "input.md-search__input")))
    field.click()
    field.send_keys("SendHeartbeatRequestTypeDef")
    hits = _wait(
        browser,
        lambda driver: [
            link.get_attribute("href")
            for link in driver.find_elements(By.CSS_SELECTOR, ".md-search-result__item a.md-search-result__link")
            if "SendHeartbeatRequestTypeDef" in link.text
        ],
    )
    assert any(href.endswith(f"/{MODULE}/type_defs/?h=sendheartbeatrequesttypedef#sendheartbeatrequesttypedef") for href in hits), hits


def test_navigation_groups_pages_by_service_and_palette_toggles(browser: object, site_url: str) -> None:
    browser.get(f"{site_url}/")  # type: ignore[attr-defined]
    nav = _wait(browser, expected_conditions.presence_of_element_located((By.CSS_SELECTOR, "nav.md-nav--primary")))
    # the hook in mkdocs.yml titles the section by service name, not "Types boto3 sagemaker edge"
    section = nav.find_element(By.XPATH, ".//li[contains(@class, 'md-nav__item--section')][.//a[contains(@href, 'type_defs')]]")
    assert section.find_element(By.CSS_SELECTOR, "label, a").text.strip().startswith("sagemaker-edge")
    assert {"Client", "Type definitions", "Literals", "Usage examples"} <= {
        link.get_attribute("textContent").strip() for link in section.find_elements(By.CSS_SELECTOR, "a")
    }
    body = browser.find_element(By.TAG_NAME, "body")  # type: ignore[attr-defined]
    before = body.get_attribute("data-md-color-scheme")
    toggle = browser.find_element(By.CSS_SELECTOR, "form[data-md-component='palette'] label:not([hidden])")  # type: ignore[attr-defined]
    toggle.click()
    _wait(browser, lambda _: body.get_attribute("data-md-color-scheme") != before)
    assert {before, body.get_attribute("data-md-color-scheme")} == {"default", "slate"}
