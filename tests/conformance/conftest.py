"""One conformance run per pytest session over the services whose tests were selected; its table at the end
(tests/conftest.py prints it, from whichever pytest-xdist worker ran it)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

import pytest

from cleanenv.envs import CleanVenvs
from conftest import SUMMARIES
from generator.parse.source import BotocoreData

from . import report, runtime, suite

HERE = Path(__file__).resolve().parent
# CONFORMANCE_STUBS=DIR checks stubs already generated into DIR instead of generating them
STUBS_ENV = "CONFORMANCE_STUBS"


def _selected_services(session: pytest.Session) -> list[str]:
    services = set()
    for item in session.items:
        callspec = getattr(item, "callspec", None)
        if callspec is not None and "service" in callspec.params and HERE in Path(str(item.path)).parents:
            services.add(callspec.params["service"])
    return sorted(services)


@pytest.fixture(scope="session")
def conformance(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, clean_venvs: CleanVenvs
) -> suite.Run:
    """Generate, run the run-time modules, synthesize, ask botocore, type-check: once, for every selected
    service together."""
    services = _selected_services(request.session)
    workdir = tmp_path_factory.mktemp("conformance")
    stubs: Optional[Path] = Path(os.environ[STUBS_ENV]) if os.environ.get(STUBS_ENV) else None
    if stubs is None and len(services) * 2 > len(BotocoreData().service_names()):
        # the full run checks the session's one `generate --all` rather than generating every service again
        stubs = request.getfixturevalue("every_service").output
    pythons = {version: clean_venvs.python(version) for version in runtime.VERSIONS}
    run = suite.run(services, workdir, stubs, pythons)
    findings = workdir / "findings.md"
    findings.write_text(report.findings(run))
    stages = ", ".join(f"{stage} {seconds:.0f}s" for stage, seconds in run.seconds.items())
    summary = f"{report.table(run)}\ntime: {stages}\nevery finding: {findings}"
    request.config.stash.setdefault(SUMMARIES, {})["conformance: generated stubs against botocore"] = summary
    return run
