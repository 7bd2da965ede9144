import gzip
import io
import json

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.ingest import IngestOptions, Source, detect_format, read_source
from eventwire.ingest.tabular import FieldMap
from eventwire.model import RawDocument, Reject

BODY = (
    "A group of mobilised soldiers from the Tver region recorded a video appeal on Tuesday. "
    "They said their commanders had sent them forward without artillery support."
)
PAGE = f"""<!DOCTYPE html><html><head><title>Tver soldiers appeal to Kremlin | The Ledger</title>
<meta property="og:site_name" content="The Ledger"><meta property="article:published_time"
content="2023-02-14T09:00:00Z"></head><body><nav><a href="/">Home</a> | <a href="/w">World</a></nav>
<article><h1>Tver soldiers appeal to Kremlin</h1><p>{BODY}</p>
<p>The video could not be independently verified. A ministry spokesman declined to comment on it.</p>
</article><footer>Subscribe to our newsletter</footer></body></html>"""


def read(tmp_path, name, data, **options):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return list(read_source(Source(name, path), IngestOptions(**options)))


def docs(records):
    return [r for r in records if isinstance(r, RawDocument)]


def test_detect_format_from_name_then_content():
    assert detect_format("a/b.jsonl", b"") == "jsonl"
    assert detect_format("page.html.gz", b"") == "html"
    assert detect_format("dump", b"WARC/1.0\r\n") == "warc"
    assert detect_format("feed", b'<?xml version="1.0"?><rss version="2.0">') == "feed"
    assert detect_format("x", b"<!DOCTYPE html><html>") == "html"
    assert detect_format("x", b'{"text": "a"}') == "jsonl"
    assert detect_format("notes", b"date 2023-03-08 Soldiers said") == "text"


def test_text_file_keeps_everything_for_cleaning(tmp_path):
    raw = f"1674099876 Soldiers appeal to\n\nSoldiers appeal to Kremlin\n\n{BODY}\n"
    [doc] = read(tmp_path, "a.txt", raw)
    assert doc.fmt == "text" and doc.raw_text == raw and doc.source == "a.txt"


def test_jsonl_with_default_and_custom_fields_and_a_truncated_line(tmp_path):
    lines = [
        json.dumps(
            {"headline": "H1", "body": BODY, "link": "https://news.example.org/a", "pub": "2023-01-02"}
        ),
        '{"headline": "H2", "body": "cut off',
        json.dumps({"headline": "H3", "body": BODY + " Again.", "pub": "2023-01-03", "site": "The Ledger"}),
        json.dumps(["not", "an", "object"]),
    ]
    fields = FieldMap.parse(["date=pub", "outlet=site"])
    records = read(tmp_path, "feed.jsonl", "\n".join(lines), fields=fields)
    good = docs(records)
    assert [d.title for d in good] == ["H1", "H3"]
    assert good[0].url == "https://news.example.org/a" and good[0].published == "2023-01-02"
    assert good[1].outlet == "The Ledger"
    bad = [r for r in records if isinstance(r, Reject)]
    assert [(r.source, r.reason) for r in bad] == [
        ("feed.jsonl#2", "malformed"),
        ("feed.jsonl#4", "malformed"),
    ]


def test_csv_with_semicolons_and_a_mapped_text_column(tmp_path):
    data = f'titel;inhalt;datum\n"Appeal";"{BODY}";2023-02-01\n"Empty row";;2023-02-02\n'
    records = read(
        tmp_path, "x.csv", data, fields=FieldMap.parse(["text=inhalt", "title=titel", "date=datum"])
    )
    [doc] = docs(records)
    assert doc.title == "Appeal" and doc.raw_text == BODY and doc.published == "2023-02-01"
    assert [r.reason for r in records if isinstance(r, Reject)] == ["malformed"]


def test_html_page_main_text_and_metadata(tmp_path):
    [doc] = read(tmp_path, "page.html", PAGE)
    assert doc.fmt == "html" and BODY in doc.raw_text
    assert "Subscribe" not in doc.raw_text and "Home" not in doc.raw_text
    assert doc.title.startswith("Tver soldiers appeal") and doc.outlet == "The Ledger"
    assert doc.published.startswith("2023-02-14") and doc.html == PAGE


def test_gzipped_html(tmp_path):
    [doc] = read(tmp_path, "page.html.gz", gzip.compress(PAGE.encode()))
    assert BODY in doc.raw_text


def test_warc_html_responses_only(tmp_path):
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for uri, ctype, payload in [
        ("https://ledger.example.com/2023/02/14/tver", "text/html; charset=utf-8", PAGE.encode()),
        ("https://ledger.example.com/logo.png", "image/png", b"\x89PNG...."),
    ]:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(payload),
                                                      http_headers=headers))  # fmt: skip
    [doc] = docs(read(tmp_path, "crawl.warc.gz", buffer.getvalue()))
    assert doc.fmt == "warc" and BODY in doc.raw_text
    assert doc.url == "https://ledger.example.com/2023/02/14/tver"


def test_rss_and_atom_feeds(tmp_path):
    rss = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Front Wire</title>
    <item><title>Appeal</title><link>https://fw.example.net/1</link>
    <pubDate>Tue, 14 Feb 2023 08:00:00 GMT</pubDate><description>&lt;p&gt;{BODY}&lt;/p&gt;</description></item>
    <item><title>No body</title><link>https://fw.example.net/2</link></item></channel></rss>"""
    records = read(tmp_path, "front.rss", rss)
    [doc] = docs(records)
    assert (doc.title, doc.outlet, doc.url, doc.raw_text) == (
        "Appeal",
        "Front Wire",
        "https://fw.example.net/1",
        BODY,
    )
    assert "2023" in doc.published
    atom = f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
    <title>Atom Desk</title><entry><title>Desertion case</title><link href="https://ad.example.org/9"/>
    <updated>2023-02-15T10:00:00Z</updated><content type="html">&lt;p&gt;{BODY}&lt;/p&gt;</content></entry></feed>"""
    [doc] = docs(read(tmp_path, "desk.atom", atom))
    assert doc.title == "Desertion case" and doc.url == "https://ad.example.org/9" and BODY in doc.raw_text


def test_bad_files_become_rejects_with_reasons(tmp_path):
    assert read(tmp_path, "e.txt", b"  \n\n") == [Reject("e.txt", "empty", "no content")]
    assert read(tmp_path, "b.txt", b"\x00\x01\x02binary")[0].reason == "binary"
    big = read(tmp_path, "big.txt", b"word " * 1000, max_document_bytes=1000)
    assert big[0].reason == "oversized"
    assert read(tmp_path, "x.rss", "<rss><channel></channel></rss>")[0].reason == "malformed"


def test_cp1251_text_file_is_decoded(tmp_path):
    text = "Солдаты из Белгородской области пожаловались на командование и отсутствие палаток."
    [doc] = read(tmp_path, "ru.txt", text.encode("cp1251"))
    assert doc.raw_text == text
