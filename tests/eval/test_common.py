"""Reading labelled sets: broken lines and missing input fields are refused with the line."""

import pytest

from eventwire.errors import UserError
from eventwire.eval.common import read_jsonl


def test_records_are_read_and_blank_lines_skipped(tmp_path):
    path = tmp_path / "set.jsonl"
    path.write_text('{"id": "a", "text": "x"}\n\n{"id": "b", "text": "y"}\n')
    assert [r["id"] for r in read_jsonl(path, ("id", "text"))] == ["a", "b"]


@pytest.mark.parametrize(
    ("second_line", "message"),
    [
        ("not json", "line 2: not valid JSON"),
        ('["a", "list"]', "line 2: not a JSON object"),
        ('{"id": "b"}', "line 2: no 'text' field"),
        ("{}", "line 2: no 'id', 'text' fields"),
    ],
)
def test_a_broken_record_is_refused_with_its_line(tmp_path, second_line, message):
    path = tmp_path / "set.jsonl"
    path.write_text('{"id": "a", "text": "x"}\n' + second_line + "\n")
    with pytest.raises(UserError, match=message):
        list(read_jsonl(path, ("id", "text")))
