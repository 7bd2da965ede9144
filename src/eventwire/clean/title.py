"""The title: the container's, or title lines at the top of the text, repeats collapsed."""

from __future__ import annotations

import re

from eventwire.clean.outlet import host_name
from eventwire.clean.rules import setting
from eventwire.clean.text import DASHES, comparison_key, last_char, without_ellipsis

_SITE_SEPARATOR = re.compile(r"\s+[|–—:·•-]\s+")


def is_title_line(line: str) -> bool:
    """A line that can be a title: short, not ending like a sentence (. , ; :) or a dateline
    (a dash: "WASHINGTON (AP) --"), not wholly in brackets, and if a question or exclamation,
    a short one."""
    if not line or len(line) > setting("title", "max_chars") or line[0] + line[-1] == "()":
        return False
    end = last_char(without_ellipsis(line))
    words = len(line.split())
    if end in "?!":
        return words <= setting("title", "max_question_words")
    return end not in ".,;:" + DASHES and words <= setting("title", "max_words")


def repeats(line: str, title: str) -> bool:
    """Whether *line* repeats *title*: equal once quotes, dashes and case are folded, or one
    a truncation (prefix) of the other."""
    a, b = comparison_key(line), comparison_key(title)
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    return len(shorter) >= setting("title", "min_prefix_chars") and longer.startswith(shorter)


def split_title(lines: list[str], given: str | None) -> tuple[str | None, list[str]]:
    """The title and the lines below the title lines at the top.

    The first title line is the title unless the container *given* one; following lines that
    repeat it (possibly truncated, or with other quote marks) are taken too, and the longest
    form wins. A title line with nothing below it is body, not a title.
    """
    title, i = given, 0
    while i < len(lines):
        line = lines[i]
        if line and not is_title_line(line):
            break
        if line and title is None:
            title = line
        elif line and title is not None:
            if not repeats(line, title):
                break
            title = line if len(comparison_key(line)) > len(comparison_key(title)) else title
        i += 1
    if given is None and not any(lines[i:]):
        return None, lines
    return title, lines[i:]


def drop_repeats(lines: list[str], title: str | None) -> list[str]:
    """*lines* without lines equal to the title (folded) further down the text."""
    if not title:
        return lines
    key = comparison_key(title)
    return [line for line in lines if not line or comparison_key(line) != key]


def strip_site_name(title: str, outlet: str | None, url: str | None) -> str:
    """*title* without a trailing " | Outlet" naming the outlet or the URL's site."""
    names = {_squash(n) for n in (outlet, _site(url)) if n}
    parts = _SITE_SEPARATOR.split(title)
    if len(parts) > 1 and _squash(parts[-1]) in names:
        return title[: title.rfind(parts[-1])].rstrip(" |–—:·•-")
    return title


def _squash(name: str) -> str:
    """*name* reduced to its lower-case letters and digits: "Kyiv-Ledger" → "kyivledger"."""
    return "".join(c for c in name.casefold() if c.isalnum())


def _site(url: str | None) -> str | None:
    """The site's name in its host: www.kyiv-ledger.example → kyiv-ledger."""
    host = host_name(url)
    return host.rsplit(".", 1)[0] if host else None
