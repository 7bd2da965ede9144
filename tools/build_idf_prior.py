"""Build the background document-frequency prior of story clustering from wordfreq's English list.

Reproduces ``src/eventwire/data/link/idf_prior.tsv.gz`` (one ``word<TAB>zipf`` line per word,
most frequent first):

    .venv/bin/python -m pip install -e '.[link-build]'
    .venv/bin/python tools/build_idf_prior.py

Keeps lower-case words of letters (and inner hyphens or apostrophes) whose Zipf frequency is at
least ``--min-zipf``: rarer words would add less than a twentieth of a pseudo-document at the
shipped settings, which changes no weight. wordfreq's data is CC BY-SA 4.0 (see ATTRIBUTION.md
beside the output).
"""

from __future__ import annotations

import argparse
import gzip
import re
from pathlib import Path

from wordfreq import get_frequency_dict, zipf_frequency

OUT = Path(__file__).resolve().parent.parent / "src/eventwire/data/link/idf_prior.tsv.gz"
WORD = re.compile(r"[a-z]+(?:['-][a-z]+)*")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-zipf", type=float, default=3.0)
    args = parser.parse_args()
    rows = []
    for word in get_frequency_dict("en", wordlist="large"):
        zipf = zipf_frequency(word, "en", wordlist="large")
        if zipf >= args.min_zipf and WORD.fullmatch(word):
            rows.append(f"{word}\t{zipf:.2f}\n")
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as out:
        out.writelines(rows)
    print(f"{len(rows)} words → {OUT}")


if __name__ == "__main__":
    main()
