import py3langid

from eventwire.clean.language import detect_language


def test_language_of_english_and_russian_text():
    english = "Mobilised soldiers from Orenburg said their commanders had lied to them."
    russian = "Мобилизованные солдаты из Оренбурга заявили, что командиры им лгали."
    assert detect_language(english, py3langid.classify) == "en"
    assert detect_language(russian, py3langid.classify) == "ru"


def test_too_short_to_tell_is_none_and_the_model_is_not_called():
    calls: list[str] = []

    def langid(text: str) -> tuple[str, float]:
        calls.append(text)
        return "en", 1.0

    assert detect_language("Read 12345 -- ok", langid) is None
    assert detect_language("", langid) is None
    assert calls == []


def test_model_gets_one_bounded_sample():
    calls: list[str] = []

    def langid(text: str) -> tuple[str, float]:
        calls.append(text)
        return "de", 1.0

    assert detect_language("Wort " * 10_000, langid) == "de"
    assert len(calls) == 1 and len(calls[0]) < 10_000
