import pytest

from eventwire.clean.outlet import host_name, outlet_name


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("https://www.Baltic-Courier.example/news/x", "baltic-courier.example"),
        ("http://northwire.example:8080/a", "northwire.example"),
        ("www.northwire.example/a", "northwire.example"),
        ("", None),
        (None, None),
    ],
)
def test_host_name(url, host):
    assert host_name(url) == host


def test_outlet_prefers_the_container_then_the_url():
    assert outlet_name(" North Wire ", "https://other.example/") == "North Wire"
    assert outlet_name(None, "https://www.northwire.example/a") == "northwire.example"
    assert outlet_name("", None) is None
