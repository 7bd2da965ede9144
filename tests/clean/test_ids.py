import hashlib

from eventwire.clean import article_id


def test_article_id_is_a_16_hex_hash_of_collapsed_whitespace():
    expected = hashlib.sha256(b"Soldiers said so. Then left.").hexdigest()[:16]
    assert article_id("  Soldiers said\tso.\n\nThen   left.\n") == expected


def test_different_content_gives_a_different_id():
    assert article_id("Soldiers said so.") != article_id("Soldiers said no.")
