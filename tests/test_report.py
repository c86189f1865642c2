"""``netlens report``: the model, the renderers (golden files), the HTML's safety, charts,
redaction and the command line."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import json
import os
import re
import shutil
from pathlib import Path

import pytest

import netlens
from netlens.cli import cli
from netlens.render.renderers import RENDERERS, render, render_markdown
from netlens.report import initials, review

from conftest import EXPORTS, HOSTILE_NAME, html_hostile_export, zip_folder

GOLDEN = Path(__file__).parent / "golden"
AS_OF = dt.date(2025, 6, 1)
SAMPLE = Path(__file__).parent.parent / "sample_exports"
PNG = b"\x89PNG\r\n\x1a\n"


def golden(name: str, text: str) -> None:
    """Compare with ``tests/golden/<name>``; NETLENS_UPDATE_GOLDEN=1 rewrites it."""
    path = GOLDEN / name
    if os.environ.get("NETLENS_UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from the golden file"


@pytest.fixture(scope="module")
def era2025_report():
    return review(netlens.load(EXPORTS / "era2025"), as_of=AS_OF)


def test_markdown_golden(era2025_report):
    golden("era2025-report.md", render(era2025_report, "md"))


def test_json_golden(era2025_report):
    text = render(era2025_report, "json")
    golden("era2025-report.json", text)
    data = json.loads(text)
    assert data["as_of"] == "2025-06-01"
    assert data["summary"]["people"] == 16
    assert data["reach"]["first_degree"] == 16
    assert data["reach"]["second_degree"] is None
    assert {s["key"] for s in data["sections"]} >= {
        "overview", "growth", "relationships", "habits", "diversity", "concentration",
        "reach", "changes",
    }  # fmt: skip


def test_text_renderer_shows_every_section(era2025_report):
    text = render(era2025_report, "text")
    for section in era2025_report.sections:
        assert section.title.upper() in text


def test_every_renderer_is_registered_and_returns_text(era2025_report):
    assert set(RENDERERS) == {"text", "md", "html", "json"}
    for fmt in RENDERERS:
        assert render(era2025_report, fmt).strip()


def test_every_number_a_chart_shows_is_in_a_table(era2025_report):
    """Bars and their counts appear as table rows of the same section."""
    for section in era2025_report.sections:
        cells = {str(cell) for table in section.tables for row in table.rows for cell in row}
        for chart in section.charts:
            for bar in chart.data.get("bars", []):
                if not bar["name"].endswith(" more"):
                    assert bar["name"] in cells and str(bar["count"]) in cells, bar
            for group in chart.data.get("groups", []):
                assert group["name"] in cells and str(group["count"]) in cells, group
            for count in chart.data.get("tiers", {}).values():
                assert str(count) in cells


# --- HTML safety ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile_export(tmp_path_factory) -> Path:
    """era2025 plus a contact whose name and company are HTML, and a conversation with them
    three years before AS_OF: a dormant tie, high on the re-engage list."""
    return html_hostile_export(tmp_path_factory.mktemp("hostile") / "export")


@pytest.fixture(scope="module")
def hostile_html(hostile_export) -> str:
    from netlens.charts import draw_charts

    report = review(netlens.load(hostile_export), as_of=AS_OF)
    draw_charts(report)
    return render(report, "html")


def test_html_escapes_names_from_the_export(hostile_html):
    assert HOSTILE_NAME not in hostile_html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in hostile_html
    assert "<img src=x" not in hostile_html
    assert "&#34;&gt;&lt;img src=x onerror=alert(2)&gt;" in hostile_html


def test_markdown_escapes_names_from_the_export(hostile_export):
    text = render(review(netlens.load(hostile_export), as_of=AS_OF), "md")
    assert "<script>" not in text and "<img" not in text
    assert "&lt;script&gt;" in text


def test_html_loads_nothing_from_outside(hostile_html):
    assert "<link" not in hostile_html.lower()
    assert not re.search(r"<script[^>]*\ssrc", hostile_html, re.I)
    assert "@import" not in hostile_html
    assert not re.search(r"url\(", hostile_html)
    assert not re.search(r"""src\s*=\s*["']?(https?:|//)""", hostile_html)
    # Links to profiles on LinkedIn, which load nothing until clicked; no other address.
    links = re.findall(r"""href\s*=\s*["']?((?:https?:)?//[^"' >]*)""", hostile_html)
    assert links and all(link.startswith("https://www.linkedin.com/in/") for link in links)
    sources = re.findall(r"""src="([^"]*)""", hostile_html)
    assert sources and all(src.startswith("data:image/png;base64,") for src in sources)
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', hostile_html)
    assert policy
    policy = html.unescape(policy.group(1))
    assert "default-src 'none'" in policy
    # Scripts: only the page's own, each by its hash; never 'unsafe-inline'.
    script_src = re.search(r"script-src ([^;]+)", policy).group(1).split()
    assert script_src and all(re.fullmatch(r"'sha256-[A-Za-z0-9+/=]+'", s) for s in script_src)
    scripts = re.findall(r"<script>(.*?)</script>", hostile_html, re.S)
    assert len(scripts) == len(script_src) == 3  # graphology, sigma.js, the page's own
    for script in scripts:
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in script_src
    assert "unsafe" not in policy


def test_html_stylesheet_matches_its_policy_hash(hostile_html):
    css = re.search(r"<style>(.*?)</style>", hostile_html, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in html.unescape(hostile_html)


def test_html_embeds_at_least_six_charts(hostile_html):
    images = re.findall(r'src="data:image/png;base64,([^"]+)"', hostile_html)
    assert len(images) >= 6
    assert all(base64.b64decode(image).startswith(PNG) for image in images)


# --- Charts ---------------------------------------------------------------------------------


def _charts_of(report):
    return {chart.key: chart for chart in report.charts}


def test_every_chart_kind_draws(era2025_report, team_report):
    from netlens import charts

    shown = [*era2025_report.charts, *team_report.charts]
    assert {chart.kind for chart in shown} == set(charts.DRAWERS)
    for chart in shown:
        # Drawn for real, once a session (conftest.each_chart_drawn_once): the report
        # tests that show the same chart share this drawing.
        assert charts.chart_png(chart).startswith(PNG), chart.key


def test_charts_draw_with_no_data(tmp_path):
    """An export of connections without dates or messages still draws every chart."""
    from netlens.charts import draw, png

    from conftest import connections_csv, write_folder

    folder = write_folder(
        tmp_path / "bare",
        {"Connections.csv": connections_csv("Ana,Lima,,,,,", "Bo,Chen,,,,,")},
    )
    report = review(netlens.load(folder), as_of=AS_OF)
    for chart in report.charts:
        assert png(draw(chart)).startswith(PNG), chart.key


@pytest.fixture(scope="module")
def team_report():
    """Camille's review with her two teammates': the report that reaches the second degree."""
    teammates = [
        netlens.load(SAMPLE / "team" / name)
        for name in ("michael-thompson.zip", "oskar-virtanen.zip")
    ]
    return review(
        netlens.load(SAMPLE / "team" / "camille-martin.zip"),
        as_of=dt.date(2026, 11, 21),
        teammates=teammates,
    )


def test_merged_report_reaches_the_second_degree(team_report):
    report = team_report
    reach = report.results["reach"]
    assert reach["second_degree"] > 0
    assert _charts_of(report)["network"].kind == "network_graph"
    tables = {t.key for s in report.sections for t in s.tables}
    assert {"bridges", "communities", "drawing"} <= tables


# --- Redaction ------------------------------------------------------------------------------


def test_initials():
    assert initials("Maya Cohen") == "M. C."
    assert initials("Jean-Luc Picard") == "J. L. P."
    assert initials("  ") == "?"
    assert initials("李小龍") == "李."


def test_redact_leaves_no_third_party_identifiable(runner, tmp_path):
    export = SAMPLE / "team" / "camille-martin.zip"
    others = [SAMPLE / "team" / "michael-thompson.zip", SAMPLE / "team" / "oskar-virtanen.zip"]
    out = tmp_path / "shared"
    args = ["report", str(export), "-o", str(out), "--redact", "--as-of", "2026-11-21"]
    for other in others:
        args += ["--with", str(other)]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    texts = {p.name: p.read_text(encoding="utf-8") for p in out.glob("*.*")}
    assert set(texts) == {"index.html", "report.md", "report.json", ".netlens-manifest.json"}
    # The charts' pixels hold no text to search (and are most of the page's bytes).
    texts = {name: re.sub(r"base64,[A-Za-z0-9+/=]+", "", text) for name, text in texts.items()}
    network = netlens.load(export)
    owner = network.owner
    people = [netlens.load(path) for path in (export, *others)]
    names = {name for n in people for name in n.people["name"] if name and name != owner.name} | {
        n.owner.name for n in people[1:]
    }
    urls = {url for n in people for url in n.people["url"].dropna() if url != owner.url}
    slugs = {url.rsplit("/", 1)[-1] for url in urls}
    for file, text in texts.items():
        found = [name for name in names if name in text]
        assert not found, f"{file} names {found[:5]}"
        assert not [slug for slug in slugs if f"/in/{slug}" in text], file
        assert not re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", text), file
    assert "M. " in texts["report.md"] or "C. " in texts["report.md"]
    data = json.loads(texts["report.json"])
    assert data["redacted"] is True
    assert all(b["url"] is None for b in data["reach"]["bridges"])
    assert all(c["position"] is None for c in data["reengage"]["contacts"])


# --- The command ----------------------------------------------------------------------------


def test_report_writes_the_three_files_and_charts(runner, tmp_path):
    out = tmp_path / "review"
    result = runner.invoke(
        cli, ["report", str(EXPORTS / "era2025"), "-o", str(out), "--as-of", "2025-06-01"]
    )
    assert result.exit_code == 0, result.output
    assert "Health score" in result.stdout
    assert f"Wrote {out / 'index.html'}" in result.stderr
    assert "Reviewing" not in result.output  # no progress bar when not on a terminal
    assert {p.name for p in out.iterdir()} == {
        "index.html", "report.md", "report.json", "charts", ".netlens-manifest.json"
    }  # fmt: skip
    markdown = (out / "report.md").read_text(encoding="utf-8")
    for image in re.findall(r"\]\((charts/[^)]+)\)", markdown):
        assert (out / image).read_bytes().startswith(PNG)
    assert len(list((out / "charts").glob("*.png"))) >= 6


def test_report_quiet_prints_nothing(runner, tmp_path):
    result = runner.invoke(
        cli, ["report", str(EXPORTS / "era2025"), "-o", str(tmp_path / "r"), "-q",
              "--as-of", "2025-06-01", "--format", "json"],
    )  # fmt: skip
    assert result.exit_code == 0 and result.output == ""
    assert (tmp_path / "r" / "report.json").exists()


def test_report_text_format_prints_and_writes_nothing(runner, tmp_path):
    os.chdir(tmp_path)
    result = runner.invoke(
        cli, ["report", str(EXPORTS / "era2025"), "--format", "text", "--as-of", "2025-06-01"]
    )
    assert result.exit_code == 0
    assert "WHICH TIES HAVE GONE QUIET" in result.stdout
    assert not (tmp_path / "netlens-report").exists()


def test_report_json_to_standard_output(runner):
    result = runner.invoke(
        cli, ["report", str(EXPORTS / "era2025"), "--format", "json", "-o", "-",
              "--as-of", "2025-06-01"],
    )  # fmt: skip
    assert result.exit_code == 0
    assert json.loads(result.stdout)["summary"]["people"] == 16


def test_report_one_format_writes_one_file(runner, tmp_path):
    result = runner.invoke(
        cli, ["report", str(EXPORTS / "era2025"), "--format", "md", "-o", str(tmp_path),
              "--as-of", "2025-06-01", "-q"],
    )  # fmt: skip
    assert result.exit_code == 0
    assert {p.name for p in tmp_path.iterdir()} == {"report.md", "charts", ".netlens-manifest.json"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "-"], "-o - prints one file: add --format html or --format json"),
        (["--format", "md", "-o", "-"], "-o - prints one file"),
        (["--format", "json", "--open"], "--open opens index.html"),
    ],
)
def test_report_usage_errors(runner, args, message):
    result = runner.invoke(cli, ["report", str(EXPORTS / "era2025"), *args])
    assert result.exit_code == 2
    assert message in result.output


def test_report_refuses_a_file_as_folder(runner, tmp_path):
    target = tmp_path / "taken.txt"
    target.write_text("keep me")
    result = runner.invoke(cli, ["report", str(EXPORTS / "era2025"), "-o", str(target)])
    assert result.exit_code == 2
    assert "is a file" in result.output
    assert target.read_text() == "keep me"


def test_report_refuses_a_missing_parent_folder(runner, tmp_path):
    target = tmp_path / "no" / "such"
    result = runner.invoke(cli, ["report", str(EXPORTS / "era2025"), "-o", str(target)])
    assert result.exit_code == 1
    assert "does not exist" in result.output
    assert not target.parent.exists()


def test_report_never_overwrites_its_input(runner, tmp_path):
    export = tmp_path / "report.json"  # an export, oddly named, in the output folder
    zip_folder(EXPORTS / "era2025", export)
    before = export.read_bytes()
    result = runner.invoke(cli, ["report", str(export), "-o", str(tmp_path), "-q"])
    assert result.exit_code == 1
    assert "is one of this command's inputs" in result.output
    assert export.read_bytes() == before
    assert not (tmp_path / "index.html").exists()


def test_every_chart_key_is_known(era2025_report, team_report):
    from netlens.report import CHART_KEYS

    for chart in [*era2025_report.charts, *team_report.charts]:
        assert chart.key in CHART_KEYS


def test_a_later_report_removes_what_it_did_not_replace(runner, tmp_path):
    """An unredacted index.html left beside a redacted report.md would leak names."""
    export = str(SAMPLE / "thomas-johnson.zip")
    (tmp_path / "notes.txt").write_text("mine")
    as_of = ["--as-of", "2026-11-21"]
    assert runner.invoke(cli, ["report", export, "-o", str(tmp_path), "-q", *as_of]).exit_code == 0
    result = runner.invoke(
        cli, ["report", export, "-o", str(tmp_path), "--redact", "--format", "md", *as_of]
    )
    assert result.exit_code == 0
    assert f"Removed {tmp_path / 'index.html'}" in result.stderr
    assert {p.name for p in tmp_path.iterdir()} == {
        "report.md", "charts", "notes.txt", ".netlens-manifest.json"
    }  # fmt: skip
    assert "Abebe Haile" not in (tmp_path / "report.md").read_text(encoding="utf-8")


def test_files_netlens_did_not_write_are_left_alone(runner, tmp_path):
    page = tmp_path / "index.html"
    page.write_text("<html>my own page</html>")
    result = runner.invoke(
        cli, ["report", str(EXPORTS / "era2025"), "-o", str(tmp_path), "--format", "json", "-q"]
    )
    assert result.exit_code == 0
    assert page.read_text() == "<html>my own page</html>"


def test_a_chart_file_that_is_the_input_is_not_overwritten(runner, tmp_path):
    charts = tmp_path / "charts"
    charts.mkdir()
    export = charts / "growth.png"  # an export under an odd name, where a chart would go
    before = zip_folder(EXPORTS / "era2025", export).read_bytes()
    result = runner.invoke(cli, ["report", str(export), "-o", str(tmp_path), "-q"])
    assert result.exit_code == 1
    assert "is one of this command's inputs" in result.output
    assert export.read_bytes() == before


def test_absent_data_is_shown_as_absent_not_zero(tmp_path):
    """Connections only: no messages, no dates — nothing claimed that was not measured."""
    from conftest import connections_csv, write_folder

    folder = write_folder(
        tmp_path / "bare",
        {"Connections.csv": connections_csv("Ana,Lima,,,Acme,Engineer,", "Bo,Chen,,,Initech,CEO,")},
    )
    report = review(netlens.load(folder), as_of=AS_OF)
    figures = {f.label: f for f in report.sections[0].figures}
    assert figures["Ever messaged"].value == "–"
    assert figures["Ever messaged"].note == "no messages in this export"
    assert figures["Industries"].value == "–"
    quiet = next(s for s in report.sections if s.key == "relationships")
    assert "every contact is active" not in " ".join(quiet.findings)
    assert "No contact has a date" in " ".join(quiet.findings)
    assert figures["Active ties"].value == "–"
    assert figures["Added in 12 months"].value == "–"
    growth = next(s for s in report.sections if s.key == "growth")
    assert {f.label for f in growth.figures}.isdisjoint({"Pace", "Burst days"})
    assert "timeline" not in {chart.key for chart in quiet.charts}


def test_communities_are_the_same_on_every_run(runner):
    """Louvain with a fixed seed, on nodes in sorted order: string hashing (which changes
    with PYTHONHASHSEED) must not change the communities."""
    import subprocess
    import sys

    team = SAMPLE / "team"
    command = [
        sys.executable, "-m", "netlens", "reach", str(team / "camille-martin.zip"),
        "--with", str(team / "michael-thompson.zip"), "--with", str(team / "oskar-virtanen.zip"),
        "--format", "json", "--as-of", "2026-11-21",
    ]  # fmt: skip
    # This process hashes strings with its own (random) seed; the child with another.
    seed = "2" if os.environ.get("PYTHONHASHSEED") == "1" else "1"
    child = subprocess.run(
        command, capture_output=True, text=True, check=True,
        env={**os.environ, "PYTHONHASHSEED": seed},
    ).stdout  # fmt: skip
    here = runner.invoke(cli, command[3:]).stdout
    runs = [json.loads(child), json.loads(here)]
    assert runs[0] == runs[1]  # communities, and constraint to the last digit
    assert runs[0]["communities"] and runs[0]["structure"]


def test_notes_name_teammates_files_without_their_folders(tmp_path):
    """A teammate's export without the owner's URL gets a note naming the file: never the
    folder it sits in, and under --redact not even the file."""
    from netlens.graph import build_team

    as_of = dt.date(2026, 11, 21)
    folder = tmp_path / "home" / "alice" / "exports"
    folder.mkdir(parents=True)
    teammate = folder / "bob-export"
    shutil.copytree(EXPORTS / "era2016", teammate)
    networks = [netlens.load(SAMPLE / "thomas-johnson.zip").until(as_of)]
    networks.append(netlens.load(teammate).until(as_of))
    team = build_team(networks, as_of=as_of)
    assert any(str(folder) in note for note in team.notes)
    for redact, shown in ((False, "bob-export: "), (True, "A teammate's export: ")):
        report = review(networks[0], as_of=as_of, teammates=networks[1:], redact=redact)
        text = render(report, "json") + render(report, "md")
        assert str(folder) not in text
        assert shown in text
        assert ("bob-export" in text) is not redact


def test_markdown_links_the_reengage_list_to_profiles(tmp_path):
    network = netlens.load(EXPORTS / "era2025")
    report = netlens.review(network, as_of=dt.date(2025, 6, 1))
    text = render_markdown(report)
    first = report.results["reengage"]["contacts"][0]
    link = f"[{first['name']}](https://www.{first['url']})"
    assert link in text
    redacted = render_markdown(netlens.review(network, as_of=dt.date(2025, 6, 1), redact=True))
    assert "](https://" not in redacted
