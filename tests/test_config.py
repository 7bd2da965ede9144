from dataclasses import fields
from pathlib import Path

import pytest

from eventwire.config import Settings


def test_defaults_then_toml_then_environment(tmp_path, monkeypatch):
    config = tmp_path / "eventwire.toml"
    config.write_text('batch_size = 8\nstages = ["clean", "times"]\ndb = "from-file.db"\n')
    monkeypatch.setenv("EVENTWIRE_CONFIG", str(config))
    monkeypatch.setenv("EVENTWIRE_DB", "from-env.db")
    settings = Settings.load()
    assert (settings.batch_size, settings.stages, settings.db) == (8, ("clean", "times"), "from-env.db")


def test_environment_values_are_coerced(monkeypatch):
    monkeypatch.setenv("EVENTWIRE_BATCH_SIZE", "5")
    monkeypatch.setenv("EVENTWIRE_STAGES", "clean,places")
    settings = Settings.load()
    assert settings.batch_size == 5 and settings.stages == ("clean", "places")


def test_unknown_setting_is_an_error():
    with pytest.raises(ValueError, match="unknown setting 'colour'"):
        Settings().updated({"colour": "red"})


def test_every_setting_is_documented():
    doc = (Path(__file__).parents[1] / "docs" / "configuration.md").read_text(encoding="utf-8")
    for field in fields(Settings):
        assert f"| `{field.name}` |" in doc, f"docs/configuration.md lacks the setting {field.name}"
