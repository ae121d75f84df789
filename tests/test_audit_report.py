"""The HTML audit report in a real browser: headless Chromium (Debian package `chromium`,
installed by .ci/setup) loads the page and we read back the DOM it built."""
from __future__ import annotations

import os
import shutil
import subprocess
from datetime import date

import pytest
from lxml import html

from vanban.audit import render
from vanban.audit.findings import audit
from vanban.store.engine import open_registry
from vanban.store.ingest import ingest

from conftest import CORPUS, REPO


def chromium() -> str:
    exe = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if exe is None:
        message = "no headless Chromium: install the Debian package `chromium` (bash .ci/setup as root does)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return exe


def browser_dom(page) -> html.HtmlElement:
    """The DOM after Chromium loaded the page (no JavaScript involved: the report has none)."""
    out = subprocess.run([chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                          "--dump-dom", page.as_uri()], capture_output=True, timeout=120, check=True)
    return html.fromstring(out.stdout.decode("utf-8"))


def test_report_in_a_browser(registry_url, tmp_path):
    engine = open_registry(registry_url)
    ingest([str(CORPUS / "bacgiang-2024-kh-ubnd-nq45.txt"), str(REPO / "tests" / "data" / "registry")],
           engine, workers=1)
    result = audit(engine, date(2026, 12, 3))
    engine.dispose()
    page = tmp_path / "audit.html"
    page.write_text(render.to_html(result), encoding="utf-8")
    dom = browser_dom(page)

    assert dom.get("lang") == "vi"
    rows = dom.xpath("//tr[@class='finding']")
    assert len(rows) == len(result.findings) == int(dom.get_element_by_id("total-findings").text_content())
    counts = {tr.get("data-code"): int(tr.xpath("td[@class='n']")[0].text_content())
              for tr in dom.xpath("//table[@id='summary-table']/tbody/tr")}
    assert counts == result.summary()["by_code"]
    defunct = [tr.text_content() for tr in rows if tr.get("data-code") == "defunct_body"]
    assert any("Sở Thông tin và Truyền thông" in t and "Sở Khoa học và Công nghệ tỉnh Bắc Ninh" in t for t in defunct)
    # every link from a finding lands on a document's entry; nothing is fetched from elsewhere
    ids = {e.get("id") for e in dom.iter() if e.get("id")}
    links = [a.get("href") for a in dom.xpath("//tr[@class='finding']//a")]
    assert links and all(h.startswith("#") and h[1:] in ids for h in links)
    assert not dom.xpath("//script | //link[@rel='stylesheet'] | //img")
