"""Near-duplicate linking at scale, side by side with datasketch's MinHashLSH in the same run.

    python bench/neardup.py [--n 100000] [--seed 7] [--texts FILE.jsonl ...]

A synthetic corpus of N articles is made from the real article texts of
../shared/datasets/quotes/polnear_*.jsonl and ../shared/datasets/cluster/ecbplus_dev.jsonl
(read at bench time, never stored): distinct originals (the real texts, then new articles
made of sentences drawn from them) and, for some, copies with another headline, a byline,
boilerplate lines, a cut last paragraph and word swaps, deletions, insertions and
substitutions. The known duplicate groups are the originals with their copies.

Each method runs in a fresh process over the same corpus, streamed in the same order:
eventwire's ``link.neardup.groups`` and datasketch's ``MinHashLSH`` (``pip install
datasketch==2.0.0``) with the same words, shingles, permutations, banding and Jaccard
threshold, its candidates verified by ``MinHash.jaccard`` and joined by union-find. Reported:
docs/s (making the texts is not timed), peak RSS, and duplicate-pair precision and recall;
the ratios are eventwire's over datasketch's. Not a test: it prints, it never fails.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from realtexts import DEFAULT_TEXTS, real_articles, sentences

from eventwire.eval.common import PRF
from eventwire.link import neardup

BOILERPLATE = [
    "Subscribe now.",
    "Follow us on Telegram",
    "Related Articles",
    "Advertisement",
    "Share this article",
    "© 2026 The Daily Ledger. All rights reserved.",
    "This story was first published by our partners.",
]
BYLINES = ["By Staff Reporter", "By Anna Kovacs | Wire Desk", "Reporting by J. Smith; editing by M. Lee"]
COPIES = [0, 0, 0, 0, 1, 1, 1, 2, 2, 3, 5]  # copies per original, drawn at random (mean ~1.4)


class Corpus:
    """The synthetic corpus: originals as sentence-index lists, documents as recipes."""

    def __init__(self, paths: list[Path], n: int, seed: int) -> None:
        self.sentences: list[str] = []
        self.titles: list[str] = []
        self.originals: list[tuple[int, list[list[int]]]] = []  # (title, paragraphs)
        for title, text in real_articles(paths):
            self._add_real(title, text)
        self.vocabulary = sorted({w for s in self.sentences[:5000] for w in s.split() if w.isalpha()})
        rng = random.Random(seed)
        self.docs: list[tuple[int, int]] = []  # (original, copy seed; -1 for the original)
        for original in range(n):
            if original >= len(self.originals):
                self.originals.append(self._new_original(rng))
            self.docs += [(original, -1)] + [
                (original, rng.randrange(2**31)) for _ in range(rng.choice(COPIES))
            ]
            if len(self.docs) >= n:
                break
        del self.docs[n:]
        rng.shuffle(self.docs)

    def _add_real(self, title: str, text: str) -> None:
        paragraphs = []
        for line in text.splitlines():
            parts = sentences(line)
            paragraphs.append(list(range(len(self.sentences), len(self.sentences) + len(parts))))
            self.sentences += parts
        self.titles.append(title)
        self.originals.append((len(self.titles) - 1, [p for p in paragraphs if p]))

    def _new_original(self, rng: random.Random) -> tuple[int, list[list[int]]]:
        _, model = rng.choice(self.originals)  # the shape of a real article
        paragraphs = [[rng.randrange(len(self.sentences)) for _ in p] for p in model]
        return rng.randrange(len(self.titles)), paragraphs

    def gold(self) -> list[int]:
        return [original for original, _ in self.docs]

    def texts(self) -> Iterator[tuple[str, str]]:
        for i, (original, seed) in enumerate(self.docs):
            yield f"d{i}", self.text(original, seed)

    def text(self, original: int, seed: int) -> str:
        title, paragraphs = self.originals[original]
        lines = [self.titles[title]] + [" ".join(self.sentences[s] for s in p) for p in paragraphs]
        return "\n".join(lines if seed < 0 else self._perturb(lines, random.Random(seed)))

    def _perturb(self, lines: list[str], rng: random.Random) -> list[str]:
        title, body = lines[0], lines[1:]
        if rng.random() < 0.5:
            title = self.titles[rng.randrange(len(self.titles))]
        if rng.random() < 0.2 and len(body) > 3:
            body = body[:-1]
        if rng.random() < 0.7:
            rate = rng.uniform(0.005, 0.03)
            body = [self._edit(line, rate, rng) for line in body]
        extra = rng.sample(BOILERPLATE, rng.randint(0, 3))
        byline = [rng.choice(BYLINES)] if rng.random() < 0.4 else []
        return [title, *byline, *body, *extra]

    def _edit(self, line: str, rate: float, rng: random.Random) -> str:
        words = line.split()
        out: list[str] = []
        for word in words:
            roll = rng.random()
            if roll >= rate:
                out.append(word)
                continue
            kind = rng.randrange(4)  # 1 (or 0 on the first word): delete the word
            if kind == 0 and out:  # swap with the previous word
                out.insert(len(out) - 1, word)
            elif kind == 2:  # insert a word before it
                out += [rng.choice(self.vocabulary), word]
            elif kind == 3:  # substitute
                out.append(rng.choice(self.vocabulary))
        return " ".join(out)


def pair_scores(gold: list[int], groups: list[list[str]]) -> PRF:
    """Precision and recall of the duplicate pairs implied by *groups* against *gold*."""
    predicted = {doc_id: g for g, members in enumerate(groups) for doc_id in members}
    cells = Counter((gold[i], predicted.get(f"d{i}", -1 - i)) for i in range(len(gold)))
    gold_sizes = Counter(gold)
    tp = sum(c * (c - 1) / 2 for c in cells.values())
    predicted_pairs = sum(len(m) * (len(m) - 1) / 2 for m in groups)
    gold_pairs = sum(c * (c - 1) / 2 for c in gold_sizes.values())
    return PRF(tp=tp, fp=predicted_pairs - tp, fn=gold_pairs - tp)


def run_eventwire(docs: Iterator[tuple[str, str]]) -> list[list[str]]:
    return neardup.groups(docs)


def run_datasketch(docs: Iterator[tuple[str, str]]) -> list[list[str]]:
    """The same task with datasketch: same words, shingles, permutations, banding, threshold."""
    from datasketch import MinHash, MinHashLSH

    settings = neardup.Settings.load()
    size = settings.shingle
    lsh = MinHashLSH(
        threshold=settings.threshold, num_perm=settings.permutations, params=(settings.bands, settings.rows)
    )
    stored: dict[str, MinHash] = {}
    parent: dict[str, str] = {}
    for doc_id, text in docs:
        parent[doc_id] = doc_id
        tokens = neardup.words(text)
        if len(tokens) < settings.min_words:
            continue
        shingles = {" ".join(tokens[i : i + size]).encode() for i in range(len(tokens) - size + 1)}
        minhash = MinHash(num_perm=settings.permutations)
        minhash.update_batch(shingles)
        for match in lsh.query(minhash):
            if stored[match].jaccard(minhash) >= settings.threshold:
                _union(parent, match, doc_id)
        lsh.insert(doc_id, minhash)
        stored[doc_id] = minhash
    members: dict[str, list[str]] = {}
    for doc_id in parent:
        members.setdefault(_find(parent, doc_id), []).append(doc_id)
    return [m for m in members.values() if len(m) > 1]


def _find(parent: dict[str, str], i: str) -> str:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _union(parent: dict[str, str], older: str, newer: str) -> None:
    parent[_find(parent, newer)] = _find(parent, older)


METHODS = {"eventwire": run_eventwire, "datasketch": run_datasketch}
COLUMNS = [  # (figure, title, width, decimals)
    ("docs_per_s", "docs/s", 10, 0),
    ("seconds", "seconds", 10, 1),
    ("peak_rss_mb", "peak RSS MB", 13, 0),
    ("index_mb", "index MB", 10, 0),
    ("precision", "precision", 11, 4),
    ("recall", "recall", 8, 4),
]


def untimed(docs: Iterator[tuple[str, str]], spent: list[float]) -> Iterator[tuple[str, str]]:
    """*docs*, adding the time spent making each to ``spent[0]``."""
    while True:
        start = time.perf_counter()
        doc = next(docs, None)
        spent[0] += time.perf_counter() - start
        if doc is None:
            return
        yield doc


def current_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def worker(method: str, paths: list[Path], n: int, seed: int) -> dict[str, float]:
    """Run one method over the corpus in this process; return its figures."""
    corpus = Corpus(paths, n, seed)
    before = current_rss_mb()
    spent = [0.0]
    start = time.perf_counter()
    groups = METHODS[method](untimed(corpus.texts(), spent))
    seconds = time.perf_counter() - start - spent[0]
    scores = pair_scores(corpus.gold(), groups)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "docs_per_s": n / seconds,
        "seconds": seconds,
        "peak_rss_mb": peak,
        "index_mb": peak - before,
        "precision": scores.precision,
        "recall": scores.recall,
        "gold_pairs": scores.tp + scores.fn,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--texts", type=Path, nargs="*", default=DEFAULT_TEXTS)
    parser.add_argument("--worker", choices=METHODS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.texts, args.n, args.seed)))
        return
    common = ["--n", str(args.n), "--seed", str(args.seed), "--texts", *map(str, args.texts)]
    results = {}
    for method in METHODS:
        out = subprocess.run(
            [sys.executable, __file__, "--worker", method, *common],
            check=True,
            capture_output=True,
            text=True,
        )
        results[method] = json.loads(out.stdout)
    s = neardup.Settings.load()
    print(
        f"{args.n} articles, {results['eventwire']['gold_pairs']:.0f} gold duplicate pairs; "
        f"shingle {s.shingle}, {s.permutations} permutations, {s.bands}x{s.rows} bands, "
        f"threshold {s.threshold}"
    )
    print(f"{'method':<12}" + "".join(f"{title:>{width}}" for _, title, width, _ in COLUMNS))
    for method, r in results.items():
        print(f"{method:<12}" + "".join(f"{r[key]:>{width}.{digits}f}" for key, _, width, digits in COLUMNS))
    ours, theirs = results["eventwire"], results["datasketch"]
    print(
        "ratio eventwire/datasketch: "
        + ", ".join(
            f"{key} {ours[key] / theirs[key]:.2f}" for key, *_ in COLUMNS if key != "seconds" and theirs[key]
        )
    )


if __name__ == "__main__":
    main()
