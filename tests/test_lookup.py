"""``suggest`` rules names out by cheap upper bounds first: the same suggestions as scoring
every name in full."""

from __future__ import annotations

import difflib

from hypothesis import given, settings
from hypothesis import strategies as st

import netlens
from netlens.folding import fold
from netlens.lookup import THRESHOLD, suggest

from conftest import EXPORTS


def every_name_scored(query: str, names: list[str], n: int = 3) -> list[str]:
    """suggest's score worked out for every name, nothing ruled out first."""

    def ratio(a: str, b: str) -> float:
        return difflib.SequenceMatcher(None, a, b).ratio()

    wanted = fold(query)
    typed = wanted.split()
    scored = {}
    for name in dict.fromkeys(names):
        words = fold(name).split()
        if not words or not wanted:
            continue
        by_start = max(ratio(wanted, " ".join(words[i:])[: len(wanted)]) for i in range(len(words)))
        by_word = sum(max(ratio(t, w) for w in words) for t in typed) / len(typed)
        score = max(by_start, by_word) + 0.05 * ratio(typed[0], words[0])
        if score >= THRESHOLD:
            scored[name] = score
    return sorted(scored, key=lambda name: (-scored[name], name))[:n]


PEOPLE = netlens.load(EXPORTS / "era2025").people
NAMES = sorted(set(PEOPLE["name"]) | set(PEOPLE["company"]))


@settings(max_examples=60, deadline=None)
@given(
    name=st.sampled_from(NAMES),
    typo=st.sampled_from(["drop", "swap", "cut", "as is"]),
    at=st.integers(min_value=0, max_value=20),
)
def test_suggest_finds_what_scoring_every_name_finds(name, typo, at):
    at = at % max(len(name) - 1, 1)
    query = {
        "drop": name[:at] + name[at + 1 :],
        "swap": name[:at] + name[at + 1 : at + 2] + name[at : at + 1] + name[at + 2 :],
        "cut": name[: max(at, 3)],
        "as is": name,
    }[typo]
    assert suggest(query, NAMES) == every_name_scored(query, NAMES)
