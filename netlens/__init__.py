"""netlens: a local, private review of your professional network from your LinkedIn export.

>>> import netlens
>>> network = netlens.load("sample_exports/…zip")   # doctest: +SKIP
>>> network.people.head()                           # doctest: +SKIP

Heavy libraries (pandas, networkx, matplotlib) are imported only when used, so that
``netlens --help`` stays fast.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from netlens.errors import NetlensError

if TYPE_CHECKING:
    from collections.abc import Callable

    from netlens.model import Network

__version__ = "0.1.0"
__all__ = ["NetlensError", "__version__", "load"]


def load(
    path: str | os.PathLike[str],
    *,
    owner_url: str | None = None,
    owner_name: str | None = None,
    idle: Callable[[], object] | None = None,
) -> Network:
    """Read a LinkedIn export (zip, folder or Connections.csv) into a Network.

    See :func:`netlens.loader.load`.
    """
    from netlens.loader import load as _load

    return _load(path, owner_url=owner_url, owner_name=owner_name, idle=idle)
