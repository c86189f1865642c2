"""Who is who, in every layer: normalised profile URLs and folded names.

People are keyed by their normalised profile URL: ``https://www.linkedin.com/in/Élodie-D/``,
``http://uk.linkedin.com/in/%C3%A9lodie-d?trk=x`` and ``www.linkedin.com/in/élodie-d`` are
all ``linkedin.com/in/élodie-d``. Where a file has no URL, a person is matched by folded
full name (case, accents and spacing ignored). The loader matches file rows to people with
these (:mod:`netlens.loader.identity`); merging exports, finding a person on the command line
and the analyzers use them too, so they live here, below every layer.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import unquote

from netlens.errors import NetlensError
from netlens.folding import fold

if TYPE_CHECKING:
    from netlens.model import Network

__all__ = ["GIVEN_TWICE", "normalize_name", "normalize_url", "owner_node", "require_owner"]

GIVEN_TWICE = "the same person's export was given twice — pass each export once"

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


def owner_node(network: Network) -> str:
    """The node id of an export's owner: their profile URL, else ``owner:<folded name>``."""
    if network.owner.url:
        return network.owner.url
    name = fold(network.owner.name) or "unknown"
    return f"owner:{name}"


def require_owner(network: Network, role: str) -> None:
    """Raise NetlensError for an export whose owner has neither name nor profile URL, when
    another export is merged with it or it joins a workspace (as ``role``): every such
    export would be the same node, ``owner:unknown``."""
    if network.owner.url or fold(network.owner.name):
        return
    raise NetlensError(
        f"{network.report.source}: whose export this is cannot be told (no Profile.csv, "
        f"invitations or messages name its owner), so it cannot be {role} — pass the whole "
        "export zip LinkedIn sent, not Connections.csv alone"
    )
