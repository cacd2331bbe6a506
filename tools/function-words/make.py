#!/usr/bin/env python3
"""Writes data/function-words.tsv: the function words (stop words) of the languages the bot
does not read, which src/search/foreign.rs tells apart, and English's, which it does not take
for another language's.

Source: the stopwords-iso lists (MIT), as the `stopwordsiso` package ships them (pinned in
requirements.txt). One line per word, sorted by code point (the byte order of UTF-8, in which
the engine searches it): the word, a tab, the codes of the languages whose list holds it.
Entries of two words or more, or with marks or ideographs, are left out: the engine compares
single words, and reads ideographs as Chinese.

    pip install -r tools/function-words/requirements.txt
    python3 tools/function-words/make.py
"""
import json
import unicodedata
from pathlib import Path

import stopwordsiso

# Keep in step with LATIN, OTHER and ENGLISH in src/search/foreign.rs.
LATIN = ["es", "fr", "pt", "de", "id", "vi", "tr", "it", "pl", "nl", "ms", "ro", "cs", "sv",
         "hu", "da", "no", "fi", "ca"]
OTHER = ["ru", "uk", "bg", "ko", "ja", "el", "th", "ar", "fa", "he", "hi"]
ENGLISH = "en"


def ideograph(c):
    return unicodedata.name(c, "").startswith("CJK")


def single_word(w):
    return bool(w) and all(c.isalpha() and not ideograph(c) for c in w)


def main():
    source = Path(stopwordsiso.__file__).with_name("stopwords-iso.json")
    lists = json.loads(source.read_text(encoding="utf-8"))
    codes = {}
    for code in LATIN + OTHER + [ENGLISH]:
        for w in lists[code]:
            w = w.lower()
            if single_word(w):
                codes.setdefault(w, [])
                if code not in codes[w]:
                    codes[w].append(code)
    out = Path(__file__).resolve().parents[2] / "data" / "function-words.tsv"
    lines = [f"{w}\t{','.join(c)}" for w, c in sorted(codes.items())]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{out}: {len(lines)} words")


if __name__ == "__main__":
    main()
