import pytest

from eventwire.errors import UserError
from eventwire.ingest import expand


def test_directories_recurse_globs_expand_and_hidden_files_are_skipped(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "b").mkdir()
    for name in ("a/one.txt", "a/b/two.jsonl", "a/.hidden", "three.txt"):
        (tmp_path / name).write_text("x")
    sources, missing = expand([str(tmp_path / "a"), str(tmp_path / "*.txt"), str(tmp_path / "nope.txt")])
    names = [s.name.removeprefix(str(tmp_path) + "/") for s in sources]
    assert names == ["a/b/two.jsonl", "a/one.txt", "three.txt"]
    assert [(r.reason, r.detail) for r in missing] == [("unreadable", "no such file or directory")]


def test_same_file_twice_is_read_once(tmp_path):
    (tmp_path / "x.txt").write_text("x")
    sources, _ = expand([str(tmp_path / "x.txt"), str(tmp_path)])
    assert len(sources) == 1


def test_stdin_and_nothing_found():
    sources, _ = expand(["-"])
    assert sources[0].name == "<stdin>" and sources[0].path is None
    with pytest.raises(UserError, match="no input found"):
        expand(["/definitely/not/here/*.txt"])
