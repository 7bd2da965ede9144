"""The Dask engine on a LocalCluster of two worker processes: same output as local, nothing lost."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

import pytest

from eventwire.config import Settings
from eventwire.demo import sample_paths
from eventwire.export import events
from eventwire.pipeline import Pipeline
from eventwire.resources import Resources
from eventwire.scale import DaskEngine
from eventwire.store import open_store


def snapshot(db):
    """What a store holds: the articles, the events export with ids aside, and the row counts."""
    store = open_store(db)
    try:
        articles = sorted((a.id, a.source, a.title, a.published, a.text) for a in store.articles())
        records = sorted(json.dumps(_without_ids(r), sort_keys=True) for r in events.records(store))
        return {"articles": articles, "events": records, "counts": store.counts()}
    finally:
        store.close()


def _without_ids(record):
    if isinstance(record, dict):
        return {k: _without_ids(v) for k, v in record.items() if k not in ("id", "story_id")}
    if isinstance(record, list):
        return [_without_ids(v) for v in record]
    return record


def cli_run(db, seed, *options):
    """``eventwire run`` on the demo corpus in a subprocess with this string-hash seed."""
    cmd = [sys.executable, "-c", "from eventwire.cli import main; main()", "run", "--db", str(db), *options]
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run([*cmd, *sample_paths()], capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout


def run(db, paths, engine, progress=None):
    store = open_store(db)
    try:
        return Pipeline(store, Resources(Settings())).run([str(p) for p in paths], "test", progress, engine)
    finally:
        store.close()


@pytest.fixture(scope="module")
def on_dask(client, tmp_path_factory):
    """The demo corpus run on the cluster from this process: its report and its store."""
    db = tmp_path_factory.mktemp("dask") / "dask.db"
    return run(db, sample_paths(), DaskEngine(client=client)), snapshot(db)


def test_the_demo_corpus_gives_the_same_articles_and_events_local_and_on_dask(client, tmp_path):
    local = cli_run(tmp_path / "local.db", "2")  # string-hash seeds differ: output must not depend on them
    dask = cli_run(tmp_path / "dask.db", "3", "--engine", "dask", "--scheduler", client.scheduler.address)
    assert local == dask == "10 articles added, 0 updated, 0 already stored, 0 duplicates in input, 0 rejected" \
        " (8 files, 10 records)\n"  # fmt: skip
    expected, stored = snapshot(tmp_path / "local.db"), snapshot(tmp_path / "dask.db")
    assert stored["articles"] == expected["articles"] and len(stored["articles"]) == 10
    assert stored["events"] == expected["events"] and len(stored["events"]) > 10
    assert stored["counts"] == expected["counts"]


def test_one_bad_record_never_stops_the_batch_on_dask(client, tmp_path):
    folder = tmp_path / "inputs"
    folder.mkdir()
    good = {
        "title": "Ferry strike",
        "text": "Dock workers walked out at the port of Gdansk on Monday over pay.",
    }
    (folder / "mixed.jsonl").write_text(json.dumps(good) + '\n{"title": "cut', encoding="utf-8")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "note.txt").write_text("Police detained two men after a fire at the enlistment office in Tver.")
    report = run(tmp_path / "bad.db", [folder], DaskEngine(client=client, partition_records=1))
    assert report.status == "ok" and report.counts["added"] == 2
    rejects = [("empty.txt", "empty"), ("mixed.jsonl#2", "malformed"), ("photo.jpg", "binary")]
    assert sorted((r.source.rsplit("/", 1)[-1], r.reason) for r in report.rejects) == rejects
    store = open_store(tmp_path / "bad.db")
    assert sorted(r.reason for _, r in store.rejects()) == ["binary", "empty", "malformed"]
    store.close()


def test_a_worker_killed_mid_run_loses_no_article_and_duplicates_none(client, on_dask, tmp_path):
    killed = []

    def kill_a_busy_worker(report):
        if not killed:
            busy = [addr for addr, keys in client.processing().items() if keys] or list(client.processing())
            killed.append(client.run(os.getpid)[busy[0]])
            os.kill(killed[0], signal.SIGKILL)

    db = tmp_path / "killed.db"
    report = run(db, sample_paths(), DaskEngine(client=client), kill_a_busy_worker)
    reference, expected = on_dask
    stored = snapshot(db)
    assert killed and report.status == "ok" and report.counts == reference.counts
    assert [a[0] for a in stored["articles"]] == [a[0] for a in expected["articles"]]  # every one, once
    assert stored["counts"] == expected["counts"] and stored["events"] == expected["events"]
    again = run(db, sample_paths(), DaskEngine(client=client))
    assert (again.counts["added"], again.counts["unchanged"]) == (0, 10)
