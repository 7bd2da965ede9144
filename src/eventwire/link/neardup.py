"""Near-duplicate articles: MinHash over word shingles, LSH banding, union-find groups.

A signature is ``permutations`` 32-bit minima of multiply-add-shift hashes of the article's
shingle hashes, computed with numpy for all shingles (and, in batches, all articles) at once.
Signatures are plain ``uint32`` arrays: a store keeps them (and the band keys of
:func:`band_keys`) so that a later run links new articles to stored ones without recomputing.
The settings are ``data/link/neardup.toml``.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import islice

import numpy as np

from eventwire import datafiles
from eventwire.clean.boilerplate import line_rule
from eventwire.clean.text import split_lines

_WORD = re.compile(r"\w+")
_EMPTY = np.uint32(0xFFFFFFFF)  # every value of the signature of a text too short to compare
_SHIFT = np.uint64(32)
_MIX = (np.uint64(0xBF58476D1CE4E5B9), np.uint64(0x94D049BB133111EB))  # splitmix64
_STEP = np.uint64(0x9E3779B97F4A7C15)
_CHUNK = 1 << 12  # shingles hashed per batch step (permutations x _CHUNK uint64 in memory)
_BATCH = 512  # texts read and hashed at a time by groups()
_MERGE = 2048  # articles whose band keys wait in a dict before joining the sorted array


@dataclass(frozen=True)
class Settings:
    """The near-duplicate settings (see ``data/link/neardup.toml``)."""

    shingle: int
    permutations: int
    bands: int
    rows: int
    threshold: float
    seed: int
    min_words: int

    @classmethod
    def load(cls) -> Settings:
        return cls(**datafiles.load("link", "neardup.toml"))

    def __post_init__(self) -> None:
        if self.bands * self.rows != self.permutations:
            raise ValueError("neardup settings: bands * rows must equal permutations")


def words(text: str) -> list[str]:
    """The words of *text* without boilerplate lines (the clean stage's rules), case and punctuation."""
    kept = [line for line in split_lines(text) if line and line_rule(line) is None]
    return _WORD.findall("\n".join(kept).casefold())


def shingle_hashes(tokens: Sequence[str], size: int) -> np.ndarray:
    """The distinct 32-bit hashes (as ``uint64``) of the *size*-word shingles of *tokens*."""
    hashes = np.fromiter(map(zlib.crc32, map(str.encode, tokens)), np.uint64, len(tokens))
    n = max(len(hashes) - size + 1, 0)
    shingles = hashes[:n].copy()
    for j in range(1, size):
        shingles = shingles * _STEP + hashes[j : j + n]
    return np.unique(_mix(shingles) >> _SHIFT)


def band_keys(signature: np.ndarray, settings: Settings) -> np.ndarray:
    """One 64-bit key per LSH band of *signature* (``uint64``, length ``bands``).

    The band's number is hashed in, so keys of different bands can share one table.
    """
    rows = signature.reshape(settings.bands, settings.rows).astype(np.uint64)
    keys = np.arange(settings.bands, dtype=np.uint64)
    for j in range(settings.rows):
        keys = keys * _STEP + rows[:, j]
    return _mix(keys)


def is_empty(signature: np.ndarray) -> bool:
    """Whether *signature* is that of a text too short to compare."""
    return bool((signature == _EMPTY).all())


class MinHasher:
    """MinHash signatures of texts, deterministic for given settings."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        # Coefficients from a splitmix64 sequence of the seed (not numpy's generators, whose
        # streams may change between versions): stored signatures stay comparable.
        n = settings.permutations
        counter = np.arange(1, 2 * n + 1, dtype=np.uint64) * _STEP + np.uint64(settings.seed)
        coefficients = _mix(counter).reshape(2, n, 1)
        self._a = coefficients[0] | np.uint64(1)
        self._b = coefficients[1]

    def signature(self, text: str) -> np.ndarray:
        """The signature of *text* (``uint32``, length ``permutations``)."""
        return self.signatures([text])[0]

    def signatures(self, texts: Iterable[str]) -> np.ndarray:
        """The signatures of *texts*, one row each (the same rows as :meth:`signature`)."""
        sets = [self._shingles(text) for text in texts]
        out = np.full((len(sets), self.settings.permutations), _EMPTY, dtype=np.uint32)
        start = 0
        while start < len(sets):
            stop, total = start, 0
            while stop < len(sets) and (stop == start or total + len(sets[stop]) <= _CHUNK):
                total += len(sets[stop])
                stop += 1
            self._fill(out, sets, start, stop)
            start = stop
        return out

    def _shingles(self, text: str) -> np.ndarray:
        tokens = words(text)
        if len(tokens) < self.settings.min_words:
            return np.empty(0, dtype=np.uint64)
        return shingle_hashes(tokens, self.settings.shingle)

    def _fill(self, out: np.ndarray, sets: list[np.ndarray], start: int, stop: int) -> None:
        """Rows start..stop of *out*: the minima of the permuted shingles of each set."""
        rows = [i for i in range(start, stop) if len(sets[i])]
        if not rows:
            return
        hashes = np.concatenate([sets[i] for i in rows])
        offsets = np.cumsum([0] + [len(sets[i]) for i in rows[:-1]])
        permuted = self._a * hashes + self._b  # wraps mod 2**64: multiply-add-shift hashing
        minima = np.minimum.reduceat(permuted, offsets, axis=1) >> _SHIFT
        out[rows] = minima.T.astype(np.uint32)


class Buckets:
    """Band keys to stored positions: a sorted array, plus a dict of recent keys merged in bulk.

    About 12 bytes per band of each stored article, where a dict would take ten times that.
    """

    def __init__(self) -> None:
        self.keys = np.empty(0, dtype=np.uint64)
        self.positions = np.empty(0, dtype=np.uint32)
        self._recent: dict[int, list[int]] = {}
        self._pending: list[tuple[np.ndarray, int]] = []

    def find(self, keys: np.ndarray) -> set[int]:
        """The positions stored under any of *keys*."""
        left = np.searchsorted(self.keys, keys, side="left")
        right = np.searchsorted(self.keys, keys, side="right")
        hit = left < right
        found = {p for a, b in zip(left[hit], right[hit], strict=True) for p in self.positions[a:b].tolist()}
        for key in keys.tolist():
            found.update(self._recent.get(key, ()))
        return found

    def add(self, keys: np.ndarray, position: int) -> None:
        """Store *position* under each of *keys*."""
        for key in keys.tolist():
            self._recent.setdefault(key, []).append(position)
        self._pending.append((keys, position))
        if len(self._pending) >= _MERGE:
            self._merge()

    def _merge(self) -> None:
        keys = np.concatenate([k for k, _ in self._pending])
        positions = np.repeat([p for _, p in self._pending], [len(k) for k, _ in self._pending])
        order = np.argsort(keys, kind="stable")
        at = np.searchsorted(self.keys, keys[order], side="right")
        self.keys = np.insert(self.keys, at, keys[order])
        self.positions = np.insert(self.positions, at, positions[order].astype(np.uint32))
        self._recent.clear()
        self._pending.clear()


class NearDupIndex:
    """An incremental LSH index of article signatures; articles are added in stored order."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings.load()
        self.hasher = MinHasher(self.settings)
        self.ids: list[str] = []
        self._signatures = np.empty((0, self.settings.permutations), dtype=np.uint32)
        self._buckets = Buckets()

    def __len__(self) -> int:
        return len(self.ids)

    def add(self, doc_id: str, text: str) -> list[str]:
        """Store *text* as *doc_id*; return the ids of stored near-duplicates, oldest first."""
        return self.add_signature(doc_id, self.hasher.signature(text))

    def add_signature(self, doc_id: str, signature: np.ndarray) -> list[str]:
        """Like :meth:`add`, from a signature computed before (or stored by an earlier run)."""
        return [self.ids[i] for i in self.insert(doc_id, signature)]

    def insert(self, doc_id: str, signature: np.ndarray) -> list[int]:
        """Like :meth:`add_signature`, returning the stored positions of the near-duplicates."""
        position = len(self.ids)
        self._append(doc_id, signature)
        if is_empty(signature):
            return []
        keys = band_keys(signature, self.settings)
        found = self._buckets.find(keys)
        self._buckets.add(keys, position)
        return self._verify(signature, found)

    def query(self, signature: np.ndarray) -> list[int]:
        """Positions of the stored signatures estimated at least ``threshold`` similar."""
        if is_empty(signature):
            return []
        return self._verify(signature, self._buckets.find(band_keys(signature, self.settings)))

    def _verify(self, signature: np.ndarray, found: set[int]) -> list[int]:
        if not found:
            return []
        candidates = np.fromiter(sorted(found), np.int64, len(found))
        agree = (self._signatures[candidates] == signature).mean(axis=1)
        return candidates[agree >= self.settings.threshold].tolist()

    def state(self) -> tuple[list[str], np.ndarray]:
        """The ids and signatures (one ``uint32`` row each) to persist, in stored order."""
        return list(self.ids), self._signatures[: len(self.ids)].copy()

    @classmethod
    def from_state(
        cls, ids: Sequence[str], signatures: np.ndarray, settings: Settings | None = None
    ) -> NearDupIndex:
        """An index holding persisted *ids* and *signatures* (from :meth:`state`)."""
        index = cls(settings)
        for doc_id, signature in zip(ids, signatures, strict=True):
            index.add_signature(doc_id, signature)
        return index

    def _append(self, doc_id: str, signature: np.ndarray) -> None:
        if len(self.ids) == len(self._signatures):
            grown = np.empty((max(16, 2 * len(self.ids)), self.settings.permutations), np.uint32)
            grown[: len(self.ids)] = self._signatures
            self._signatures = grown
        self._signatures[len(self.ids)] = signature
        self.ids.append(doc_id)


def groups(docs: Iterable[tuple[str, str]], settings: Settings | None = None) -> list[list[str]]:
    """Duplicate groups of ``(id, text)`` pairs, given oldest first (publication or storage).

    Each group has two or more ids in the given order, so its first id is the canonical
    member; groups are ordered by their canonical member. Near-duplication is made
    transitive (union-find over the verified pairs). *docs* is read in batches, so memory
    holds the index (ids and signatures), not the texts.
    """
    index = NearDupIndex(settings)
    parent: list[int] = []
    docs = iter(docs)
    while batch := list(islice(docs, _BATCH)):
        signatures = index.hasher.signatures(text for _, text in batch)
        for (doc_id, _), signature in zip(batch, signatures, strict=True):
            parent.append(len(parent))
            for match in index.insert(doc_id, signature):
                _union(parent, match, len(parent) - 1)
    members: dict[int, list[str]] = {}
    for position, doc_id in enumerate(index.ids):
        members.setdefault(_find(parent, position), []).append(doc_id)
    return [group for group in members.values() if len(group) > 1]


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _union(parent: list[int], i: int, j: int) -> None:
    """Join the sets of *i* and *j* under the smaller (older) root."""
    ri, rj = _find(parent, i), _find(parent, j)
    parent[max(ri, rj)] = min(ri, rj)


def _mix(values: np.ndarray) -> np.ndarray:
    """The splitmix64 finaliser of each ``uint64`` (wrapping arithmetic)."""
    values = (values ^ (values >> np.uint64(30))) * _MIX[0]
    values = (values ^ (values >> np.uint64(27))) * _MIX[1]
    return values ^ (values >> np.uint64(31))
