"""Matching the rows of an export's files to its people: by normalised profile URL, else by
folded full name when that name is unique among the connections (the keys themselves are
made by :mod:`netlens.identity`)."""

from __future__ import annotations

import pandas as pd

from netlens.folding import fold_all
from netlens.identity import normalize_url

__all__ = ["PeopleIndex", "map_unique"]


def map_unique(values: pd.Series, func, *, batch: bool = False) -> pd.Series:
    """``values.map(func)``, with ``func`` called once per distinct value, not once per row;
    with ``batch``, once on the list of them, returning a list (as
    :func:`~netlens.folding.fold_all` does)."""
    codes, uniques = pd.factorize(values.to_numpy(), use_na_sentinel=False)
    distinct = uniques.tolist()
    results = func(distinct) if batch else list(map(func, distinct))
    lookup = pd.Series(results)
    return pd.Series(lookup.to_numpy()[codes], index=values.index, dtype=lookup.dtype)


class PeopleIndex:
    """Find a person's ``person_id`` from a URL, or from a name unique among the people."""

    def __init__(self, people: pd.DataFrame):
        # The three columns alone: a mask over the whole table would copy all its columns.
        url, person_id, name_key = people["url"], people["person_id"], people["name_key"]
        has_url = url.notna()
        self.by_url: dict[str, str] = dict(
            zip(url[has_url].tolist(), person_id[has_url].tolist(), strict=True)
        )
        unique = (name_key.map(name_key.value_counts()) == 1) & (name_key != "")
        self.by_name: dict[str, str] = dict(
            zip(name_key[unique].tolist(), person_id[unique].tolist(), strict=True)
        )
        # Exports before July 2023 have no URL column: a URL elsewhere then matches nobody,
        # and the name decides, for people without a URL of their own.
        without_url = set(person_id[~has_url].tolist())
        self.by_name_if_no_url: dict[str, str] = {
            key: pid for key, pid in self.by_name.items() if pid in without_url
        }

    def match(self, urls: pd.Series | None, names: pd.Series) -> pd.Series:
        """person_id for each row (NA when nobody matches). A row with a URL is matched by
        URL, else by name to a person who has no URL; a row without a URL by its unique
        normalised name."""
        name_keys = map_unique(names.fillna(""), fold_all, batch=True)
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
