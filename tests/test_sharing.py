"""--redact, -q and --format json on every command that prints people; what graphs carry."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import netlens
from netlens.cli import cli

from conftest import EXPORTS

TEAM = Path(__file__).parent.parent / "sample_exports" / "team"
ME, MATE = TEAM / "camille-martin.zip", TEAM / "michael-thompson.zip"


def names_and_urls(*paths: Path) -> tuple[set[str], set[str]]:
    """Every third party's full name and profile URL in these exports: all the people in
    them but the user, the first export's owner (a teammate is a third party)."""
    names, urls = set(), set()
    user = netlens.load(paths[0]).owner
    for path in paths:
        people = netlens.load(path).people
        people = people[people["url"] != user.url]
        names |= {name for name in people["name"] if len(name.split()) >= 2}
        urls |= {url.split("/in/")[1] for url in people["url"].dropna()}
    return names, urls


def someone_reachable_only_through(mate: Path) -> str:
    mine = set(netlens.load(ME).people["name"])
    return next(name for name in netlens.load(mate).people["name"] if name not in mine)


COMMANDS = {
    "stale": ["stale", str(EXPORTS / "era2025")],
    "reengage": ["reengage", str(EXPORTS / "era2025")],
    "diff": ["diff", str(EXPORTS / "era2023"), str(EXPORTS / "era2025")],
    "reach": ["reach", str(ME), "--with", str(MATE)],
    "intros": ["intros", str(ME), "--with", str(MATE), "--to", "TARGET"],
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("fmt", ["text", "json"])
def test_redact_leaves_no_name_or_profile_url(runner, command, fmt):
    args = [a if a != "TARGET" else someone_reachable_only_through(MATE) for a in COMMANDS[command]]
    plain = runner.invoke(cli, [*args, "--format", fmt])
    redacted = runner.invoke(cli, [*args, "--format", fmt, "--redact"])
    assert plain.exit_code == 0 and redacted.exit_code == 0, redacted.output
    exports = [Path(a) for a in args[1:] if Path(a).exists()]
    names, urls = names_and_urls(*exports)
    shown_plain = [n for n in names if n in plain.stdout]
    assert shown_plain, "the plain output names people: the check below means something"
    assert [n for n in names if n in redacted.stdout] == []
    assert [u for u in urls if u in redacted.stdout] == []
    assert str(exports[0].parent) not in redacted.stdout  # a folder can tell the user's name
    if fmt == "json":
        json.loads(redacted.stdout)


def test_quiet_silences_warnings_but_not_the_result(runner):
    args = ["stale", str(EXPORTS / "era2025"), "--as-of", "2026-12-07"]
    loud, quiet = runner.invoke(cli, args), runner.invoke(cli, [*args, "-q"])
    assert loud.stderr.startswith("Warning: as of 2026-12-07")
    assert quiet.stderr == "" and quiet.stdout == loud.stdout


def test_redacted_intros_advice_names_initials_once(runner):
    target = someone_reachable_only_through(MATE)
    out = runner.invoke(cli, ["intros", str(ME), "--with", str(MATE), "--to", target,
                              "--redact", "--format", "json"])  # fmt: skip
    path = json.loads(out.stdout)["paths"][0]
    assert path["via"] == ["M. T."] and path["target_url"] is None
    assert path["advice"] == f"Ask M. T. to introduce you to {path['target']}"
    assert path["advice"].endswith(".") and not path["advice"].endswith("..")


def test_diff_with_nothing_changed_says_so(runner):
    out = runner.invoke(cli, ["diff", str(EXPORTS / "era2025"), str(EXPORTS / "era2025")])
    assert "Nothing changed: the same 16 people" in out.stdout
    assert "(0)" not in out.stdout  # no empty headings


def test_gexf_labels_are_names_and_nodes_carry_the_tie_figures(runner, tmp_path):
    out = tmp_path / "team.gexf"
    result = runner.invoke(cli, ["export", str(ME), "--with", str(MATE), "--with",
                                 str(TEAM / "oskar-virtanen.zip"), "--format", "gexf",
                                 "-o", str(out)])  # fmt: skip
    assert result.exit_code == 0, result.output
    ns = {"g": "http://www.gexf.net/1.2draft"}
    root = ET.parse(out).getroot()
    titles = {
        a.get("id"): a.get("title") for a in root.iter("{http://www.gexf.net/1.2draft}attribute")
    }
    wanted = {"connected_on", "last_contact", "tier", "strength", "industry", "community"}
    assert wanted <= set(titles.values())
    nodes = root.findall(".//g:node", ns)
    names = set(netlens.load(ME).people["name"])
    labels = [node.get("label") for node in nodes]
    assert names <= set(labels)
    assert not any(label.startswith("linkedin.com") for label in labels)
    communities = {
        v.get("value")
        for node in nodes
        for v in node.iter("{http://www.gexf.net/1.2draft}attvalue")
        if titles[v.get("for")] == "community"
    }
    assert len(communities - {"-1"}) >= 2  # two teammates' circles, told apart

    redacted = tmp_path / "shared.gexf"
    runner.invoke(cli, ["export", str(ME), "--with", str(MATE), "--format", "gexf",
                        "-o", str(redacted), "--redact", "-q"])  # fmt: skip
    text = redacted.read_text(encoding="utf-8")
    contacts, urls = names_and_urls(ME, MATE)
    assert [n for n in contacts if n in text] == [] and [u for u in urls if u in text] == []


def test_redacted_people_csv(runner, tmp_path):
    out = tmp_path / "people.csv"
    result = runner.invoke(cli, ["export", str(EXPORTS / "era2025"), "-o", str(out),
                                 "--redact", "-q"])  # fmt: skip
    assert result.exit_code == 0 and result.output == ""
    text = out.read_text(encoding="utf-8-sig")
    names, urls = names_and_urls(EXPORTS / "era2025")
    assert [n for n in names if n in text] == [] and [u for u in urls if u in text] == []
    assert "Nadia" not in text.splitlines()[1]


def test_redacted_did_you_mean_names_no_one(runner):
    """ "Did you mean" names the people close to a typo: --redact gives their initials."""
    intros = ["intros", str(ME), "--with", str(MATE), "--to", "Michel Thompsen"]
    person = ["person", str(ME), "Michel Thompsen"]
    for args in (intros, person):
        plain, redacted = runner.invoke(cli, args), runner.invoke(cli, [*args, "--redact"])
        assert plain.exit_code == redacted.exit_code == 1
        assert "did you mean" in plain.output and "Michael Thompson" in plain.output
        assert "did you mean" in redacted.output and "M. T." in redacted.output
        assert "Thomps" not in redacted.output and "Michel" not in redacted.output


def test_intros_to_yourself_says_so(runner):
    result = runner.invoke(cli, ["intros", str(ME), "--with", str(MATE), "--to", "Camille Martin"])
    assert (
        result.exit_code == 1
        and result.output == "Error: 'Camille Martin' is you: say whom else to reach\n"
    )


def test_redacted_intros_to_a_profile_url_shows_no_slug(runner):
    url = netlens.load(MATE).owner.url
    args = ["intros", str(ME), "--with", str(MATE), "--to", f"https://www.{url}", "--redact"]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Introductions to a profile URL:")
    assert url.split("/in/")[1] not in result.stdout
