"""Reach, bridges, redundancy and intros on a hand-drawn team of exports.

    Ann's export:  Bob, Cat, Dan
    Bob's export:  Ann, Cat, Eve, Fay
    Cat's export:  Ann, Bob, Fay, Gus (Globex), Hal (Globex, no URL in her export)
    Eve's export:  Bob, Kim, Hal (with URL)

From Ann: 1st degree Bob, Cat, Dan; 2nd Eve (via Bob), Fay (via Bob and Cat), Gus and Hal
(via Cat); 3rd Kim (via Eve). Bob reaches 2 (1 only through him), Cat 3 (2 only through
her); redundancy 1/4.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import xml.dom.minidom

import pytest

import netlens
from netlens.analyze.intros import intros
from netlens.analyze.reach import first_degree_reach, reach
from netlens.cli import cli
from netlens.errors import NetlensError
from netlens.graph import build_team, read_edges

from conftest import connections_csv, write_folder

AS_OF = dt.date(2026, 11, 21)
IN = "https://www.linkedin.com/in/"
PEOPLE = {
    "ann": "Ann,Archer,{u}ann,,Initech,Founder,01 Jan 2020",
    "bob": "Bob,Baker,{u}bob,,Acme,Engineer,01 Jan 2020",
    "cat": "Cat,Cole,{u}cat,,Acme,Designer,01 Jan 2020",
    "dan": "Dan,Drew,{u}dan,,Umbrella,Nurse,01 Jan 2020",
    "eve": "Eve,Eng,{u}eve,,Hooli,Analyst,01 Jan 2020",
    "fay": "Fay,Fox,{u}fay,,Hooli,Engineer,01 Jan 2020",
    "gus": "Gus,Gray,{u}gus,,Globex,VP Sales,01 Jan 2020",
    "hal": "Hal,Hunt,{u}hal,,Globex,Buyer,01 Jan 2020",
    "kim": "Kim,King,{u}kim,,Contoso,CTO,01 Jan 2020",
}
EXPORTS = {
    "ann": ["bob", "cat", "dan"],
    "bob": ["ann", "cat", "eve", "fay"],
    "cat": ["ann", "bob", "fay", "gus", "hal"],
    "eve": ["bob", "kim", "hal"],
}


def row(person: str, owner: str) -> str:
    text = PEOPLE[person].format(u=IN)
    if owner == "cat" and person == "hal":
        text = text.replace(f"{IN}hal", "")  # Cat's export knows Hal by name only
    return text


@pytest.fixture(scope="module")
def team_paths(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("team")
    paths = {}
    for owner, contacts in EXPORTS.items():
        first, last = PEOPLE[owner].split(",")[:2]
        paths[owner] = write_folder(
            tmp_path / owner,
            {
                "Connections.csv": connections_csv(*(row(p, owner) for p in contacts)),
                "Profile.csv": f"First Name,Last Name\n{first},{last}\n",
            },
        )
    return paths


@functools.cache
def load(path, owner):
    """Each member's export, loaded once for the module (networks are only read)."""
    return netlens.load(path, owner_url=f"{IN}{owner}")


def test_degrees_bridges_redundancy(team_paths):
    networks = [load(team_paths[o], o) for o in ("ann", "bob", "cat", "eve")]
    team = build_team(networks, as_of=AS_OF)
    result = reach(team, exports=4)
    assert (result["first_degree"], result["second_degree"], result["third_degree"]) == (3, 4, 1)
    assert [(b["name"], b["reach"], b["unique_reach"]) for b in result["bridges"]] == [
        ("Cat Cole", 3, 2),
        ("Bob Baker", 2, 1),
    ]
    assert result["redundancy"] == pytest.approx(1 / 4)
    assert team.graph.number_of_nodes() == 9  # Hal by name and Hal by URL are one person
    assert result["structure"]["ties_among_contacts"] == 1  # Bob–Cat
    assert result["structure"]["local_bridges"] == 1  # Dan knows neither Bob nor Cat
    assert result["industries_by_degree"]["1"]["Hospitals and Health Care"] == 1  # Dan, nurse
    assert result["companies_by_degree"]["2"]["distinct"] == 2  # Hooli, Globex


def test_owner_found_by_name_when_no_url(team_paths):
    networks = [netlens.load(team_paths["ann"])] + [
        load(team_paths[o], o) for o in ("bob", "cat", "eve")
    ]
    result = reach(build_team(networks, as_of=AS_OF), exports=4)
    assert (result["first_degree"], result["second_degree"], result["third_degree"]) == (3, 4, 1)


def test_one_export_alone_says_null_beyond_the_first_degree(team_paths):
    result = reach(build_team([load(team_paths["ann"], "ann")], as_of=AS_OF), exports=1)
    assert result["first_degree"] == 3
    assert result["second_degree"] is None and result["third_degree"] is None
    assert result["bridges"] == [] and result["redundancy"] is None
    assert "--with" in result["notes"][0]


@pytest.mark.parametrize("era", ["era2016", "era2025", "quirks", "cp1252"])
def test_first_degree_reach_without_a_graph_matches_the_graph(era):
    """The report's shortcut for one export gives what the graph gives."""
    from netlens.classify import classify_people

    from conftest import EXPORTS

    network = netlens.load(EXPORTS / era)
    as_of = dt.date(2026, 11, 21)
    from_graph = reach(build_team([network.until(as_of)], as_of=as_of), exports=1)
    shortcut = first_degree_reach(classify_people(network.until(as_of).people))
    assert shortcut == from_graph


def test_edges_file_adds_ties(team_paths, tmp_path):
    edges = tmp_path / "ties.csv"
    edges.write_text(
        f"person,other\n{IN}dan/,Gus Gray\nZed Unknown,{IN}dan\nAnn Archer,{IN}ann\n",
        encoding="utf-8",
    )
    pairs = read_edges(edges)
    assert pairs[:2] == [(f"{IN}dan/", "Gus Gray"), ("Zed Unknown", f"{IN}dan")]
    networks = [load(team_paths[o], o) for o in ("ann", "bob", "cat", "eve")]
    result = reach(build_team(networks, as_of=AS_OF, edges=pairs), exports=4)
    assert result["unresolved_edges"] == 1  # Ann and Ann: the same person
    # Zed, whom no export lists, is second degree through Dan: a tie to someone outside
    # the exports is not dropped.
    assert result["second_degree"] == 5
    assert result["redundancy"] == pytest.approx(2 / 5)  # Fay, and now Gus via Cat and Dan
    bridges = [(b["name"], b["reach"], b["unique_reach"]) for b in result["bridges"]]
    assert bridges == [("Cat Cole", 3, 1), ("Bob Baker", 2, 1), ("Dan Drew", 2, 1)]


def test_third_degree_is_unknown_when_no_data_could_show_it(team_paths):
    # Bob and Cat are both Ann's contacts: their exports show Ann's second degree, but
    # nothing shows whom those people know. Unknown, not zero.
    networks = [load(team_paths[o], o) for o in ("ann", "bob", "cat")]
    result = reach(build_team(networks, as_of=AS_OF), exports=3)
    assert result["second_degree"] == 4 and result["third_degree"] is None
    assert "3" not in result["companies_by_degree"]
    assert any(note.startswith("Third degree: unknown, not zero") for note in result["notes"])
    # Eve is not Ann's contact: her export shows the third degree (Kim), and says so in JSON.
    networks.append(load(team_paths["eve"], "eve"))
    assert reach(build_team(networks, as_of=AS_OF), exports=4)["third_degree"] == 1


def test_an_edges_tie_to_an_outsider_says_nothing_of_the_third_degree(team_paths):
    network = load(team_paths["ann"], "ann")
    ties = [(f"{IN}bob", "Zz Outsider")]  # Zz is second degree; whom Zz knows, no one says
    result = reach(build_team([network], as_of=AS_OF, edges=ties), exports=1)
    assert (result["second_degree"], result["third_degree"]) == (1, None)


def test_an_edges_file_alone_reaches_the_third_degree_through_outsiders(team_paths):
    network = load(team_paths["ann"], "ann")
    ties = [(f"{IN}bob", "Eve Eng"), ("Eve Eng", f"{IN}zed-zimmer")]  # neither in an export
    result = reach(build_team([network], as_of=AS_OF, edges=ties), exports=1)
    assert (result["first_degree"], result["second_degree"], result["third_degree"]) == (3, 1, 1)
    assert result["unresolved_edges"] == 0


def test_edges_alone_give_a_second_degree(team_paths, tmp_path):
    network = load(team_paths["ann"], "ann")
    team = build_team([network], as_of=AS_OF, edges=[(f"{IN}bob", f"{IN}cat")])
    result = reach(team, exports=1)
    assert result["second_degree"] == 0  # a tie among contacts: measured, not unknown


def test_intros_to_a_person_and_a_company(team_paths):
    networks = [load(team_paths[o], o) for o in ("ann", "bob", "cat", "eve")]
    team = build_team(networks, as_of=AS_OF)
    kim = intros(team, to="Kim King")
    assert kim["paths"] == [
        {
            "target": "Kim King",
            "target_url": "linkedin.com/in/kim",
            "length": 3,
            "via": ["Bob Baker", "Eve Eng"],
            "advice": "Ask Bob Baker to introduce you to Eve Eng, who knows Kim King "
            "(CTO, Contoso).",
        }
    ]
    globex = intros(team, company="Globex, Inc.")
    assert [p["advice"] for p in globex["paths"]] == [
        "Ask Cat Cole to introduce you to Gus Gray (VP Sales, Globex).",
        "Ask Cat Cole to introduce you to Hal Hunt (Buyer, Globex).",
    ]
    assert intros(team, to="Bob Baker")["paths"][0]["length"] == 1
    with pytest.raises(NetlensError, match="no one in the merged exports matches"):
        intros(team, company="Nobody Corp")


def test_the_same_export_twice_is_refused(team_paths):
    network = load(team_paths["ann"], "ann")
    with pytest.raises(NetlensError, match="given twice"):
        build_team([network, network], as_of=AS_OF)


def test_reach_and_intros_commands(runner, team_paths):
    args = ["--with", str(team_paths["bob"]), "--with", str(team_paths["cat"])]
    result = runner.invoke(
        cli, ["reach", str(team_paths["ann"]), *args, "--format", "json", "--owner-url", "ann"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["exports"], data["first_degree"], data["second_degree"]) == (3, 3, 4)
    result = runner.invoke(
        cli, ["intros", str(team_paths["ann"]), *args, "--company", "Globex", "--owner-url", "ann"]
    )
    assert result.exit_code == 0, result.output
    assert "Ask Cat Cole to introduce you to Gus Gray (VP Sales, Globex)." in result.output
    neither = runner.invoke(cli, ["intros", str(team_paths["ann"]), *args])
    assert neither.exit_code == 2


@pytest.mark.parametrize("fmt", ["gexf", "graphml", "json"])
def test_graph_export_is_valid_and_complete(runner, team_paths, tmp_path, fmt):
    out = tmp_path / f"team.{fmt}"
    result = runner.invoke(
        cli,
        ["export", str(team_paths["ann"]), "--owner-url", "ann", "--with", str(team_paths["bob"]),
         "--with", str(team_paths["cat"]), "--with", str(team_paths["eve"]),
         "--format", fmt, "-o", str(out)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    if fmt == "json":
        data = json.loads(out.read_text(encoding="utf-8"))
        nodes = {n["id"]: n for n in data["nodes"]}
        assert len(nodes) == 9
        assert nodes["linkedin.com/in/kim"]["degree"] == 3
        assert nodes["linkedin.com/in/dan"]["industry"] == "Hospitals and Health Care"
    else:
        document = xml.dom.minidom.parse(str(out))
        assert len(document.getElementsByTagName("node")) == 9


def test_constraint_matches_networkx_on_the_ego_network():
    import networkx as nx

    from netlens.analyze.reach import constraint, induced_edges

    graph = nx.relabel_nodes(nx.karate_club_graph(), str)
    for node in ("0", "5", "33"):
        contacts = list(graph.neighbors(node))
        among = induced_edges(graph, contacts)
        ego = nx.ego_graph(graph, node)
        expected = nx.constraint(ego, nodes=[node])[node]
        assert constraint(contacts, among) == pytest.approx(expected)
        # The same value to the last digit, whatever order the ties come in.
        assert constraint(contacts[::-1], [(b, a) for a, b in among[::-1]]) == constraint(
            contacts, among
        )


def test_communities_do_not_depend_on_the_order_of_the_edges():
    import networkx as nx

    from netlens.analyze.reach import communities

    # Two cliques of five joined by one tie: two communities, whatever the order.
    edges = [(f"a{i}", f"a{j}") for i in range(5) for j in range(i + 1, 5)]
    edges += [(f"b{i}", f"b{j}") for i in range(5) for j in range(i + 1, 5)] + [("a0", "b0")]
    found = communities(edges)
    assert found == [{f"a{i}" for i in range(5)}, {f"b{i}" for i in range(5)}]
    assert communities([(b, a) for a, b in reversed(edges)]) == found
    karate = [(str(a), str(b)) for a, b in nx.karate_club_graph().edges()]
    groups = communities(karate)
    assert sum(map(len, groups)) == 34 and len(groups) >= 2
    assert communities(karate[::-1]) == groups
    assert communities([]) == []


def test_intros_find_people_and_companies_by_part_of_their_name(team_paths):
    networks = [load(team_paths[o], o) for o in ("ann", "bob", "cat", "eve")]
    team = build_team(networks, as_of=AS_OF)
    # "glob" is the start of Globex: everyone there; "KIM" and "king" find Kim King.
    globex = intros(team, company="glob")
    assert {p["target"] for p in globex["paths"]} == {"Gus Gray", "Hal Hunt"}
    assert globex["companies"] == ["Globex"]  # what "glob" was taken to mean, as said
    assert intros(team, to="KIM")["companies"] == []
    assert intros(team, to="KIM")["paths"][0]["target"] == "Kim King"
    assert intros(team, to="king")["paths"][0]["target"] == "Kim King"
    with pytest.raises(NetlensError, match="did you mean 'Kim King'"):
        intros(team, to="Kin Kong")
    with pytest.raises(NetlensError, match="did you mean 'Globex'"):
        intros(team, company="Glbex")
    with pytest.raises(NetlensError, match="check the spelling, or add the export"):
        intros(team, company="Zzyzx")
    with pytest.raises(NetlensError, match="did you mean 'Globex'"):  # a letter swapped
        intros(team, company="Gloebx")
    with pytest.raises(NetlensError, match="matches anyone at 'Inc'"):  # no company's name
        intros(team, company="Inc")


def test_exported_graph_classifies_contacts_as_diversity_does(tmp_path):
    """The industries, functions and seniorities on the owner's contacts in a graph file
    are those of `netlens diversity`, which classifies a network's people together: an
    office manager at a clinic no list knows takes the industry of the nurses beside them
    (``colleagues``), where a row-by-row answer would say Unknown."""
    from netlens.classify import classify_company, classify_people
    from netlens.export import write_graph

    zeltron = [("Rhea", "Registered Nurse"), ("Sam", "Surgeon"), ("Tia", "Staff Nurse"),
               ("Otto", "Office Manager")]  # fmt: skip
    mine = [
        f"{name},Z,{IN}{name.lower()},,Zeltron Ltd,{title},01 Jan 2024" for name, title in zeltron
    ]
    paths = {}
    for owner, rows in (("ann", [*mine, f"Bob,B,{IN}bob,,Acme,Engineer,01 Jan 2024"]),
                        ("bob", [f"Ann,A,{IN}ann,,Initech,Founder,01 Jan 2024",
                                 f"Cy,C,{IN}cy,,Globex,Buyer,01 Jan 2024"])):  # fmt: skip
        paths[owner] = write_folder(tmp_path / owner, {"Connections.csv": connections_csv(*rows)})
    me, mate = load(paths["ann"], "ann"), load(paths["bob"], "bob")
    nodes = json.loads(write_graph(netlens.merge(me, [mate], as_of=AS_OF), "json", network=me,
                                   as_of=AS_OF))["nodes"]  # fmt: skip
    by_id = {node["id"]: node for node in nodes}
    expected = classify_people(me.people).set_index("person_id")
    for person, row in expected.iterrows():
        shown = by_id[person]
        assert (shown["industry"], shown["function"], shown["seniority"]) == (
            row["industry"], row["function"], row["seniority"],
        )  # fmt: skip
    otto = "linkedin.com/in/otto"
    assert expected.at[otto, "industry_source"] == "colleagues"
    assert by_id[otto]["industry"] == "Hospitals and Health Care"
    assert classify_company("Zeltron Ltd", "Office Manager").label == "Unknown"
    assert by_id["linkedin.com/in/cy"]["industry"] == classify_company("Globex", "Buyer").label
