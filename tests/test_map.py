"""The network map and contacts table of the HTML page, without a browser: the layout, the
data the page's script reads, profile links, redaction, and the page without scripts
(tests/test_browser.py drives the page itself)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import json
import re
from itertools import combinations
from pathlib import Path

import numpy as np
import pytest

import netlens
from netlens.render.html import render_html
from netlens.render.map import layout, pack
from netlens.report import review
from netlens.report.contacts import profile_link

ERA2025 = Path(__file__).parent / "fixtures" / "exports" / "era2025"
AS_OF = dt.date(2025, 6, 1)
CLOSER = "</script><script>alert(1)</script>"


@pytest.fixture(scope="module")
def report():
    return review(netlens.load(ERA2025), as_of=AS_OF)


@pytest.fixture(scope="module")
def page(report) -> str:
    return render_html(report)


def _json_block(page: str) -> dict:
    block = re.search(r'<script type="application/json" id="map-data">(.*?)</script>', page, re.S)
    return json.loads(block.group(1))


def test_pack_keeps_circles_apart_and_the_kept_one_in_the_middle():
    radii = sorted(np.random.default_rng(1).uniform(1, 20, 60), reverse=True)
    centres = pack(radii, around=3.0, gap=1.0)
    kept = np.vstack([[0.0, 0.0], centres])
    sizes = np.concatenate([[3.0], radii])
    for a, b in combinations(range(len(sizes)), 2):
        assert np.hypot(*(kept[a] - kept[b])) >= sizes[a] + sizes[b] + 1.0 - 0.02


def test_the_layout_is_the_same_every_time_and_places_everyone(report):
    first, second = layout(report.contacts), layout(report.contacts)
    assert np.array_equal(first.x, second.x) and np.array_equal(first.y, second.y)
    assert len(first.x) == len(report.contacts["name"])
    assert np.isfinite(first.x).all() and np.isfinite(first.y).all()
    # Nobody on top of anybody, nor on the owner (at 0, 0).
    points = np.round(np.column_stack([np.append(first.x, 0), np.append(first.y, 0)]), 3)
    assert len(np.unique(points, axis=0)) == len(points)
    # One cluster an industry, together holding everyone.
    assert {c["label"] for c in first.clusters} == {
        i or "Unknown" for i in report.contacts["industry"]
    }
    assert sum(c["n"] for c in first.clusters) == len(report.contacts["name"])


def test_known_ties_cluster_the_map_by_community(report):
    network = netlens.load(ERA2025)
    urls = [url for url in network.people["url"] if url][:6]
    linked = review(network, as_of=AS_OF, edges=list(combinations(urls, 2)))
    contacts = linked.contacts
    assert contacts["communities"] and contacts["communities"][0]["size"] == 6
    assert sum(g == 0 for g in contacts["community"]) == 6
    assert len(contacts["ties"]) == 15  # every pair of the six
    labels = [c["label"] for c in layout(contacts).clusters]
    assert contacts["communities"][0]["label"] in labels


def test_profile_links_are_linkedin_profiles_and_nothing_else():
    assert profile_link("linkedin.com/in/ann-lee") == "https://www.linkedin.com/in/ann-lee"
    assert profile_link("linkedin.com/in/élodie-durand") == (
        "https://www.linkedin.com/in/%C3%A9lodie-durand"
    )
    for url in (None, "", "javascript:alert(1)", "evil.example/in/x", "linkedin.com/company/x",
                "linkedin.com/in/", "linkedin.com/in/a/b"):  # fmt: skip
        assert profile_link(url) is None


def test_the_page_has_the_map_hooks_a_picture_and_every_contact(report, page):
    count = len(report.contacts["name"])
    assert re.search(r'<div id="network-map" data-node-count="0" data-selected=""', page)
    assert 'id="map-search"' in page
    # Without scripts: the map as a picture inside #network-map, and the full table.
    inside = page[page.index('id="network-map"') : page.index('id="map-tip"')]
    assert '<img class="map-static" src="data:image/png;base64,' in inside
    table = page[
        page.index('id="contacts-table"') : page.index(
            "</table>", page.index('id="contacts-table"')
        )
    ]
    assert table.count("<tr>") == count + 1  # and the header row
    assert (
        "data-sortable"
        in page[page.index("<table", page.index('id="reengage-table"') - 200) :][:300]
    )
    # Profile links: LinkedIn profiles, in characters that need no escaping in an attribute.
    links = re.findall(r'href="([^"]*)"', table)
    assert links and all(
        re.fullmatch(r"https://www\.linkedin\.com/in/[A-Za-z0-9_.~%-]+", h) for h in links
    )
    data = _json_block(page)
    assert data["n"] == count == len(data["x"]) == len(data["tier"])
    assert data["tiers"] == list(netlens.analyze.staleness.TIERS)


def test_no_text_in_the_data_can_close_its_block(report):
    contacts = dict(report.contacts)
    contacts["industry"] = [CLOSER, *contacts["industry"][1:]]
    contacts["reasons"] = {**contacts["reasons"], 0: [CLOSER]}
    page = render_html(dataclasses.replace(report, contacts=contacts))
    assert CLOSER not in page and "<script><script" not in page
    assert page.count("<script") == 4  # the data block and three scripts
    data = _json_block(page)
    assert CLOSER in data["industries"] and data["reasons"]["0"] == [CLOSER]


def test_a_redacted_page_shows_initials_no_positions_and_no_links(report):
    redacted = review(netlens.load(ERA2025), as_of=AS_OF, redact=True)
    page = render_html(redacted)
    assert not re.search(r"href=\"https?:", page)
    assert 'data-key="position"' not in page and 'data-field="link"' not in page
    names = set(report.contacts["name"])
    assert all(n not in names for n in redacted.contacts["name"] if len(n) > 4)
    for position in filter(None, report.contacts["position"]):
        assert html.escape(position, quote=False) not in page


def test_an_industry_or_a_tier_has_one_colour_on_the_map_and_in_the_charts():
    """A reader matches the map's dots with the drawing and charts beside it by colour
    (Manufacturing, the seventh industry, was purple on one and yellow on the other)."""
    from netlens import charts
    from netlens.render.map import TIER_COLOURS, industry_colours

    names = [f"Industry {i}" for i in range(12)] + ["Unknown"]
    on_map = industry_colours(names)
    drawn = [{"name": name, "count": 1} for name in names]
    for i in range(len(names) - 1):  # the drawings' "Other industries" is grey on the map too
        assert on_map[i] == charts._group_colour(min(i, charts.DRAWN_GROUPS), len(drawn))
    assert on_map[-1] == charts._group_colour(len(names) - 1, len(drawn), drawn)  # Unknown
    assert TIER_COLOURS == charts.TIER_COLOURS


def test_industries_of_equal_size_come_in_the_same_order_on_the_map_and_drawing():
    """Ties by name in both, so that each industry keeps one colour."""
    import pandas as pd

    from netlens.render.map import _industries
    from netlens.report.network_sections import _radial_drawing

    industries = ["Zeta"] * 2 + ["Alpha"] * 2 + ["Mid"] * 3 + ["Unknown"]
    ids = [f"p{i}" for i in range(len(industries))]
    people = pd.DataFrame({"person_id": ids, "industry": industries})
    ties = pd.DataFrame({"person_id": ids, "days_since": [10.0] * len(ids)})
    drawn = [g["name"] for g in _radial_drawing(people, ties).data["groups"]]
    _, on_map, _ = _industries({"industry": industries})
    assert drawn == on_map == ["Mid", "Alpha", "Zeta", "Unknown"]
