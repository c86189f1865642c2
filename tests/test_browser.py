"""The HTML report in a real browser: headless Chromium driven by selenium, scripts running.

The map draws every contact, search and selection work, tables sort and filter, names from
a hostile export stay text, nothing is fetched, and at a phone's width nothing scrolls
sideways. CI installs Debian's ``chromium`` and ``chromium-driver`` (``.ci/run``) and sets
``CI``: there these tests never skip; elsewhere they skip when no Chromium is installed.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import time
import unicodedata
from pathlib import Path

import pytest

import netlens
from netlens.render.renderers import render
from netlens.report import review

from conftest import EXPORTS, HOSTILE_COMPANY, HOSTILE_NAME, html_hostile_export

ROOT = Path(__file__).parent.parent
SAMPLE = ROOT / "sample_exports" / "thomas-johnson.zip"
AS_OF = dt.date(2026, 11, 21)
BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")


def _fold(text: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
    ).lower()


@pytest.fixture(scope="module")
def browser():
    missing = not (BROWSER and DRIVER)
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        missing = True
    if missing:
        if os.environ.get("CI"):
            pytest.fail("CI needs chromium, chromium-driver and selenium: see .ci/run")
        pytest.skip("no chromium and chromedriver here (CI installs them)")
    options = webdriver.ChromeOptions()
    options.binary_location = BROWSER
    for argument in (
        "--headless=new",
        "--no-sandbox",  # CI runs as root
        "--disable-dev-shm-usage",
        "--enable-unsafe-swiftshader",  # WebGL in software: there is no GPU
        "--window-size=1280,900",
    ):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(DRIVER))
    yield driver
    driver.quit()


def _page(tmp_path_factory, name: str, report) -> Path:
    # Without its charts drawn (the page shows their tables then): they take longer to
    # draw than the browser takes to test the page, and no script touches them.
    path = tmp_path_factory.mktemp(name) / "index.html"
    path.write_text(render(report, "html"), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    report = review(netlens.load(SAMPLE), as_of=AS_OF)
    return _page(tmp_path_factory, "sample", report), report


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """era2025 plus a contact whose name and company are HTML, with messages three years
    old: dormant, so on the re-engage list, with a card of reasons."""
    folder = html_hostile_export(tmp_path_factory.mktemp("hostile-export") / "export")
    report = review(netlens.load(folder), as_of=dt.date(2025, 6, 1))
    return _page(tmp_path_factory, "hostile", report), report


@pytest.fixture(scope="module")
def redacted(tmp_path_factory):
    report = review(netlens.load(EXPORTS / "era2025"), as_of=dt.date(2025, 6, 1), redact=True)
    return _page(tmp_path_factory, "redacted", report), report


def _open(driver, path: Path) -> None:
    driver.get_log("browser")  # the messages of the pages before
    driver.get(path.as_uri())


def _errors(driver) -> list[dict]:
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def _map(driver):
    from selenium.webdriver.common.by import By

    return driver.find_element(By.ID, "network-map")


def _search(driver, text: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    box = driver.find_element(By.ID, "map-search")
    box.clear()
    box.send_keys(text)
    box.send_keys(Keys.ENTER)


def _wait(condition, timeout: float = 5.0):
    end = time.monotonic() + timeout
    while True:
        value = condition()
        if value or time.monotonic() > end:
            return value
        time.sleep(0.05)


def test_the_map_draws_every_contact_with_no_error_and_no_request(browser, sample):
    path, report = sample
    _open(browser, path)
    assert int(_map(browser).get_attribute("data-node-count")) == len(report.contacts["name"])
    assert _map(browser).get_attribute("data-selected") == ""
    assert _errors(browser) == []  # a blocked request (CSP) would be an error here
    assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0
    # Drawn: the picture for browsers without scripts gives way to the live map.
    assert not browser.find_element("css selector", "#network-map .map-static").is_displayed()
    assert browser.find_elements("css selector", "#network-map canvas")


def test_search_selects_a_person_and_shows_their_card(browser, sample):
    path, report = sample
    _open(browser, path)
    contacts = report.contacts
    person = contacts["reengage"][0]  # someone with reasons on their card
    name = contacts["name"][person]
    _search(browser, name)
    assert _wait(lambda: _map(browser).get_attribute("data-selected")) == name
    card = browser.find_element("id", "map-card")
    assert card.is_displayed()
    assert contacts["company"][person] in card.text
    assert contacts["reasons"][person][0] in card.text
    link = browser.find_element("css selector", "#map-card [data-field=link]")
    assert link.get_attribute("href") == contacts["link"][person]
    browser.find_element("id", "map-card-close").click()
    assert _map(browser).get_attribute("data-selected") == ""
    assert _errors(browser) == []


def test_search_ignores_case_and_accents(browser, sample):
    path, report = sample
    _open(browser, path)
    name = next(n for n in report.contacts["name"] if _fold(n) != n.lower())
    query = _fold(name).upper()
    _search(browser, query)
    assert _wait(lambda: _map(browser).get_attribute("data-selected")) == name


def test_a_header_click_sorts_the_contacts_and_a_second_reverses(browser, sample):
    path, report = sample
    _open(browser, path)
    browser.execute_script("document.querySelector('details.people').open = true")
    header = browser.find_element("css selector", "#contacts-table th[data-key=company]")

    def column():
        return browser.execute_script(
            "return Array.from(document.querySelectorAll('#contacts-table tbody tr'),"
            " r => r.cells[1].textContent)"
        )

    assert column() == report.contacts["company"]  # the map's order, at first
    header.click()
    ascending = column()
    folded = [_fold(c) for c in ascending if c]
    assert folded == sorted(folded) and ascending != report.contacts["company"]
    header.click()
    descending = [_fold(c) for c in column() if c]
    assert descending == sorted(folded, reverse=True)
    assert header.get_attribute("aria-sort") == "descending"


def test_the_filter_keeps_the_matching_rows_and_a_row_click_selects(browser, sample):
    path, report = sample
    _open(browser, path)
    browser.execute_script("document.querySelector('details.people').open = true")
    company = report.contacts["company"][0]
    box = browser.find_element("css selector", "[data-filters=contacts-table] input")
    box.send_keys(company.upper())
    expected = sum(company.lower() in " ".join(row).lower() for row in _rows(report))

    def shown():
        return browser.execute_script(
            "return Array.from(document.querySelectorAll('#contacts-table tbody tr'))"
            ".filter(r => !r.hidden).map(r => r.cells[0].textContent)"
        )

    assert _wait(lambda: len(shown()) == expected)
    first = browser.find_element(
        "css selector", "#contacts-table tbody tr:not([hidden]) td:nth-child(2)"
    )
    first.click()
    assert _wait(lambda: _map(browser).get_attribute("data-selected")) == shown()[0]


def _rows(report) -> list[list[str]]:
    c = report.contacts
    keys = ("name", "company", "position", "tier", "connected_on", "last_contact")
    return [[v or "" for v in values] for values in zip(*(c[k] for k in keys), strict=True)]


def test_the_reengage_list_sorts_and_its_rows_open_the_card(browser, sample):
    path, _ = sample
    _open(browser, path)
    table = "#reengage-table"
    names = browser.execute_script(
        f"return Array.from(document.querySelectorAll('{table} tbody tr'), r => r.cells[1]"
        ".textContent)"
    )
    browser.find_element("css selector", f"{table} th:nth-child(2)").click()
    after = browser.execute_script(
        f"return Array.from(document.querySelectorAll('{table} tbody tr'), r => r.cells[1]"
        ".textContent)"
    )
    assert sorted(after, key=_fold) == after and sorted(after) == sorted(names)
    browser.find_element("css selector", f"{table} tbody tr td:last-child").click()
    assert _wait(lambda: _map(browser).get_attribute("data-selected")) == after[0]


def test_hostile_names_stay_text_with_scripts_running(browser, hostile):
    from selenium.common.exceptions import NoAlertPresentException

    path, report = hostile
    _open(browser, path)
    assert browser.title == report.title
    hostile_name = f"{HOSTILE_NAME} Smith"
    _search(browser, hostile_name)
    assert _wait(lambda: _map(browser).get_attribute("data-selected")) == hostile_name
    card = browser.find_element("id", "map-card")
    assert hostile_name in card.text and HOSTILE_COMPANY in card.text
    browser.execute_script("document.querySelector('details.people').open = true")
    browser.find_element("css selector", "#contacts-table th[data-key=name]").click()
    time.sleep(0.3)
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018 - reading it is the check
    assert browser.title == report.title
    injected = browser.execute_script(
        "return document.querySelectorAll('img[src=x], [onerror], body script:not([type])').length"
    )
    assert injected == 3  # the page's own three scripts, nothing else
    assert _errors(browser) == []
    assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0


def test_a_redacted_page_shows_initials_and_no_link(browser, redacted):
    path, report = redacted
    _open(browser, path)
    assert browser.execute_script("return document.querySelectorAll('a[href^=http]').length") == 0
    initials = report.contacts["name"][0]
    _search(browser, initials)
    assert _wait(lambda: _map(browser).get_attribute("data-selected")) == initials
    assert not browser.find_elements("css selector", "#map-card [data-field=link]")
    assert _errors(browser) == []


def test_on_a_phone_nothing_scrolls_sideways_and_a_tap_selects(browser, sample):
    path, report = sample
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True},
    )
    browser.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True})
    try:
        _open(browser, path)
        browser.execute_script("document.querySelectorAll('details').forEach(d => d.open = true)")
        width = browser.execute_script(
            "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert width[0] <= width[1] == 390
        # Find someone (the map centres on them), close their card, then tap the middle.
        name = report.contacts["name"][report.contacts["reengage"][0]]
        _search(browser, name)
        assert _wait(lambda: _map(browser).get_attribute("data-selected")) == name
        browser.find_element("id", "map-card-close").click()
        time.sleep(0.6)  # the camera's move
        browser.execute_script("document.getElementById('network-map').scrollIntoView()")
        x, y = browser.execute_script(
            "var r = document.getElementById('network-map').getBoundingClientRect();"
            "return [r.left + r.width / 2, r.top + r.height / 2]"
        )
        for kind, points in (("touchStart", [{"x": x, "y": y}]), ("touchEnd", [])):
            browser.execute_cdp_cmd(
                "Input.dispatchTouchEvent", {"type": kind, "touchPoints": points}
            )
        assert _wait(lambda: _map(browser).get_attribute("data-selected")) == name
        assert _errors(browser) == []
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        browser.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": False})
