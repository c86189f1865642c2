"""Classification: company normalisation, placeholders, the layers, the user's map."""

from __future__ import annotations

import json
from collections import Counter

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import netlens
from netlens.classify import (
    UNKNOWN,
    categories,
    classify_company,
    classify_people,
    classify_position,
    company_key,
    industry_group,
    is_placeholder,
    read_industry_map,
)
from netlens.classify.text import KeywordTable, read_data
from netlens.cli import cli
from netlens.errors import NetlensError

from conftest import EXPORTS, connections_csv, write_folder


@pytest.mark.parametrize(
    "spelling",
    ["Contoso", "Contoso, Inc.", "CONTOSO LTD", "The Contoso Company", "contoso llc",
     "Contoso GmbH", "Contoso S.A.", "Contoso PLC", "Contoso AG", "Contoso B.V.",
     "Contoso Corp.", "Contoso Co.", "  Contoso  ", "Contoso Pty Ltd", "Contoso GmbH & Co. KG"],
)  # fmt: skip
def test_company_spellings_are_one_company(spelling):
    assert company_key(spelling) == "contoso"


def test_company_key_keeps_what_is_not_a_legal_form():
    assert company_key("Société Générale S.A.") == "societe generale"
    assert company_key("St. Mary's Hospital") == "st marys hospital"
    assert company_key("AB InBev") == "ab inbev"  # AB leads: not a suffix here
    assert company_key("Co") == "co"  # never stripped to nothing


@pytest.mark.parametrize(
    "company", ["Self-employed", "self employed", "Freelance", "Freelancer", "Confidential",
                "N/A", "n/a", "-", ".", "", "  ", "Selbstständig", "Autónomo", "Stealth Startup"],
)  # fmt: skip
def test_placeholders(company):
    assert is_placeholder(company)
    assert classify_company(company) == classify_company("", "")  # nothing to go on


def test_real_companies_are_not_placeholders():
    for company in ["Acme", "Freelance Hub Ltd", "Independent Bank", "Self Storage Direct"]:
        assert not is_placeholder(company)


def test_taxonomies_have_linkedins_sizes():
    assert len(categories("industry")) == 20
    assert len(categories("function")) == 26
    assert len(categories("seniority")) == 10


def test_every_data_table_uses_exact_labels():
    labels = {dim: set(categories(dim)) for dim in ("industry", "function", "seniority")}
    for row in read_data("companies.csv"):
        assert row["industry"] in labels["industry"], row
    for name in ("company_keywords.csv", "company_keywords_vague.csv",
                 "position_industry_keywords.csv"):  # fmt: skip
        for row in read_data(name):
            assert row["industry"] in labels["industry"], (name, row)
    for row in read_data("function_keywords.csv"):
        assert row["function"] in labels["function"], row
    for row in read_data("seniority_keywords.csv"):
        assert row["seniority"] in labels["seniority"], row
    for row in read_data("linkedin_industries.csv"):
        assert row["group"] in labels["industry"], row


def test_the_builtin_table_is_large_and_covers_every_industry():
    rows = read_data("companies.csv")
    assert len(rows) >= 800
    assert {row["industry"] for row in rows} == set(categories("industry"))


def test_layers_in_order():
    # a known company, found under a variant spelling and a legal form
    assert classify_company("JPMorgan Chase & Co.").source == "known company"
    # keywords in the company name
    found = classify_company("Raiffeisenbank Oberland eG")
    assert (found.label, found.source) == ("Financial Services", "company name")
    assert classify_company("Northwind Logistics GmbH").label == (
        "Transportation, Logistics, Supply Chain and Storage"
    )
    # nothing in the name: the position decides
    found = classify_company("Blue Harbor Group", "Registered Nurse")
    assert (found.label, found.source) == ("Hospitals and Health Care", "position")
    # a placeholder company: only the position can say
    assert classify_company("Self-employed", "Attorney at Law").source == "position"
    assert classify_company("Self-employed", "").label == UNKNOWN
    assert classify_company("Qwzx", "Xyzzy").source == "unknown"


def test_the_users_map_beats_everything(tmp_path):
    path = tmp_path / "map.csv"
    path.write_text(
        "company,industry\nGoogle Inc.,retail\nQwzx,Software Development\nAcme,\n",
        encoding="utf-8",
    )
    mapping = read_industry_map(path)
    assert mapping == {"google": "Retail", "qwzx": "Technology, Information and Media"}
    found = classify_company("Google", industry_map=mapping)
    assert (found.label, found.source) == ("Retail", "user map")


def test_industry_map_errors(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("company,industry\nAcme,Tech stuff\n", encoding="utf-8")
    with pytest.raises(NetlensError, match=r"bad.csv, line 2: 'Tech stuff' is not one of"):
        read_industry_map(bad)
    header = tmp_path / "header.csv"
    header.write_text("name,sector\nAcme,Retail\n", encoding="utf-8")
    with pytest.raises(NetlensError, match="line 1 must name the columns company and industry"):
        read_industry_map(header)
    with pytest.raises(NetlensError, match="no such file"):
        read_industry_map(tmp_path / "missing.csv")


def test_linkedin_detailed_industries_map_to_their_group():
    assert industry_group("Software Development") == "Technology, Information and Media"
    assert industry_group("hospital & health care") == "Hospitals and Health Care"
    assert industry_group("Staffing and Recruiting") == "Administrative and Support Services"
    assert industry_group("Tech stuff") is None


@pytest.mark.parametrize(
    ("position", "function", "seniority"),
    [
        ("Senior Software Engineer", "Engineering", "Senior"),
        ("VP, Sales EMEA", "Sales", "VP"),
        ("Geschäftsführer", "Operations", "CXO"),
        ("Co-founder & CEO", "Entrepreneurship", "Owner"),
        ("Intern - Data Science", None, "Training"),
        ("Head of People", "Human Resources", "Director"),
        ("Registered Nurse", "Healthcare Services", "Entry"),
        ("Managing Partner", None, "Partner"),
        ("Gerente de Operaciones", "Operations", "Manager"),
        ("Volunteer", None, "Unpaid"),
        ("", UNKNOWN, UNKNOWN),
    ],
)
def test_function_and_seniority_from_the_title(position, function, seniority):
    got_function, got_seniority = classify_position(position)
    if function is not None:
        assert got_function == function
    assert got_seniority == seniority


def test_self_employed_without_a_level_are_owners():
    assert classify_position("Steuerberater", "Selbstständig")[1] == "Owner"
    assert classify_position("Steuerberater", "Kanzlei Weber")[1] == "Entry"
    assert classify_position("Senior Consultant", "Freelance")[1] == "Senior"


def test_keyword_table_priority_prefix_and_suffix():
    table = KeywordTable(
        [("health insurance", "F"), ("health", "H"), ("pharma*", "M"), ("*spital", "H2")]
    )
    assert table.match("acme health insurance") == "F"  # earlier row wins, wherever it is
    assert table.match("acme health") == "H"
    assert table.match("novartis pharmaceuticals") == "M"
    assert table.match("kantonsspital aarau") == "H2"
    assert table.match("hospitality") is None


def test_classify_people_uses_the_most_common_spelling(tmp_path):
    rows = [
        'A,One,,,"Contoso, Inc.",Engineer,01 Jan 2020',
        "B,Two,,,Contoso,Senior Engineer,01 Jan 2020",
        "C,Three,,,Contoso,Designer,01 Jan 2020",
        "D,Four,,,Self-employed,Consultant,01 Jan 2020",
    ]
    folder = write_folder(tmp_path / "e", {"Connections.csv": connections_csv(*rows)})
    people = classify_people(netlens.load(folder).people)
    assert people["company_name"].tolist() == ["Contoso", "Contoso", "Contoso", ""]
    assert people["company_key"].tolist() == ["contoso", "contoso", "contoso", ""]
    assert people["seniority"].tolist() == ["Entry", "Senior", "Entry", "Owner"]


def test_diversity_command_json_and_unknown_roundtrip(runner, tmp_path):
    export = EXPORTS / "era2025"
    result = runner.invoke(cli, ["diversity", str(export), "--format", "json",
                                 "--as-of", "2026-01-31"])  # fmt: skip
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    for field in ["by", "total", "known", "unknown_share", "categories", "shannon", "evenness",
                  "blau", "iqv", "effective_number", "hhi", "top_share"]:  # fmt: skip
        assert field in data
    assert data["by"] == "industry" and data["total"] == 16
    assert sum(c["count"] for c in data["categories"]) == data["known"]

    unknown = tmp_path / "unknown.csv"
    result = runner.invoke(cli, ["diversity", str(EXPORTS / "quirks"), "--unknown-out",
                                 str(unknown)])  # fmt: skip
    assert result.exit_code == 0, result.output
    table = pd.read_csv(unknown, dtype=str, keep_default_na=False)
    assert list(table.columns) == ["company", "industry", "people"]
    assert (table["industry"] == "").all()
    if len(table):
        table["industry"] = "Retail"
        table.to_csv(unknown, index=False)
        again = runner.invoke(cli, ["diversity", str(EXPORTS / "quirks"), "--format", "json",
                                    "--industry-map", str(unknown)])  # fmt: skip
        before = json.loads(
            runner.invoke(cli, ["diversity", str(EXPORTS / "quirks"), "--format", "json"]).stdout
        )
        assert json.loads(again.stdout)["unknown"] < before["unknown"]


def test_export_csv_columns_and_formula_neutralisation(runner, tmp_path):
    rows = ['"=HYPERLINK(""http://x"")",Eve,,,+Acme,@boss,01 Jan 2020']
    folder = write_folder(tmp_path / "e", {"Connections.csv": connections_csv(*rows)})
    out = tmp_path / "people.csv"
    result = runner.invoke(cli, ["export", str(folder), "--format", "csv", "-o", str(out),
                                 "--as-of", "2026-01-01"])  # fmt: skip
    assert result.exit_code == 0, result.output
    table = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert list(table.columns) == [
        "name", "url", "company", "position", "connected_on", "industry", "function",
        "seniority", "tier", "last_interaction", "last_contact", "days_since", "messages",
        "strength",
    ]  # fmt: skip
    row = table.iloc[0]
    assert row["name"] == '\'=HYPERLINK("http://x") Eve'
    assert row["company"] == "'+Acme"
    assert row["position"] == "'@boss"
    assert row["connected_on"] == "2020-01-01"
    assert row["tier"] == "never"  # connected, never in contact
    assert row["days_since"] == str((pd.Timestamp("2026-01-01") - pd.Timestamp("2020-01-01")).days)


def test_keyword_tables_have_no_duplicate_keywords():
    for name in ("company_keywords.csv", "company_keywords_vague.csv",
                 "position_industry_keywords.csv", "function_keywords.csv",
                 "seniority_keywords.csv"):  # fmt: skip
        keywords = Counter(row["keyword"].strip() for row in read_data(name))
        duplicated = {k for k, count in keywords.items() if count > 1}
        assert not duplicated, (name, sorted(duplicated)[:10])


def test_industry_map_from_a_spreadsheet(tmp_path):
    path = tmp_path / "map.csv"
    path.write_bytes("company;industry\r\nCafé Müller;Retail\r\n".encode("cp1252"))
    assert read_industry_map(path) == {"cafe muller": "Retail"}


def test_industry_map_conflicting_rows(tmp_path):
    path = tmp_path / "map.csv"
    path.write_text("company,industry\nContoso,Retail\nContoso Inc.,Utilities\n", "utf-8")
    with pytest.raises(NetlensError, match=r"line 3: 'Contoso Inc.' is mapped twice"):
        read_industry_map(path)


def test_industry_map_with_an_unquoted_industry_that_has_commas(tmp_path):
    """The --unknown-out file filled in by hand: company,industry,people."""
    path = tmp_path / "unknown.csv"
    path.write_text(
        "company,industry,people\n"
        "Contoso,Technology, Information and Media,3\n"
        '"Fabrikam, Inc.","Transportation, Logistics, Supply Chain and Storage",2\n'
        "Tailspin Toys,Retail,1\n",
        "utf-8",
    )
    assert read_industry_map(path) == {
        "contoso": "Technology, Information and Media",
        "fabrikam": "Transportation, Logistics, Supply Chain and Storage",
        "tailspin toys": "Retail",
    }


_COMPANIES = [
    None, "", "Self-employed", "Freelance", "Selbstständig", "Confidential", "N/A", "-",
    "Raiffeisenbank Oberland eG", "Deloitte Tax & Legal Wien", "Apple Valley School District",
    "Contoso, Inc.", "CONTOSO LTD", "The Contoso Company", "Kantonsspital Aarau",
    "Acme Solutions", "Blue Capital", "Müller Präzisionstechnik GmbH & Co. KG", "Northwind",
]  # fmt: skip
_POSITIONS = [
    None, "", "Senior Software Engineer", "Steuerberater", "Nurse", "Attorney at Law",
    "Head of Sales", "Intern", "Geschäftsführer", "Consultant", "VP Marketing", "Owner",
]  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(
    rows=st.lists(st.tuples(st.sampled_from(_COMPANIES), st.sampled_from(_POSITIONS)), max_size=40),
    mapped=st.sets(st.sampled_from(_COMPANIES[8:]), max_size=3),
)
def test_classify_people_says_what_each_row_alone_would(rows, mapped):
    """classify_people works per distinct company and position; each row must still get
    what classify_company and classify_position give it, the user's map included, but for
    what its colleagues' positions tell."""
    industry_map = {company_key(c): "Financial Services" for c in mapped}
    people = pd.DataFrame(
        {
            "company": pd.Series([c for c, _ in rows], dtype="str"),
            "position": pd.Series([p for _, p in rows], dtype="str"),
        }
    )
    out = classify_people(people, industry_map=industry_map)
    for (company, position), row in zip(rows, out.itertuples(), strict=True):
        company, position = company or "", position or ""
        expected = classify_company(company, position, industry_map=industry_map)
        if row.industry_source == "colleagues":
            # one row alone knows no colleagues: alone it is left to a vague word or unknown,
            # and a colleague's own position says what the row got
            assert expected.source in ("vague company word", "unknown")
            colleagues = out[(out["company_key"] == row.company_key)]
            assert ((colleagues["industry_source"] == "position")
                    & (colleagues["industry"] == row.industry)).any()  # fmt: skip
            continue
        assert (row.industry, row.industry_source) == (expected.label, expected.source)
        assert (row.function, row.seniority) == classify_position(position, company)
        assert row.company_key == ("" if is_placeholder(company) else company_key(company))


def test_industries_alone_are_the_same_as_with_roles():
    import netlens

    people = netlens.load(EXPORTS / "era2025").people
    full = classify_people(people)
    alone = classify_people(people, roles=False)
    assert "function" not in alone and "seniority" not in alone
    assert alone.equals(full.drop(columns=["function", "seniority"]))


def test_a_binary_industry_map_is_named_not_echoed(tmp_path):
    from netlens.classify import read_industry_map
    from netlens.errors import NetlensError

    path = tmp_path / "map.zip"
    path.write_bytes(b"PK\x03\x04\x14\x00\x08\x00" + bytes(range(256)))
    with pytest.raises(NetlensError) as caught:
        read_industry_map(path)
    assert "(found: not text: a zip, a spreadsheet or another binary file)" in str(caught.value)
    assert "\x03" not in str(caught.value)
