"""Counting the fields of each row without a CSV reader, checked against the csv module."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import netlens
from netlens.loader.csvfile import fields_per_row

from conftest import connections_csv, write_folder


def _reference(text: str, delimiter: str = ",") -> list[int]:
    return [len(row) for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]


def _quoted(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


# Fields as LinkedIn and Excel write them: plain, or quoted when they hold a delimiter, a
# quote or a line break; rows ended by \n, \r\n or \r, some blank, some without a final
# break.
_plain = st.text(alphabet="ab é,;\t", max_size=6).filter(lambda s: not {",", ";", "\t"} & set(s))
_awkward = st.text(alphabet='ab é,;\t"\n\r', max_size=8).map(_quoted)
_row = st.lists(st.one_of(_plain, _awkward), min_size=0, max_size=6)


@settings(max_examples=120, deadline=None)
@given(
    rows=st.lists(_row, max_size=8),
    ending=st.sampled_from(["\n", "\r\n", "\r"]),
    final=st.booleans(),
    delimiter=st.sampled_from([",", "\t", ";"]),
)
def test_fields_per_row_agrees_with_the_csv_module(rows, ending, final, delimiter):
    text = ending.join(delimiter.join(row) for row in rows) + (ending if final else "")
    counted = fields_per_row(text.encode("utf-8"), delimiter.encode())
    assert counted is not None
    assert counted.tolist() == _reference(text, delimiter)


@pytest.mark.parametrize(
    "text",
    [
        "a,b\r1,2\r3\r",  # classic Mac line breaks
        'a,b\n"x\r\ny",2\n\n3,4,5',  # a break inside quotes, a blank line, no final break
        'a,"He said ""hi""",c\n"",,\n',  # doubled quotes, empty quoted field
        "",
    ],
)
def test_fields_per_row_on_edge_cases(text):
    assert fields_per_row(text.encode(), b",").tolist() == _reference(text)


def test_a_quote_in_mid_field_is_left_to_the_csv_module():
    # The csv module takes it as a character: counting quotes would misplace every row after.
    assert fields_per_row(b'name,company\nAl "Bo" Smith,Acme\nx,y\n') is None


def test_odd_rows_are_counted_around_a_stray_quote(tmp_path):
    """A hand-edited file: a quote in mid-field, a short row and a long one after it."""
    rows = [
        'Al "Bo",Smith,https://www.linkedin.com/in/al-bo,,Acme,CEO,01 Jan 2024',
        "Cy,Dee,https://www.linkedin.com/in/cy-dee,,Acme,CTO",
        "Ed,Fox,https://www.linkedin.com/in/ed-fox,,Acme,CFO,02 Jan 2024,extra",
    ]
    folder = write_folder(tmp_path / "export", {"Connections.csv": connections_csv(*rows)})
    warnings = netlens.load(folder).report.warnings
    assert any("1 row with too few fields" in w for w in warnings), warnings
    assert any("1 row with more fields than the header" in w for w in warnings), warnings


def test_a_field_too_long_for_the_csv_module_leaves_the_rows_uncounted(tmp_path):
    """The csv module refuses fields over 128 kB; pandas reads them, and the file loads."""
    long_position = '"' + "x" * 140_000 + '"'
    rows = [
        f"Al,Bo,https://www.linkedin.com/in/al-bo,,Acme,{long_position},01 Jan 2024",
        'Cy "C",Dee,https://www.linkedin.com/in/cy-dee,,Acme,CTO,02 Jan 2024',
    ]
    folder = write_folder(tmp_path / "export", {"Connections.csv": connections_csv(*rows)})
    network = netlens.load(folder)
    assert len(network.people) == 2
    assert network.people["position"].str.len().max() == 140_000
