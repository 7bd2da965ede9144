import gzip

import pytest

from eventwire.ingest.decode import DecodeError, decode, gunzip, looks_binary

RUSSIAN = "Мобилизованные солдаты записали видеообращение и пожаловались на потери и отсутствие снаряжения."
FRENCH = "Les soldats mobilisés se plaignent du matériel défectueux et de l'été passé à Besançon."


def test_utf8_is_read_as_is_and_bom_is_dropped():
    assert decode(("\ufeff" + FRENCH).encode("utf-8")) == (FRENCH, "utf-8")


def test_cp1251_is_detected():
    text, encoding = decode(RUSSIAN.encode("cp1251"))
    assert (text, encoding) == (RUSSIAN, "cp1251")


def test_latin1_text_decodes_as_western():
    text, encoding = decode(FRENCH.encode("latin-1"))
    assert text == FRENCH
    assert encoding == "cp1252"


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.4 rest of a pdf", b"\x89PNG\r\n\x1a\n....", b"abc\x00def", bytes(range(1, 32)) * 20],
)
def test_binary_content_is_refused(data):
    assert looks_binary(data)
    with pytest.raises(DecodeError) as info:
        decode(data)
    assert info.value.reason == "binary"


def test_gunzip_roundtrip_and_corrupt_data():
    assert gunzip(gzip.compress(b"hello")) == b"hello"
    with pytest.raises(DecodeError):
        gunzip(b"\x1f\x8bnot really gzip")
