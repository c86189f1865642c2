"""Issue 17: placeholders in the main languages of LinkedIn's members, the user's map over
placeholders, and one employer under its many names."""

from __future__ import annotations

import json

import pytest

import netlens
from netlens.analyze.diversity import diversity
from netlens.classify import (
    UNKNOWN,
    classify_company,
    classify_people,
    classify_position,
    company_key,
    is_placeholder,
    is_self_employed,
    read_industry_map,
)
from netlens.cli import cli

from conftest import connections_csv, write_folder

SELF_EMPLOYED = [
    "Self-Employed", "Freelance", "Independent Consultant", "Sole Trader", "عمل مستقل",
    "Selbstständig", "Freiberufler", "Autónomo", "Trabajador independiente", "Indépendant",
    "Auto-entrepreneur", "Autônomo", "Profissional Autônomo", "Libero professionista",
    "Zelfstandige", "ZZP'er", "Serbest", "Serbest Meslek", "Własna działalność gospodarcza",
    "自営業", "Jieigyo", "自由职业", "Ziyou Zhiye", "Self-employed / Freelance",
    "Freelancer & Student", "FREELANCE | SELF EMPLOYED",
]  # fmt: skip
NO_EMPLOYER = [
    "Confidential", "Confidencial", "Confidentiel", "Vertraulich", "Riservato", "Gizli",
    "Stealth", "Stealth Startup", "Stealth AI Startup", "Unemployed", "Arbeitssuchend",
    "En recherche d'emploi", "Desempleado", "Em busca de recolocação", "Werkzoekend",
    "Looking for new opportunities", "Open to Work", "Retired", "Im Ruhestand", "Retraité",
    "Jubilado", "Aposentado", "In pensione", "Gepensioneerd", "Emekli", "Emeryt", "متقاعد",
    "Student", "Étudiant", "Estudiante", "Studente", "Öğrenci", "طالب", "学生",
]  # fmt: skip


@pytest.mark.parametrize("company", SELF_EMPLOYED)
def test_self_employed_in_many_languages(company):
    assert is_placeholder(company) and is_self_employed(company)
    assert company_key(company) != "" and classify_company(company, "").label == UNKNOWN
    assert classify_position("Physiotherapist", company) == ("Healthcare Services", "Owner")


@pytest.mark.parametrize("company", NO_EMPLOYER)
def test_no_employer_in_many_languages(company):
    assert is_placeholder(company) and not is_self_employed(company)


@pytest.mark.parametrize(
    "company", ["Freelance Hub Ltd", "Independent Bank", "Student Loans Company", "And",
                "Stealth Communications", "Retired Officers Association", "Serbest Bölge A.Ş."],
)  # fmt: skip
def test_names_with_a_placeholder_word_are_companies(company):
    assert not is_placeholder(company)


def test_the_users_map_classifies_placeholders(tmp_path):
    path = tmp_path / "map.csv"
    path.write_text(
        "company,industry\nSelf-employed,Legal Services\nFreelance,Software Development\n"
        "Confidential,Banking\nSelbstständig,Retail\n",
        encoding="utf-8",
    )
    mapping = read_industry_map(path)
    expected = {
        "Self-Employed": "Professional Services",
        "Freelance": "Technology, Information and Media",
        "CONFIDENTIAL": "Financial Services",
        "Selbstständig": "Retail",
        "Autónomo": UNKNOWN,  # not in the map: the position decides, and says nothing
    }
    for company, industry in expected.items():
        assert classify_company(company, "Owner", industry_map=mapping).label == industry

    rows = [f"P{i},X,,,{company},Owner,01 Jan 2020" for i, company in enumerate(expected)]
    folder = write_folder(tmp_path / "e", {"Connections.csv": connections_csv(*rows)})
    people = classify_people(netlens.load(folder).people, industry_map=mapping)
    assert people["industry"].tolist() == list(expected.values())
    assert people["industry_source"].tolist()[:4] == ["user map"] * 4
    # still no employer: they are not counted as a company
    assert (people["company_key"] == "").all()


@pytest.mark.parametrize(
    "variants",
    [
        ["Meta", "Meta Platforms, Inc.", "Facebook"],
        ["IBM", "International Business Machines", "IBM Corporation"],
        ["Deloitte", "Deloitte Consulting LLP", "Deloitte Touche Tohmatsu", "Deloitte India"],
        ["Google", "Alphabet Inc.", "Google LLC"],
        ["Accenture", "Accenture plc"],
        ["PwC", "PricewaterhouseCoopers", "PricewaterhouseCoopers LLP"],
        ["EY", "Ernst & Young", "Ernst & Young LLP"],
        ["KPMG", "KPMG LLP", "KPMG US"],
        ["Amazon", "Amazon Web Services (AWS)", "AWS", "Amazon.com, Inc."],
        ["Microsoft", "Microsoft Corporation"],
        ["J.P. Morgan", "JPMorgan Chase & Co.", "JPMorgan"],
    ],
)
def test_an_employers_names_are_one_company(variants):
    assert len({company_key(name) for name in variants}) == 1


def test_aliases_join_names_but_keep_their_industry():
    assert company_key("Apple Retail") == company_key("Apple Inc.")
    assert classify_company("Apple Retail").label == "Retail"
    assert classify_company("Apple Inc.").label != "Retail"
    assert classify_company("Amazon Web Services").label == "Technology, Information and Media"
    assert classify_company("Deloitte Consulting LLP").label == "Professional Services"
    assert company_key("Meta Consulting GmbH") == "meta consulting"  # a place or nothing
    assert company_key("Apple Valley School District") == "apple valley school district"


def test_diversity_counts_an_employers_names_as_one(tmp_path, runner):
    companies = ["Meta Platforms, Inc.", "Meta", "Meta", "Facebook", "IBM",
                 "International Business Machines Corporation", "Deloitte Consulting LLP",
                 "Deloitte"]  # fmt: skip
    rows = [f'P{i},X,,,"{c}",Engineer,01 Jan 2020' for i, c in enumerate(companies)]
    folder = write_folder(tmp_path / "e", {"Connections.csv": connections_csv(*rows)})
    found = diversity(netlens.load(folder), by="company")
    assert {c["name"]: c["count"] for c in found["categories"]} == {
        "Meta": 4, "Deloitte": 2, "IBM": 2,  # a tie: the employer's own name
    }  # fmt: skip
    assert found["present_categories"] == 3

    result = runner.invoke(cli, ["diversity", str(folder), "--by", "company", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["present_categories"] == 3


def test_colleagues_positions_tell_the_industry_of_a_company_with_an_opaque_name(tmp_path):
    rows = [
        "A,One,,,Ledgerly,Senior Software Engineer,01 Jan 2020",
        "B,Two,,,Ledgerly Inc.,Frontend Developer,01 Jan 2020",
        "C,Three,,,Ledgerly,Registered Nurse,01 Jan 2020",  # outvoted
        "D,Four,,,Ledgerly,Head of Growth,01 Jan 2020",
        "E,Five,,,Qwzx,Head of Growth,01 Jan 2020",  # no colleague: unknown
        "F,Six,,,Self-employed,Head of Growth,01 Jan 2020",  # no company: no colleagues
        "G,Seven,,,Self-employed,Software Engineer,01 Jan 2020",
    ]
    folder = write_folder(tmp_path / "e", {"Connections.csv": connections_csv(*rows)})
    people = classify_people(netlens.load(folder).people)
    tech = "Technology, Information and Media"
    assert people["industry"].tolist() == [
        tech, tech, "Hospitals and Health Care", tech, UNKNOWN, UNKNOWN, tech,
    ]  # fmt: skip
    assert people["industry_source"].tolist()[3:6] == ["colleagues", "unknown", "unknown"]


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Ekin Tekstil San. ve Tic. Ltd. Şti.", "ekin tekstil"),
        ("Akdeniz İnşaat A.Ş.", "akdeniz insaat"),
        ("Al Noor Trading & Contracting W.L.L.", "al noor trading contracting"),
        ("Kita Regenbogen e.V.", "kita regenbogen"),
        ("Shenzhen Huachuang Keji Youxian Gongsi", "shenzhen huachuang keji"),
        ("Construtora Horizonte Ltda", "construtora horizonte"),
        ("Sri Sai Infotech (P) Ltd.", "sri sai infotech"),
        ("Osaka Kogyo Kabushiki Kaisha", "osaka kogyo"),
    ],
)
def test_legal_forms_of_many_countries_are_not_counted(name, key):
    assert company_key(name) == key
