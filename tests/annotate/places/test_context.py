from eventwire.annotate.places.context import narrowed, split_designator


def test_designator_with_a_final_dot():
    assert split_designator("Loudon Co.") == ("Loudon", "admin2")
    assert split_designator("Belgorod Oblast") == ("Belgorod", "admin1")
    assert split_designator("Belgorod") == ("Belgorod", None)


def test_feature_words_around_a_name_are_dropped():
    assert "Salinas" in narrowed("Salinas Valley")
    assert "Sacramento" in narrowed("Sacramento River")
    assert "Da Nang" in narrowed("Da Nang International Airport")
    assert "Hartwell" in narrowed("Lake Hartwell")
    assert "Groton" in narrowed("Town of Groton")
    assert "Iraq" in narrowed("northern Iraq")


def test_inhabitants_endings_leave_the_place_name():
    assert "London" in narrowed("Londoners")
    assert "Richmond" in narrowed("Richmondites")
    assert "Chicago" in narrowed("Chicagoans")


def test_short_stems_and_phrases_keep_their_endings():
    assert narrowed("Oran") == []
    assert narrowed("New Yorkers") == []
