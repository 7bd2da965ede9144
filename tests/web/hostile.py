"""Hostile articles: injection vectors in titles, bodies, outlet names and URLs.

Every vector, if it ever ran, would call ``window.__pwned(n)`` or open a dialog; the browser
tests count both. The articles report the same shelling from several outlets so that the
pipeline finds events (located, dated) and a story to show them on.
"""

from __future__ import annotations

import json
from pathlib import Path

# name → payload; each is distinct in kind, not only in number.
VECTORS = {
    "script": "<script>window.__pwned(1)</script>",
    "img-onerror": '<img src=x onerror="window.__pwned(2)">',
    "svg-onload": "<svg onload=window.__pwned(3)>",
    "javascript-url": "javascript:window.__pwned(4)",
    "break-out-script": '"><script>window.__pwned(5)</script>',
    "iframe-srcdoc": '<iframe srcdoc="<script>parent.__pwned(6)</script>"></iframe>',
    "template-literal": "${window.__pwned(7)}`+window.__pwned(7)+`",
    "attribute-quotes": "' onmouseover='window.__pwned(8)' autofocus onfocus='window.__pwned(8)' x='",
    "close-title": "</title><script>window.__pwned(9)</script>",
    "data-url": "data:text/html;base64,PHNjcmlwdD5hbGVydCgxMCk8L3NjcmlwdD4=",
    "anchor-javascript": '<a href="javascript:window.__pwned(11)">details</a>',
    "style-expression": '<div style="width:expression(alert(12));background:url(javascript:alert(12))">x</div>',
    "details-ontoggle": "<details open ontoggle=window.__pwned(13)>",
    "mutation-xss": "<math><mtext></p><img src=x onerror=window.__pwned(14)></mtext></math>",
    "mixed-case-url": " JaVaScRiPt:alert(15)",
    "angular-template": "{{constructor.constructor('window.__pwned(16)')()}}",
}

V = VECTORS
ARTICLES = [
    {
        "title": f"Shelling kills three at Belgorod market {V['script']}",
        "outlet": f"North Wire {V['img-onerror']}",
        "url": V["javascript-url"],
        "date": "2023-03-07",
        "text": (
            "Artillery shells hit a crowded market in Belgorod on Tuesday, killing three people and wounding "
            f"eleven, regional governor Vyacheslav Gladkov said. {V['svg-onload']}\n\n"
            f"Police detained two men near the market, the governor said {V['anchor-javascript']}.\n\n"
            "Residents said the shelling began shortly after nine in the morning."
        ),
    },
    {
        "title": f"Three killed as shells hit Belgorod market {V['close-title']}",
        "outlet": f"Eastern Post {V['attribute-quotes']}",
        "url": f"https://eastern-post.example/2023/03/07/belgorod-market{V['break-out-script']}",
        "date": "2023-03-07",
        "text": (
            "Three people were killed and eleven wounded when shells hit a crowded market in Belgorod on "
            f"Tuesday, governor Vyacheslav Gladkov said. {V['iframe-srcdoc']}\n\n"
            f"Police detained two men near the market {V['template-literal']}.\n\n"
            f"Residents said the shelling of the market began in the morning. {V['style-expression']}"
        ),
    },
    {
        "title": f"Belgorod residents protest after market shelling {V['details-ontoggle']}",
        "outlet": f"Border Daily {V['angular-template']}",
        "url": V["data-url"],
        "date": "2023-03-08",
        "text": (
            "Hundreds of residents protested in Belgorod on Wednesday, demanding better air defence after "
            f"shells hit a crowded market and killed three people. {V['mutation-xss']}\n\n"
            "Police said the protest was peaceful."
        ),
    },
    {
        "title": f"Market shelling in Belgorod {V['anchor-javascript']}",
        "outlet": "Regional Courier",
        "url": V["mixed-case-url"],
        "date": "2023-03-08",
        "text": (
            f"Shells hit a crowded market in Belgorod on Tuesday, killing three people. {V['script']}\n\n"
            f"The governor said police detained two men. {V['img-onerror']}"
        ),
    },
]


def write_corpus(folder: Path) -> Path:
    """The hostile articles as one JSONL file in *folder*."""
    path = folder / "hostile.jsonl"
    path.write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n", encoding="utf-8")
    return path
