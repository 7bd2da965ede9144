import json
import os
import subprocess
import sys

from eventwire.store import open_store

ARTICLES = [
    {"title": "Dockers strike in Gdansk", "date": "2024-05-06", "outlet": "Baltic Post",
     "text": "Hundreds of dock workers went on strike at the port of Gdansk on Monday, demanding higher wages."},
    {"title": "Fire at an enlistment office", "date": "2024-05-07", "outlet": "Volga Daily",
     "text": "Unknown people set fire to a military enlistment office in Tver overnight, police said on Tuesday."},
]  # fmt: skip


def eventwire(*args, env=None):
    cmd = [sys.executable, "-c", "from eventwire.cli import main; main()", *args]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300, env={**os.environ, **(env or {})})
    return done.returncode, done.stdout, done.stderr


def test_run_on_a_local_dask_cluster_end_to_end(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(json.dumps(a) for a in ARTICLES), encoding="utf-8")
    db = tmp_path / "d.db"
    code, out, err = eventwire("run", "--engine", "dask", "--workers", "2", "--db", str(db), str(path))
    assert code == 0, err
    assert out.startswith("2 articles added")
    store = open_store(db)
    assert store.counts()["articles"] == 2 and store.counts()["events"] >= 1
    assert store.last_run().status == "ok"
    store.close()


def test_an_unknown_engine_is_one_line_and_a_non_zero_exit(tmp_path):
    code, _, err = eventwire("run", "--engine", "spark", "--db", str(tmp_path / "x.db"), str(tmp_path))
    assert code == 2 and err.strip() == "error: unknown engine 'spark'; choose local or dask"


def test_an_unreachable_scheduler_is_one_line_and_a_non_zero_exit(tmp_path):
    (tmp_path / "a.txt").write_text("Dock workers walked out at the port of Gdansk on Monday over pay.")
    args = ("run", "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9", "--db", str(tmp_path / "x.db"))
    code, _, err = eventwire(
        *args, str(tmp_path / "a.txt"), env={"DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "2s"}
    )
    assert code == 2 and "Traceback" not in err
    assert err.strip().startswith("error: cannot reach the Dask scheduler at tcp://127.0.0.1:9")
    assert len(err.strip().splitlines()) == 1
