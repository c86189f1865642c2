"""Who is who: normalised profile URLs, folded names, and matching file rows to people.

People are keyed by their normalised profile URL: ``https://www.linkedin.com/in/Élodie-D/``,
``http://uk.linkedin.com/in/%C3%A9lodie-d?trk=x`` and ``www.linkedin.com/in/élodie-d`` are
all ``linkedin.com/in/élodie-d``. Where a file has no URL, a person is matched by folded
full name (case, accents and spacing ignored) when that name is unique among the
connections.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

import pandas as pd

from netlens.folding import fold

__all__ = [
    "PeopleIndex",
    "map_unique",
    "normalize_name",
    "normalize_url",
]

_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://")
_USUAL = "https://www.linkedin.com/"
_HOST = re.compile(r"^(?:[a-z0-9-]{1,3}\.)?linkedin\.com(?=/|$)")


def normalize_url(url: str | None) -> str | None:
    """``linkedin.com/in/<slug>`` from any spelling of a profile URL; None when empty.

    Scheme, ``www.`` or a country subdomain, query, fragment, trailing slashes and case are
    removed; percent-encoding is decoded. LinkedIn URNs (``urn:li:…``) identify nobody we can
    match and give None.

    >>> normalize_url("https://www.LinkedIn.com/in/%C3%A9lodie-durand/?trk=x")
    'linkedin.com/in/élodie-durand'
    """
    if url is None:
        return None
    text = str(url)
    key = _NORMALIZED.get(text, _UNKNOWN)
    return _remember(text, _normalize_url(text)) if key is _UNKNOWN else key


# Profile URLs recur across the files of an export and across a team's exports: each
# distinct spelling is normalised once.
_NORMALIZED: dict[str, str | None] = {}
_NORMALIZED_MAX = 1 << 18
_UNKNOWN = object()


def _remember(text: str, key: str | None) -> str | None:
    if len(_NORMALIZED) >= _NORMALIZED_MAX:
        _NORMALIZED.clear()
    _NORMALIZED[text] = key
    return key


def _normalize_url(url: str) -> str | None:
    text = url.strip()
    lowered = text.lower()
    if (
        lowered.startswith(_USUAL)
        and "%" not in lowered
        and "?" not in lowered
        and "#" not in lowered
    ):
        return ("linkedin.com/" + lowered[len(_USUAL) :]).rstrip("/")  # the usual spelling
    if not text or lowered.startswith("urn:"):
        return None
    text = unquote(text).strip().lower()
    text = _SCHEME.sub("", text)
    text = re.split(r"[?#]", text, maxsplit=1)[0]
    text = _HOST.sub("linkedin.com", text)
    text = text.rstrip("/")
    return text or None


def normalize_name(name: str | None) -> str:
    """Fold a name for matching: case, accents, punctuation and spacing ignored.

    >>> normalize_name("  José  Müller-Smith ")
    'jose muller smith'
    """
    return fold(name)


def map_unique(values: pd.Series, func) -> pd.Series:
    """``values.map(func)``, with ``func`` called once per distinct value, not once per row."""
    codes, uniques = pd.factorize(values.to_numpy(), use_na_sentinel=False)
    results = list(map(func, uniques.tolist()))
    lookup = pd.Series(results)
    return pd.Series(lookup.to_numpy()[codes], index=values.index, dtype=lookup.dtype)


class PeopleIndex:
    """Find a person's ``person_id`` from a URL, or from a name unique among the people."""

    def __init__(self, people: pd.DataFrame):
        with_url = people[people["url"].notna()]
        self.by_url: dict[str, str] = dict(
            zip(with_url["url"].tolist(), with_url["person_id"].tolist(), strict=True)
        )
        counts = people["name_key"].value_counts()
        unique = people[people["name_key"].map(counts) == 1]
        unique = unique[unique["name_key"] != ""]
        self.by_name: dict[str, str] = dict(
            zip(unique["name_key"].tolist(), unique["person_id"].tolist(), strict=True)
        )
        # Exports before July 2023 have no URL column: a URL elsewhere then matches nobody,
        # and the name decides, for people without a URL of their own.
        without_url = set(people.loc[people["url"].isna(), "person_id"].tolist())
        self.by_name_if_no_url: dict[str, str] = {
            key: pid for key, pid in self.by_name.items() if pid in without_url
        }

    def match(self, urls: pd.Series | None, names: pd.Series) -> pd.Series:
        """person_id for each row (NA when nobody matches). A row with a URL is matched by
        URL, else by name to a person who has no URL; a row without a URL by its unique
        normalised name."""
        name_keys = map_unique(names.fillna(""), normalize_name)
        if urls is None:
            return name_keys.map(self.by_name)
        return self.match_keys(map_unique(urls.fillna(""), normalize_url), name_keys)

    def match_keys(self, url_keys: pd.Series, name_keys: pd.Series) -> pd.Series:
        """:meth:`match` for URLs and names already normalised."""
        # Plain dict lookups, row by row: Series.map would index each dict anew.
        by_url, by_name, by_name_if_no_url = (
            self.by_url.get, self.by_name.get, self.by_name_if_no_url.get
        )  # fmt: skip
        people = [
            by_name(name) if no_url else by_url(url) or by_name_if_no_url(name)
            for url, name, no_url in zip(
                url_keys.tolist(), name_keys.tolist(), url_keys.isna().tolist(), strict=True
            )
        ]
        return pd.Series(people, index=url_keys.index, dtype=object)
