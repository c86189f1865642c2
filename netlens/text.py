"""Text from an export, made safe to show: one function per medium.

An export may come from anyone (a teammate's zip, a file found online), and every name,
company and file name in it reaches an output. Each medium has its own hazards:

- a terminal runs escape sequences (``ESC ] 52`` writes the clipboard, others clear the
  screen or set the title) and shows right-to-left overrides that reorder what follows:
  :func:`terminal` shows them escaped;
- an ``Error:`` line must stay one short line: :func:`one_line`;
- Markdown turns bare URLs and e-mail addresses into links: :func:`markdown_safe`;
- XML 1.0 forbids most control characters, and a file holding one reads nowhere:
  :func:`xml_safe`;
- JSON escapes control characters itself, but not line separators or bidi controls:
  :func:`json_text`.

HTML is escaped by jinja2's autoescaping (``netlens.render.html``), with control and bidi
characters made inert by :func:`inert`; CSV cells that a spreadsheet would run as formulas are
neutralised by :func:`neutralise`.
"""

from __future__ import annotations

import json
import re
from typing import Any

__all__ = [
    "inert", "json_text", "markdown_safe", "neutralise", "one_line", "terminal", "xml_safe",
]  # fmt: skip

# Characters that reorder the text after them (Unicode's explicit bidi controls) and line
# or paragraph separators that some terminals take as line breaks.
BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{BIDI}\u2028\u2029]")
_STYLE = re.compile(r"\x1b\[[0-9;]*m")  # colours and bold, as click.style writes them
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_AUTOLINK = re.compile(r"(?i)(://|www\.|@)")
_AUTOLINK_ENTITY = {"://": "&#58;//", "www.": "www&#46;", "@": "&#64;"}


def _escaped(match: re.Match[str]) -> str:
    char = match.group()
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def terminal(text: str, *, styles: bool = True) -> str:
    """``text`` with control characters (but line breaks and tabs), C1 controls, bidi
    controls and line separators shown escaped (``\\x1b``, ``\\u202e``). With ``styles``,
    the colour and bold sequences netlens itself writes are kept."""
    if not styles:
        return _UNSAFE.sub(_escaped, text)
    parts = _STYLE.split(text)
    kept = _STYLE.findall(text)
    out = [_UNSAFE.sub(_escaped, parts[0])]
    for style, part in zip(kept, parts[1:], strict=True):
        out += [style, _UNSAFE.sub(_escaped, part)]
    return "".join(out)


def one_line(text: str, limit: int = 300) -> str:
    """``text`` as one line of at most ``limit`` characters: line breaks as spaces, other
    controls escaped, the middle cut out if it is too long."""
    text = terminal(" ".join(text.splitlines()), styles=False)
    if len(text) <= limit:
        return text
    keep = limit - 1
    return f"{text[: keep * 2 // 3]}…{text[len(text) - (keep - keep * 2 // 3) :]}"


def markdown_safe(text: str) -> str:
    """Text (already escaped as Markdown) in which no URL or e-mail address becomes a
    link: the characters an autolink starts from are written as HTML entities, which
    show the same."""
    return _AUTOLINK.sub(lambda m: _AUTOLINK_ENTITY[m.group().lower()], text)


def xml_safe(text: str) -> str:
    """``text`` with the characters XML 1.0 forbids replaced by U+FFFD."""
    return _XML_FORBIDDEN.sub("\ufffd", text)


def inert(value: Any) -> Any:
    """A string with its control characters (but line breaks and tabs), bidi controls and
    line separators replaced by U+FFFD, for a document (HTML, Markdown); other values as
    they are."""
    if isinstance(value, str) and _UNSAFE.search(value):
        return _UNSAFE.sub("\ufffd", value)
    return value  # as it was, of the same type (markup stays markup)


def json_text(data: Any) -> str:
    """``data`` as indented JSON (UTF-8 text kept as it is), with C1 controls, bidi controls
    and line separators written as ``\\u`` escapes: the same values, safe on a terminal."""
    text = json.dumps(data, indent=2, ensure_ascii=False, default=str)
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """A cell a spreadsheet would run as a formula (``=HYPERLINK(…)``, ``+1``, ``@SUM``…)
    gets a leading apostrophe, which spreadsheets show as text (OWASP CSV injection). A lone
    ``-`` or ``+`` (a placeholder company) is no formula and stays as it is."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and value not in ("-", "+"):
        return "'" + value
    return value
