from eventwire.annotate.places.transliteration import has_cyrillic, russian, skeleton, ukrainian


def test_official_ukrainian_romanisation():
    assert ukrainian("Кліщіївка") == "Klishchiivka"
    assert ukrainian("Київ") == "Kyiv"
    assert ukrainian("Горлівка") == "Horlivka"
    assert ukrainian("Згурівка") == "Zghurivka"
    assert ukrainian("Южне") == "Yuzhne"


def test_russian_based_romanisation():
    assert russian("Горловка") == "Gorlovka"
    assert russian("Ярославль") == "Yaroslavl"


def test_skeleton_bridges_the_two_traditions():
    assert skeleton("Klishchiivka") == skeleton("Kleshcheevka") == skeleton("Kleshcheyevka")
    assert skeleton("Horlivka") == skeleton("Gorlovka")
    assert skeleton("Artemivsk") == skeleton("Artemovsk")
    assert skeleton("Bakhmut") != skeleton("Horlivka")


def test_has_cyrillic():
    assert has_cyrillic("Бахмут") and not has_cyrillic("Bakhmut")
