#!/usr/bin/env python3
"""Validate ganhuo's conversational quality set and split it into tune / holdout halves.

The set was written as one list, blind to the search engine, then split once with this
script. Standard library only (Python 3.11+).

    python3 tests/conversation/split.py check
        Validate tune.toml and holdout.toml (every resource id exists in
        data/catalogue.toml, fields fit the tag, no duplicate messages, minimum counts),
        check that re-splitting their union gives exactly the same two halves, and print
        the counts per tag.

    python3 tests/conversation/split.py split FILE...
        Validate the union of the FILEs (each a list of [[case]] tables) and write
        tune.toml and holdout.toml next to this script.

    python3 tests/conversation/split.py validate FILE...
        Validate new cases without splitting them: the same rules, plus no message that
        is already in any round.

    python3 tests/conversation/split.py split-round N FILE...
        Like split, for cases written after tuning had started (N >= 2): they are split
        among themselves by the same rule into roundN-tune.toml and roundN-holdout.toml,
        so the earlier rounds' halves never move.

Split rule: cases are grouped by tag; each group is sorted by query text and shuffled
with one random.Random(20261128) instance, tags taken in sorted order; the first half of
each group goes to tune, the rest to holdout. When a group is odd, its extra case goes to
whichever file is smaller so far (tune on a tie). Because the input is sorted before
shuffling, the split depends only on the set of cases, not on their order.
"""

import json
import random
import re
import sys
import tomllib
import unicodedata
from collections import Counter
from pathlib import Path

SEED = 20261128
HERE = Path(__file__).resolve().parent
CATALOGUE = HERE.parent.parent / "data" / "catalogue.toml"
TUNE = HERE / "tune.toml"
HOLDOUT = HERE / "holdout.toml"

LANGS = ("zh", "en", "mixed")
ON_TOPIC_KINDS = ("filler", "question", "comparison", "paraphrase", "typo", "section", "beginner")
KINDS = ON_TOPIC_KINDS + ("offtopic", "smalltalk")
SMALL_TALK = ("greeting", "thanks", "help")
TAG_RE = re.compile(r"^(%s)-(%s)$" % ("|".join(LANGS), "|".join(KINDS)))
MINIMUMS = {"on-topic": 220, "offtopic": 60, "smalltalk": 24}
LATER_MINIMUMS = {"on-topic": 60, "offtopic": 60, "smalltalk": 0}
# Rounds written for one kind of message have their own minimums.
ROUND_MINIMUMS = {
    4: {"on-topic": 20, "offtopic": 10, "smalltalk": 60},
    5: {"on-topic": 100, "offtopic": 50, "smalltalk": 0},
    6: {"on-topic": 100, "offtopic": 50, "smalltalk": 30},
    7: {"on-topic": 50, "offtopic": 100, "smalltalk": 15},
    8: {"on-topic": 100, "offtopic": 40, "smalltalk": 30},
    9: {"on-topic": 100, "offtopic": 40, "smalltalk": 30},
    10: {"on-topic": 120, "offtopic": 45, "smalltalk": 30},
    11: {"on-topic": 40, "offtopic": 40, "smalltalk": 100},
    12: {"on-topic": 200, "offtopic": 50, "smalltalk": 10},
    13: {"on-topic": 200, "offtopic": 50, "smalltalk": 10},
    14: {"on-topic": 200, "offtopic": 50, "smalltalk": 10},
    15: {"on-topic": 200, "offtopic": 50, "smalltalk": 10},
    16: {"on-topic": 200, "offtopic": 50, "smalltalk": 10},
    17: {"on-topic": 200, "offtopic": 50, "smalltalk": 8},
    18: {"on-topic": 200, "offtopic": 50, "smalltalk": 3},
    19: {"on-topic": 200, "offtopic": 50, "smalltalk": 5},
    20: {"on-topic": 200, "offtopic": 50, "smalltalk": 5},
    21: {"on-topic": 200, "offtopic": 50, "smalltalk": 10},
    22: {"on-topic": 200, "offtopic": 50, "smalltalk": 10},
    23: {"on-topic": 200, "offtopic": 50, "smalltalk": 10},
    24: {"on-topic": 200, "offtopic": 50, "smalltalk": 10},
    25: {"on-topic": 200, "offtopic": 50, "smalltalk": 10},
    26: {"on-topic": 180, "offtopic": 140, "smalltalk": 15},
    27: {"on-topic": 250, "offtopic": 80, "smalltalk": 15},
    28: {"on-topic": 220, "offtopic": 120, "smalltalk": 25},
    29: {"on-topic": 300, "offtopic": 100, "smalltalk": 12},
    30: {"on-topic": 240, "offtopic": 190, "smalltalk": 12},
    31: {"on-topic": 230, "offtopic": 150, "smalltalk": 50},
    32: {"on-topic": 230, "offtopic": 160, "smalltalk": 55},
    33: {"on-topic": 240, "offtopic": 150, "smalltalk": 50},
    34: {"on-topic": 240, "offtopic": 170, "smalltalk": 50},
    35: {"on-topic": 250, "offtopic": 170, "smalltalk": 25},
    36: {"on-topic": 270, "offtopic": 170, "smalltalk": 20},
    37: {"on-topic": 260, "offtopic": 170, "smalltalk": 20},
    38: {"on-topic": 260, "offtopic": 170, "smalltalk": 20},
    39: {"on-topic": 260, "offtopic": 170, "smalltalk": 20},
    40: {"on-topic": 300, "offtopic": 200, "smalltalk": 20},
    41: {"on-topic": 340, "offtopic": 200, "smalltalk": 18},
    42: {"on-topic": 300, "offtopic": 170, "smalltalk": 20},
    43: {"on-topic": 110, "offtopic": 55, "smalltalk": 5},
    44: {"on-topic": 400, "offtopic": 220, "smalltalk": 20},
    45: {"on-topic": 500, "offtopic": 230, "smalltalk": 25},
    46: {"on-topic": 400, "offtopic": 290, "smalltalk": 20},
    47: {"on-topic": 400, "offtopic": 220, "smalltalk": 40},
    48: {"on-topic": 300, "offtopic": 170, "smalltalk": 30},
    49: {"on-topic": 100, "offtopic": 55, "smalltalk": 10},
    50: {"on-topic": 280, "offtopic": 150, "smalltalk": 25},
    51: {"on-topic": 280, "offtopic": 150, "smalltalk": 25},
    52: {"on-topic": 250, "offtopic": 90, "smalltalk": 10},
    53: {"on-topic": 200, "offtopic": 80, "smalltalk": 12},
    54: {"on-topic": 80, "offtopic": 40, "smalltalk": 8},
    55: {"on-topic": 90, "offtopic": 40, "smalltalk": 8},
    56: {"on-topic": 90, "offtopic": 40, "smalltalk": 10},
    57: {"on-topic": 85, "offtopic": 40, "smalltalk": 6},
    58: {"on-topic": 190, "offtopic": 80, "smalltalk": 14},
    59: {"on-topic": 170, "offtopic": 80, "smalltalk": 14},
    60: {"on-topic": 180, "offtopic": 80, "smalltalk": 18},
    61: {"on-topic": 88, "offtopic": 40, "smalltalk": 6},
    62: {"on-topic": 84, "offtopic": 38, "smalltalk": 8},
    63: {"on-topic": 85, "offtopic": 60, "smalltalk": 8},
    64: {"on-topic": 42, "offtopic": 27, "smalltalk": 2},
    65: {"on-topic": 42, "offtopic": 27, "smalltalk": 2},
    66: {"on-topic": 41, "offtopic": 27, "smalltalk": 2},
    67: {"on-topic": 45, "offtopic": 28, "smalltalk": 2},
    68: {"on-topic": 43, "offtopic": 27, "smalltalk": 2},
    69: {"on-topic": 42, "offtopic": 27, "smalltalk": 2},
    70: {"on-topic": 45, "offtopic": 28, "smalltalk": 2},
    71: {"on-topic": 40, "offtopic": 27, "smalltalk": 2},
    72: {"on-topic": 41, "offtopic": 27, "smalltalk": 2},
    73: {"on-topic": 40, "offtopic": 27, "smalltalk": 2},
    74: {"on-topic": 40, "offtopic": 27, "smalltalk": 2},
    75: {"on-topic": 41, "offtopic": 27, "smalltalk": 2},
    76: {"on-topic": 42, "offtopic": 27, "smalltalk": 2},
    77: {"on-topic": 43, "offtopic": 27, "smalltalk": 2},
    78: {"on-topic": 43, "offtopic": 27, "smalltalk": 2},
    79: {"on-topic": 40, "offtopic": 27, "smalltalk": 2},
    80: {"on-topic": 42, "offtopic": 27, "smalltalk": 2},
    81: {"on-topic": 40, "offtopic": 27, "smalltalk": 2},
    82: {"on-topic": 41, "offtopic": 28, "smalltalk": 2},
    83: {"on-topic": 42, "offtopic": 27, "smalltalk": 2},
    84: {"on-topic": 40, "offtopic": 27, "smalltalk": 2},
    85: {"on-topic": 41, "offtopic": 27, "smalltalk": 2},
    86: {"on-topic": 44, "offtopic": 28, "smalltalk": 2},
    87: {"on-topic": 41, "offtopic": 27, "smalltalk": 2},
    88: {"on-topic": 40, "offtopic": 27, "smalltalk": 2},
    89: {"on-topic": 36, "offtopic": 19, "smalltalk": 21},
    90: {"on-topic": 40, "offtopic": 27, "smalltalk": 2},
    91: {"on-topic": 40, "offtopic": 27, "smalltalk": 2},
    92: {"on-topic": 41, "offtopic": 27, "smalltalk": 2},
    93: {"on-topic": 40, "offtopic": 27, "smalltalk": 2},
    94: {"on-topic": 40, "offtopic": 27, "smalltalk": 2},
    95: {"on-topic": 40, "offtopic": 27, "smalltalk": 2},
    96: {"on-topic": 41, "offtopic": 27, "smalltalk": 2},
    97: {"on-topic": 43, "offtopic": 27, "smalltalk": 2},
    98: {"on-topic": 41, "offtopic": 27, "smalltalk": 2},
    99: {"on-topic": 42, "offtopic": 27, "smalltalk": 2},
    100: {"on-topic": 41, "offtopic": 27, "smalltalk": 2},
    101: {"on-topic": 40, "offtopic": 27, "smalltalk": 2},
    102: {"on-topic": 43, "offtopic": 27, "smalltalk": 2},
    103: {"on-topic": 43, "offtopic": 27, "smalltalk": 2},
    104: {"on-topic": 43, "offtopic": 27, "smalltalk": 2},
    105: {"on-topic": 43, "offtopic": 27, "smalltalk": 2},
    106: {"on-topic": 41, "offtopic": 27, "smalltalk": 2},
    107: {"on-topic": 43, "offtopic": 27, "smalltalk": 2},
    108: {"on-topic": 43, "offtopic": 27, "smalltalk": 2},
    109: {"on-topic": 43, "offtopic": 27, "smalltalk": 2},
    110: {"on-topic": 43, "offtopic": 27, "smalltalk": 2},
    111: {"on-topic": 43, "offtopic": 27, "smalltalk": 2},
    112: {"on-topic": 43, "offtopic": 27, "smalltalk": 2},
    113: {"on-topic": 43, "offtopic": 27, "smalltalk": 2},
    114: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    115: {"on-topic": 43, "offtopic": 27, "smalltalk": 2},
    116: {"on-topic": 43, "offtopic": 27, "smalltalk": 2},
    117: {"on-topic": 43, "offtopic": 27, "smalltalk": 2},
    118: {"on-topic": 43, "offtopic": 27, "smalltalk": 2},
    119: {"on-topic": 43, "offtopic": 27, "smalltalk": 2},
    120: {"on-topic": 43, "offtopic": 27, "smalltalk": 2},
    121: {"on-topic": 43, "offtopic": 27, "smalltalk": 2},
    122: {"on-topic": 43, "offtopic": 27, "smalltalk": 2},
    123: {"on-topic": 43, "offtopic": 27, "smalltalk": 2},
    124: {"on-topic": 43, "offtopic": 27, "smalltalk": 2},
    125: {"on-topic": 43, "offtopic": 27, "smalltalk": 2},
    126: {"on-topic": 43, "offtopic": 27, "smalltalk": 2},
    127: {"on-topic": 43, "offtopic": 27, "smalltalk": 2},
    128: {"on-topic": 43, "offtopic": 27, "smalltalk": 2},
    129: {"on-topic": 43, "offtopic": 27, "smalltalk": 2},
    130: {"on-topic": 43, "offtopic": 27, "smalltalk": 2},
    131: {"on-topic": 43, "offtopic": 27, "smalltalk": 2},
    132: {"on-topic": 43, "offtopic": 27, "smalltalk": 2},
    133: {"on-topic": 43, "offtopic": 27, "smalltalk": 2},
    134: {"on-topic": 43, "offtopic": 27, "smalltalk": 2},
    135: {"on-topic": 43, "offtopic": 27, "smalltalk": 2},
    136: {"on-topic": 43, "offtopic": 27, "smalltalk": 2},
    137: {"on-topic": 43, "offtopic": 27, "smalltalk": 2},
    138: {"on-topic": 43, "offtopic": 27, "smalltalk": 2},
    139: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    140: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    141: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    142: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    143: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    144: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    145: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    146: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    147: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    148: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    149: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    150: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    151: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    152: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    153: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    154: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    155: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    156: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    157: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    158: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    159: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    160: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    161: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    162: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    163: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    164: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    165: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    166: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    167: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    168: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    169: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    170: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    171: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    172: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    173: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    174: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    175: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    176: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    177: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    178: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    179: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    180: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    181: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    182: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    183: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    184: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    185: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    186: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    187: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    188: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    189: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    190: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    191: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    192: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    193: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    194: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    195: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    196: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    197: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    198: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    199: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    200: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    201: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    202: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    203: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    204: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    205: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    206: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    207: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    208: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    209: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    210: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    211: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    212: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    213: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    214: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    215: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    216: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    217: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    218: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    219: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    220: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    221: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    222: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    223: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    224: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    225: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    226: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    227: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    228: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    229: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    230: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    231: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    232: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    233: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
    234: {"on-topic": 43, "offtopic": 26, "smalltalk": 2},
}


def minimums_of(round_no):
    return ROUND_MINIMUMS.get(round_no, LATER_MINIMUMS)


HEADER = """\
# ganhuo conversational quality set — {half} half (issue 8).
#
# Messages as people type them to a Telegram/Discord bot: Chinese, English and mixed;
# with filler and politeness, questions, comparisons and lists, paraphrases that name no
# catalogue word, typos, traditional characters and full-width letters, questions about
# the seed article's sections, beginner questions; plus off-topic messages (including
# near misses that share words with the domain) and small talk.
#
# Written blind, BEFORE any tuning of the search engine, by someone who had read only
# data/catalogue.toml and the seed article — not the engine's code, not its output, and
# not the keyword query sets (tests/golden.toml, tests/holdout.toml).
#
# {purpose}
# The halves come from one list split by tests/conversation/split.py (stratified by tag,
# random.Random(20261128)); never move cases between them by hand. After any edit run
#   python3 tests/conversation/split.py check
#
# Format: one [[case]] table per message.
#   query       the message exactly as typed
#   tag         "<lang>-<kind>"; lang: zh | en | mixed; kind: filler | question |
#               comparison | paraphrase | typo | section | beginner | offtopic | smalltalk
#   any3        on-topic cases: EVERY resource id that is a right answer; the case is a
#               hit when at least one of them is among the top 3 results
#   covers      comparisons and lists: one group of acceptable ids per concept asked
#               about (each group is a subset of any3)
#   none        off-topic cases: true — nothing in the catalogue is a reasonable answer
#   small_talk  greeting | thanks | help — the bot should answer as small talk, not search
"""

PURPOSE = {
    "TUNE": "This half may be used to tune the engine. Its twin, holdout.toml, must not be.",
    "HOLDOUT": "This half must NEVER be used for tuning: only run it and report the numbers.\n"
    "# Its twin, tune.toml, is the half to tune on.",
}


ROUND_NOTES = {
    2: """#
# ROUND 2: written after tuning on round 1 had started, by a writer who had read only the
# catalogue and the seed article, and split among themselves by the same rule, so round 1's
# halves did not move. Reported separately from round 1.
""",
    3: """#
# ROUND 3: written after tuning on rounds 1 and 2 had started (whose tune halves no longer
# showed off-topic misses), mostly near misses, by a writer who had read only the catalogue
# and the seed article; split among themselves by the same rule, so earlier rounds' halves
# did not move. Reported separately.
""",
    4: """#
# ROUND 4: small talk (greetings, thanks, help about the bot, in the ways people type
# them) and greetings or thanks wrapped around a real question, on-topic or off; written
# after tuning on rounds 1-3 had started, by a writer who had read only the catalogue and
# the file format, and split among themselves by the same rule. Reported separately.
""",
    5: """#
# ROUND 5: mostly paraphrases (the technique, symptom or goal described without its name)
# and near-miss off-topic messages; written after tuning on rounds 1-4 had started, by a
# writer who had read only the catalogue (without its topics' `about` descriptions and its
# senses, so neither could shape the wording), the seed article and the file format; split
# among themselves by the same rule. Its halves were first run on the builds before and after
# the `about` descriptions, untouched. Reported separately.
""",
    6: """#
# ROUND 6: paraphrases, questions with chat filler, near-miss off-topic messages and small
# talk in even measure; written after tuning on rounds 1-5 had started, by a writer who had
# read only the catalogue (without its senses and paraphrases; the English `about_en` of the
# first ~35 topics was still in the copy), the seed article and the file format; split among
# themselves by the same rule. Both halves were first run untouched. Reported separately.
""",
    7: """#
# ROUND 7: off-topic precision — near misses that share a word or name with the catalogue
# (an everyday or other-field sense), the same words in on-topic questions, and small talk
# that mentions them; written after tuning on rounds 1-6 had started, by a writer who had
# read only the catalogue (without its about/about_en descriptions, senses and paraphrases),
# the seed article and the file format; split among themselves by the same rule. Both
# halves were first run untouched. Reported separately.
""",
    8: """#
# ROUND 8: paraphrases spread over the whole catalogue (half of them English), questions
# with context and chatter, near-miss off-topic messages and small talk that mentions
# catalogue words; written after tuning on rounds 1-7 had started, by a writer who had read
# only the catalogue (without its about/about_en descriptions, senses and paraphrases), the
# seed article and the file format; split among themselves by the same rule. Both halves
# were first run untouched. Reported separately.
""",
    9: """#
# ROUND 9: mostly paraphrases over as many topics as possible, in many registers (students,
# ops engineers, managers; war stories, numbers), questions with context, near misses and
# small talk in the messier ways people type it; written after tuning on rounds 1-8 had
# started, by a writer who had read only the catalogue (without its about/about_en
# descriptions, senses and paraphrases), the seed article and the file format; split among
# themselves by the same rule. Both halves were first run untouched. Reported separately.
""",
    10: """#
# ROUND 10: "a week of real traffic" — messages as they would arrive from many users, about
# half of the on-topic ones paraphrases or long chatty sentences with context first, the
# rest questions, comparisons, filler, typos, sections and beginners; near misses and small
# talk as people type it; written after tuning on rounds 1-9 had started, by a writer who
# had read only the catalogue (without its about/about_en descriptions, senses and
# paraphrases), the seed article and the file format; 14 messages repeating earlier rounds
# dropped; split among themselves by the same rule. Both halves were first run untouched.
# Reported separately.
""",
    11: """#
# ROUND 11: small talk as people really type it (greetings, thanks, questions about the bot in
# slang, typos, emoji, traditional characters, group-chat style), real questions wrapped in
# small talk, and chit-chat that is neither (the bot's tastes, jokes, feelings, near misses);
# written after tuning on rounds 1-10 had started, by a writer who had read only the
# catalogue (without its about/about_en descriptions, senses and paraphrases), the seed
# article and the file format; 23 messages repeating earlier rounds dropped; split among
# themselves by the same rule. Both halves were first run untouched. Reported separately.
""",
    12: """#
# ROUND 12: questions from people in a concrete situation — every resource of the catalogue
# a right answer of at least one message, about half of the on-topic messages paraphrases
# that name no catalogue word, many long with context first (job, project, hardware,
# deadline); near misses on other meanings of catalogue words; some small talk. Written after
# tuning on rounds 1-11 had started, by a writer who had read only the catalogue (without its
# about/about_en descriptions, senses and paraphrases), the seed article and the file format;
# 18 messages repeating earlier rounds (one but for letter case) dropped; split among
# themselves by the same rule. Both halves were first run untouched. Reported separately.
""",
    13: """#
# ROUND 13: messages typed fast on a phone or in a group chat, and questions from people who
# half-remember something — every resource of the catalogue a right answer of at least one
# message, about half of the on-topic messages paraphrases ("that paper where they freeze the
# model and train tiny matrices next to it"), the rest terse abbreviations, pinyin, typos,
# traditional characters, full-width letters, comparisons and lists, sections, beginners and
# filler; near misses on other meanings of catalogue words; some small talk. Written after
# tuning on rounds 1-12 had started, by a writer who had read only the catalogue (without its
# about/about_en descriptions, senses and paraphrases), the seed article and the file format;
# 5 messages repeating earlier rounds dropped; split among themselves by the same rule. Both
# halves were first run untouched. Reported separately.
""",
    14: """#
# ROUND 14: people in the middle of work — a problem in front of them (a model that no
# longer fits, training slow across machines, answers slow under load, a small box to run
# on, NaN losses), often with a pasted error line, log line, command or config fragment,
# and what they want to read about it; the rest questions, comparisons and lists, sections,
# beginners, typos and filler; near misses from unrelated software errors, hardware buying
# and other meanings of catalogue words; some small talk. Every resource a right answer of
# at least one message. Written after tuning on rounds 1-13 had started, by a writer who had
# read only the catalogue (without its about/about_en descriptions, senses and
# paraphrases), the seed article and the file format; 5 messages repeating earlier rounds
# dropped; split among themselves by the same rule. Both halves were first run untouched.
# Reported separately.
""",
    15: """#
# ROUND 15: one ordinary day in a busy group chat where the bot is a member — many kinds of
# people (students, engineers, researchers, managers, hobbyists; mainland, Taiwan and
# overseas Chinese speakers, English speakers), short and long, polite and blunt; about 40%
# of the on-topic messages paraphrases, the rest questions, comparisons and lists, sections,
# beginners, typos, traditional characters, full-width letters and filler; near misses and
# other everyday asks; some small talk. Every resource a right answer of at least one
# message. Written after the tuning on rounds 13 and 14, by a writer who had read only the
# catalogue (without its about/about_en descriptions, senses and paraphrases), the seed
# article and the file format; 5 messages repeating earlier rounds dropped; split among
# themselves by the same rule. Both halves were first run untouched. Reported separately.
""",
    16: """#
# ROUND 16: people who explain their situation first — many messages two to four sentences
# long (their job, their hardware, their deadline, what they tried, an error they hit, what
# their boss asked, then the question), replies in a busy chat, greetings or thanks glued to
# a real question; with the usual short questions, comparisons and lists, sections,
# beginners, typos, traditional characters, full-width letters, pinyin and filler; about
# 40% of the on-topic messages paraphrases; near misses and small talk. Every resource a
# right answer of at least one message. Written after the work of the stop that wrote round
# 15 and the first changes of the next, by a writer who had read only the catalogue
# (without its about/about_en descriptions, senses and paraphrases), the seed article and
# the file format; 3 messages repeating earlier rounds dropped; split among themselves by
# the same rule. Both halves were first run untouched. Reported separately.
""",
    17: """#
# ROUND 17: people with constraints and purposes — what the material is for (a job
# interview, a thesis, a talk to the team, an exam) and how they want it (Chinese or English
# only, official docs, hands-on with code, short or deep, a video or a book, not too much
# math; "besides X", "not X, more like Y", "I already read X"; on a Mac, a laptop, a free
# Colab, domestic chips, a small budget); with the usual short questions, comparisons and
# lists, sections, beginners, typos, pinyin, traditional characters, full-width letters and
# filler; about 40% of the on-topic messages paraphrases; near misses that reuse the
# domain's words in another sense, and small talk. Every resource a right answer of at least
# one message. Written at the start of the stop after round 16's, by a writer who had read
# only the catalogue (without its about/about_en descriptions, senses and paraphrases), the
# seed article and the file format; 8 messages repeating earlier rounds dropped; split among
# themselves by the same rule. Both halves were first run untouched. Reported separately.
""",
    18: """#
# ROUND 18: people who don't know the words yet — newcomers and people from other fields
# (a product manager, a student of another major, a hardware or ops engineer, a teacher, a
# hobbyist) who describe what they want by what it does, what problem it fixes, what it
# looks like, an analogy or a half-wrong name; about 57% of the on-topic messages
# paraphrases naming no catalogue word; with the usual questions, filler, comparisons and
# lists, sections, beginners, typos, pinyin, traditional characters and full-width
# letters; near misses in everyday words close to the domain, and small talk. Every resource
# a right answer of at least one message. Written at the start of the stop after round 17's,
# by a writer who had read only the catalogue (without its about/about_en descriptions,
# senses and paraphrases), the seed article and the file format; 22 messages repeating
# earlier rounds dropped (most of the small talk); split among themselves by the same rule.
# Both halves were first run untouched. Reported separately.
""",
    19: """#
# ROUND 19: spoken and half-heard — about 40% of the on-topic messages as they arrive from
# phone voice input or from people who only ever heard a name said aloud: no punctuation or
# only commas, spoken fillers (嗯, 那个, 就是说), names turned into Chinese characters that
# sound like them or into wrong English words, letters spelled one by one, numbers said in
# words, run-on sentences; the rest the usual questions, filler, comparisons and lists,
# paraphrases, typos, traditional characters, full-width letters, sections and beginners;
# near misses that sound or look like the domain, and small talk. Every resource a right
# answer of at least one message. Written at the start of the stop after round 18's, by a
# writer who had read only the catalogue (without its about/about_en descriptions, senses
# and paraphrases), the seed article and the file format; 6 messages repeating earlier
# rounds dropped; split among themselves by the same rule. Both halves were first run
# untouched. Reported separately.
""",
    20: """#
# ROUND 20: in their own words — people who want a topic the catalogue has but describe it by
# what it does, what they observed, what went wrong or the outcome they want, without the
# topic's usual name (about 60% of the messages: symptoms and errors, goals, analogies, how a
# method works inside, what a tool looks like from outside), spread over every leaf topic;
# the rest the usual questions, comparisons, beginners, typos, filler and sections; near
# misses that describe a similar situation in another field (compressing photos, load
# balancing, gaming GPUs, distilling spirits, power transformers), and small talk. Every
# resource a right answer of at least one message. Written at the start of the stop after
# round 19's, by a writer who had read only the catalogue (without its about/about_en
# descriptions, senses and paraphrases), the seed article and the file format; split among
# themselves by the same rule. Both halves were first run untouched. Reported separately.
""",
    21: """#
# ROUND 21: the same questions from across the Chinese- and English-speaking world — Taiwan
# (traditional characters and Taiwan's own words: 記憶體, 顯示卡, 推論, 叢集, 套件), Hong Kong
# and Macau (written Cantonese with English inline: 有冇, 點樣, 嘅, 搵, 邊個), Singapore and
# Malaysia (Singlish and Manglish: "can share or not", "lah"), and other Englishes and
# learners' English (Indian, Nigerian, British, Australian; Japanese, Korean, Russian,
# Spanish, German and Vietnamese speakers); questions, paraphrases, comparisons, typos,
# beginners, filler and sections over every topic; near misses in the same registers
# (股票量化交易, 蒸餾水, 手機記憶體, 變壓器, corn kernels) and small talk. Every resource a right
# answer of at least one message. Written at the start of the stop after round 20's, by a
# writer who had read only the catalogue (without its about/about_en descriptions, senses
# and paraphrases), the seed article and the file format; 3 messages repeating earlier
# rounds dropped; split among themselves by the same rule. Both halves were first run
# untouched. Reported separately.
""",
    22: """#
# ROUND 22: the internet's own voice — the mainland Chinese of 小红书, B站, 贴吧, 知乎 and
# WeChat groups (家人们, 蹲一个, 白嫖, 插眼, 救救孩子, yyds, 炼丹, 炸显存, pinyin initials such
# as xdm and zsbd, emoji, 【】 headers, "保姆级"), the English of Reddit, Discord and X (ELI5,
# TL;DR, ngl, lowkey, no cap, bruh, "drop the link", all lowercase) and the two mixed;
# questions, paraphrases in slang, comparisons, typos, beginners, filler and sections over
# every topic; near misses in the same register (量化 in stocks, 蒸馏 in coffee, tokens in
# crypto, 炼丹 as alchemy, a fashion model, Java 八股文) and small talk. Every resource a
# right answer of at least one message. Written in the stop after round 20's, after round
# 21 had been tuned on, by a writer who had read only the catalogue (without its
# about/about_en descriptions, senses and paraphrases), the seed article and the file
# format; one comparison whose second side the catalogue lacks dropped; split among
# themselves by the same rule. Both halves were first run untouched. Reported separately.
""",
    23: """#
# ROUND 23: the institutions people ask from, in their own vocabulary — universities and
# labs (课设, 毕设, 开题, 组会, 复现论文, baseline, ablation, "my PI wants"), companies' IT and
# procurement (信创, 国产化, 私有化部署, 等保, 内网, POC, 招标, SLA, cost per token), careers
# (秋招, 实习, JD, 转岗, "the job posting asks for"), teaching and training (备课, 内部培训,
# workshop, syllabus) and government, hospitals, banks and schools as users; questions,
# paraphrases in the institution's words, comparisons, typos, beginners, filler and
# sections over every topic; near misses from the same institutions (论文查重, LaTeX, 报销,
# 招标文件, 简历排版, 量化考核, JWT tokens, 变压器) and small talk. Every resource a right answer
# of at least one message. Written in the stop after round 20's, after rounds 21 and 22 had
# been tuned on, by a writer who had read only the catalogue (without its about/about_en
# descriptions, senses and paraphrases), the seed article and the file format; split among
# themselves by the same rule. Both halves were first run untouched. Reported separately.
""",
    24: """#
# ROUND 24: what the keyboard made of it — messages as they arrive after a phone's
# autocorrect or an input method picked the wrong word: English names turned into dictionary
# words or names (LoRA → Laura, NCCL → nickel, Qwen → Queen, PEFT → pest, Megatron →
# megaton, NVLink → envy link), pinyin input's wrong candidates (量化 → 两化, 蒸馏 → 真流, 微调 →
# 维调, 剪枝 → 简直, 显存 → 先存, 梯度 → 提督), shape slips (己/已, 未/末) and Taiwan's Zhuyin slips,
# with about a fifth typed cleanly as a control; near misses where the mistyped word is a real
# word of another field (Laura's birthday, the price of nickel, Queen the band, 推理小说,
# 量化交易, 两化融合) and small talk with typos. Every resource a right answer of at least one
# message. Written in the stop after round 20's, after rounds 21–23 had been tuned on, by a
# writer who had read only the catalogue (without its about/about_en descriptions, senses and
# paraphrases), the seed article and the file format; 3 messages repeating earlier rounds
# dropped; split among themselves by the same rule. Both halves were first run untouched.
# Reported separately.
""",
    25: """#
# ROUND 25: questions that name two or more things at once — a serving engine and a model
# (用 vLLM 部署 Qwen), a training method and a model, a framework and hardware (DeepSpeed
# ZeRO-3 on four 3090s, MindIE on Ascend 910), a method and a toolkit (QLoRA with
# LLaMA-Factory), one technique after another (quantize with AWQ, then serve with
# TensorRT-LLM), a model and a platform or constraint; sometimes three things, a typo in a
# name, filler or an error message around it; `covers` gives one group per named thing.
# Near misses name two things of other fields where a word also exists in this one (django
# with nginx, docker with wordpress, 量化交易 with python, gaming GPUs) and small talk that
# names things in passing. Every resource a right answer of at least one message. Written in
# the stop after round 24's, after this stop's tuning and before any of it was aimed at this
# round, by a writer who had read only the catalogue (without its about/about_en
# descriptions, senses and paraphrases), the seed article and the file format; split among
# themselves by the same rule. Both halves were first run untouched. Reported separately.
""",
    26: """#
# ROUND 26: the catalogue's neighbours — near misses from the fields beside it that share its
# words (LoRa radio modules, 量化交易, 白酒蒸馏, 羊驼 the animal, Triton the moon, iris and
# wine-quality datasets, Redis clusters, Spark OOM, Jenkins parallel stages, 8G 显存 for games,
# computer vision, speech, recommender systems, data engineering, ChatGPT as an end user, GPU
# drivers, jobs, news, other sciences' models and distillation), half of the messages; and
# on-topic messages that reach the catalogue through everyday words, more than half of them
# paraphrases, some in traditional characters. Every resource a right answer of at least one
# message. Written at the start of the stop after round 25's, before any of its work, by a
# writer who had read only the catalogue (without its about/about_en descriptions, senses and
# paraphrases), the seed article and the file format; 12 messages repeating earlier rounds
# dropped; split among themselves by the same rule. Both halves were first run untouched.
# Reported separately.
""",
    27: """#
# ROUND 27: practitioners in the middle of real work — engineers who know the field ask about
# the internals and specifics of what the catalogue covers (a flag, a stage, a kernel, a config
# key, a number: ZeRO-3 offload, NCCL_IB_HCA, TP size against pipeline stages, LoRA rank and
# alpha, GPTQ group size, KV-cache bytes per token, trtllm-build, vLLM block size, FlashAttention
# tiling, MindIE on Ascend, Megatron's sequence parallelism), tersely, with pasted log lines
# and identifiers, often two or three things at once; near misses from their neighbouring work
# (database sharding and replication, RDMA outside ML clusters, Kubernetes operations, CI
# pipelines, other compilers, graphics GPUs, HPC simulations, JPEG quantisation tables).
# Every resource a right answer of at least one message. Written late in the stop after round
# 25's, after round 26 had been tuned on, by a writer who had read only the catalogue (without
# its about/about_en descriptions, senses and paraphrases), the seed article and the file
# format; split among themselves by the same rule. Both halves were first run untouched.
# Reported separately.
""",
    28: """#
# ROUND 28: a month of real traffic — messages as they would arrive in a Chinese Telegram
# group of engineers, students and office workers and an English Discord server of hobbyists
# and practitioners: on-topic sentences across every section of the catalogue (paraphrases,
# filler, typos, beginners, comparisons, the seed's sections), off-topic messages most of them
# near misses that use a catalogue word in another field (LoRa radio, quant trading, PPO
# insurance, DisplayPort, GPT partitions, 寒武纪 the period, 平头哥 the honey badger) and small
# talk, interleaved. Every resource a right answer of at least one message. Written at the
# start of the stop after round 27's, before any of its work, by a writer who had read only the
# catalogue (without its about/about_en descriptions, senses and paraphrases), the seed article
# and the file format; 23 messages repeating earlier rounds dropped; split among themselves by
# the same rule. Both halves were first run untouched. Reported separately.
""",
    29: """#
# ROUND 29: pasted from the terminal and the notebook — messages from a group of ML engineers
# and students that carry a fragment of what is on their screen (an error line or a stack
# trace's tail: CUDA out of memory, NCCL timeouts, fp16 overflow, vLLM, TensorRT-LLM,
# DeepSpeed and Megatron warnings; a launch command, a config fragment, an nvidia-smi, ibstat
# or nccl-tests line, a quantised model's file name) in a short question in Chinese, English
# or both, whose right answers explain the topic behind the fragment; ordinary questions of
# every kind; off-topic messages pasting look-alike fragments from other software (npm, Rust,
# Java, Kubernetes, Spark, Postgres, Unity, Blender, LoRa radios, miners) and everyday near
# misses; small talk. Every resource a right answer of at least one message. Written at the
# start of the stop after round 28's, before any of its work, by a writer who had read only
# the catalogue (without its senses and paraphrases), the seed article and the file format; 8
# messages repeating earlier rounds dropped; split among themselves by the same rule. Both
# halves were first run untouched. Reported separately.
""",
    30: """#
# ROUND 30: the bot taken for a general assistant — people who give it tasks and commands as
# they would a chat model (write, translate, fix my code, summarise, calculate, make me a plan
# or a diagram, quiz me; 帮我写, 翻译一下, 给我出个, 帮我改改, 算一下, 生成): on-topic messages
# whose fair answer is material to learn the thing asked about (a LoRA fine-tuning script, a
# distributed-training study plan, why vLLM is fast), in every section of the catalogue, with
# the usual comparisons, paraphrases, typos, beginners, filler and sections; near misses, over
# two fifths of the round, that are tasks nothing in the catalogue answers although many name
# its words (a resignation letter in ChatGPT's voice, a résumé for an LLM company, regexes,
# SQL, React, sorting, Excel, a poem about GPUs, a KV-cache haiku, NVIDIA's share price, the
# price of a 4090, consumer AI apps and accounts, "can you draw pictures"); small talk. Every
# resource a right answer of at least one message. Written at the start of the stop after
# round 29's, before any of its work, by two writers (one mostly Chinese, one mostly English)
# who had read only the catalogue (without its senses and paraphrases), the seed article and
# the file format; 11 messages repeating earlier rounds dropped; split among themselves by the
# same rule. Both halves were first run untouched. Reported separately.
""",
    31: """#
# ROUND 31: a newcomer's first messages — people who have just found the bot greet it in
# every way people greet, say who they are and how they feel, ask what it is and how to use it
# in words no FAQ uses, announce their questions before asking them, and thank it after an
# answer; then ask what they came for, wrapped in all of that: beginners with their background
# and a goal, learning plans and order, questions padded with filler and hedges, paraphrases
# by people who do not know the names yet, in traditional characters, Cantonese, typos, emoji
# and capitals. Near misses, a third of the round, are a newcomer's questions the catalogue
# does not answer although they sound close (which laptop to buy, CV or NLP for a master's,
# bootcamps, salaries, whether AI will replace programmers, Python books, ChatGPT for weekly
# reports, personal chat). Written by two writers (one mostly Chinese, one mostly English) who
# had read only the catalogue (without its senses and paraphrases), the seed article and the
# file format, after this stop's first change (small talk beside a topic announced), whose
# reading of such messages the writers' brief stated; 10 messages repeating earlier rounds
# dropped; split among themselves by the same rule. Both halves were first run untouched.
# Reported separately.
""",
    32: """#
# ROUND 32: a question with a story, and what kind of material — about half the on-topic
# messages are two to six sentences (sometimes a paragraph, sometimes over several lines) of
# situation, what was tried, what went wrong and a constraint, with the question first, last or
# in the middle and the topic named once, late or only described; the other half say what kind
# of material they want on top of the topic (video, paper, book, repo with code, Chinese, short,
# source-level, official, for a given background), where the topic still decides the answer.
# Near misses, over a third of the round, are long stories full of the field's words that end
# by asking for something the catalogue does not give (GPU prices, a referral, licence advice,
# a Java server's bug, a laptop, a team dinner) and format requests outside the field; small
# talk is long messages that ask nothing (how the bot helped, one's project, how it picks
# links). Rounds 16 and 17 asked some of this in shorter messages. Written by two writers (one
# mostly Chinese, one mostly English) who had read only the catalogue (without its senses and
# paraphrases), the seed article and the file format, at the start of a stop, before any of its
# changes; no message repeats an earlier round; split among themselves by the same rule. Both
# halves were first run untouched. Reported separately.
""",
    33: """#
# ROUND 33: named by who made it, where it was seen, or what it is like — people who do not
# remember a resource's or a technique's name ask through its maker or author (NVIDIA, 微软,
# 清华, Berkeley, 李宏毅, Karpathy, Jay Alammar, 3Blue1Brown), the place they saw it (知乎上那篇,
# B站的视频, CSDN, an arXiv paper, a model card, 组会上有人提到的) or a description or nickname in
# place of its name ("the 4-bit finetuning trick from the Guanaco paper", 西瓜书旁边那本南瓜书),
# mixed with ordinary chat. Near misses, about a third of the round, ask the same makers, people
# and places for what the catalogue does not have (a gaming driver, Office licences, 考研分数线,
# a B站 gamer, CSDN download points, gossip about a person, another field's course); small
# talk mentions makers and places ("你是百度做的吗", "do you only know Chinese blogs?"). Written
# by two writers (one mostly Chinese, one mostly English) who had read only the catalogue
# (without its senses and paraphrases), the seed article and the file format, at the start of a
# stop, before any of its changes; six messages that repeated an earlier round or each other
# were dropped; split by the same rule. Both halves were first run untouched. Reported
# separately.
""",
    34: """#
# ROUND 34: where it leads — order, prerequisites, next steps, how long. People ask where they
# stand on a path and where to go next ("看完李沐的课下一步看什么", "I finished the LoRA tutorial,
# what comes after if I want to serve it"), what they must know first ("要看懂 ZeRO 需要先懂什么",
# "do I need CUDA before TensorRT-LLM?"), in what order to read (量化、剪枝、蒸馏先学哪个, a
# roadmap from zero to deploying a chat model, the seed's sections as a path), and how much time
# or level a thing needs ("a weekend-sized intro to quantization"), mixed with ordinary chat.
# Near misses, over a third of the round, ask the same path, order and prerequisite questions
# about what the catalogue does not have (a React roadmap, 考研复习顺序, the order of a book
# series, 驾照科目, a gym plan, paths that leave the field from a field word); small talk in the
# same mood ("你能帮我规划学习路线吗" is help). Written by two writers (one mostly Chinese, one
# mostly English) who had read only the catalogue (without its senses and paraphrases), the
# seed article and the file format, at the start of a stop, before any of its changes; four
# messages that repeated an earlier round or each other were dropped; split by the same rule.
# Both halves were first run untouched. Reported separately.
""",
    35: """#
# ROUND 35: setting it up and running it — installing and running the catalogue's tools and
# models on a given machine (Windows, Ubuntu 22.04, WSL, a Mac, Ascend cards, a 4090, a 3060
# 12G, a laptop, a cloud box, Docker), which GPU and how much memory a model or method needs,
# versions (CUDA, driver, PyTorch), "won't install / won't start" told in words, cost and speed,
# offline machines, and choosing a tool for one's machine, mixed with ordinary chat. Near misses,
# over a third of the round, ask the same setup and hardware questions about what the catalogue
# does not have (PostgreSQL on Ubuntu, a 4090 for games or video editing, CUDA for Blender,
# Docker for a web app, a Hackintosh, a NAS, a soft router, Windows activation, a Steam Deck);
# small talk in the same mood ("装好了，多谢！"). Written by two writers (one mostly Chinese, one
# mostly English) who had read only the catalogue (without its senses and paraphrases), the
# seed article and the file format, at the start of a stop, before any of its changes; thirteen
# messages that repeated an earlier round or each other were dropped; split by the same rule.
# Both halves were first run untouched. Reported separately.
""",
    36: """#
# ROUND 36: speed, memory and money — how fast, how big and how costly: tokens per second and
# latency when serving, why inference or training is slow, batching throughput, memory budgets
# (how much VRAM a 7B or 70B model needs, the KV cache's size, activations, running out of
# memory told in words), what a training run or replacing an API would cost, how many GPUs and
# how long, scaling across nodes and network bandwidth, what quantisation or distillation buys
# in speed and size, benchmarking a serving stack. Near misses, over a third of the round, ask
# the same about what the catalogue does not have (a slow website or database, a game's FPS, a
# phone's battery, a web app's cloud bill, mining rigs, a laptop fan, home network speed, a
# team's ChatGPT subscription); small talk in the same mood. Written by two writers (one mostly
# Chinese, one mostly English) who had read only the catalogue (without its senses and
# paraphrases), the seed article and the file format, at the start of a stop, before any of its
# changes; eight messages that repeated an earlier round were dropped, and languages were
# tagged by the script each message is written in; split by the same rule. Both halves were
# first run untouched. Reported separately.
""",
    37: """#
# ROUND 37: opinions, news and hype — people ask the way they talk about the field in a group
# chat: is a technique still worth learning, what is hot, what everyone uses, what is
# overrated, whether an old method is dead, what a buzzword from a headline or a job ad means
# and where to read up on it, what to learn so as not to fall behind; the on-topic messages want
# learning material about a topic the catalogue has, wrapped in opinion, rumour, headlines,
# job-market worries or a hype word. Near misses, over a third of the round, ask for what the
# catalogue does not have (news and rumours, release dates, a company's funding, stock prices
# and chip export rules, leaderboard positions, which chat app or subscription to buy, AI
# ethics and jobs debates, predictions, salaries, opinions about people, and the same opinion
# questions about other fields); small talk in the same mood. Written by two writers (one
# mostly Chinese, one mostly English) who had read only the catalogue (without its senses and
# paraphrases), the seed article and the file format, at the start of a stop, before any of its
# changes; four messages that repeated an earlier round were dropped, and languages were
# tagged by the script each message is written in; split by the same rule. Both halves were
# first run untouched. Reported separately.
""",
    38: """#
# ROUND 38: interviews, exams and teaching others — people ask while preparing to be examined
# or to examine and teach: a candidate before an LLM or infrastructure job interview (面试八股,
# what interviewers ask about the KV cache or ZeRO, a question they could not answer), a student
# before a course exam or a thesis defence, an interviewer or team lead preparing questions, a
# teacher or TA building a lecture, a syllabus or a reading list, a new hire's onboarding, a
# manager who must present a topic; the on-topic messages want learning material about a topic
# the catalogue has, wrapped in the exam or teaching situation. Near misses, over a third of
# the round, ask for what the catalogue does not have (LeetCode and algorithm problems,
# system-design interviews, other fields' 八股, salaries, résumés and offers, exam dates and
# scores, teaching children to code, slides, grading, and interview questions from other
# fields); small talk in the same mood. Written by two writers (one mostly Chinese, one mostly
# English) who had read only the catalogue (without its senses and paraphrases), the seed
# article and the file format, at the start of a stop, before any of its changes; four
# messages that repeated an earlier round were dropped, and languages were tagged by the
# script each message is written in; split by the same rule. Both halves were first run
# untouched. Reported separately.
""",
    39: """#
# ROUND 39: the why and the math underneath — people ask why things work and how to derive
# them, not how to run them: the intuition and the mathematics behind what the catalogue
# teaches (why attention divides by the square root of d_k, the gradient of softmax, why a
# low rank is enough for LoRA, the KL term of RLHF, the chain rule of backpropagation, the
# arithmetic of ZeRO's savings, quantisation error, FLOPs and memory worked out by hand), what
# math to learn first and from where, a student stuck on a paper's equation; the on-topic
# messages want learning material about a topic the catalogue has, asked through its theory,
# often naming the concept by its formula, symbol or a textbook's words. Near misses, over a
# third of the round, ask for what the catalogue does not have (calculus and linear-algebra
# homework, proofs in pure math, physics and engineering math, statistics and econometrics,
# classical ML theory outside the catalogue, finance math, competitions and entrance exams,
# numerical methods, cryptography, math software); small talk in the same mood. Written by two
# writers (one mostly Chinese, one mostly English) who had read only the catalogue (without its
# senses and paraphrases), the seed article and the file format, at the start of a stop, before
# any of its changes; five messages that repeated an earlier round were dropped, and languages
# were tagged by the script each message is written in; split by the same rule. Both halves
# were first run untouched. Reported separately.
""",
    40: """#
# ROUND 40: building something with it — people with an app, a product or a client project
# that uses a large language model (a customer-service bot, RAG over a company's documents, a
# coding assistant, a model for law, medicine or e-commerce, a deployment on their own servers
# or on Ascend, an API against self-hosting, fine-tuning against prompting, a serving engine or
# an app framework, the GPU bill, speed for their users) ask for learning material on a topic
# the catalogue has, in a builder's words: their product, their users, their deadline, their
# boss. Near misses, over a third of the round, come from the same builders and ask about the
# parts of a product the catalogue does not cover (front end, WeChat mini-programs, login and
# payments, database schemas, SEO and pricing, app-store review, no-code tools, filing and
# GDPR, fundraising, hiring, using ChatGPT or Copilot as an end user, domains and hosting);
# small talk in the same mood. Written by two writers (one mostly Chinese, one mostly
# English) who had read only the catalogue (without its senses and paraphrases), the seed
# article and the file format, at the start of a stop, before any of its changes; eight
# messages that repeated an earlier round were dropped, and languages were tagged by the
# script each message is written in; split by the same rule. Both halves were first run
# untouched. Reported separately.
""",
    41: """#
# ROUND 41: pasted links, repo names and model ids — people paste what is on their screen or
# in their group chat (a GitHub, arXiv, Hugging Face, Zhihu, CSDN or Bilibili address, a
# repository written owner/name, a model id with its size and version, a GGUF file name, an
# arXiv number, a pip pin, a link the bot sent earlier) and ask around it: what is this and
# where do I learn it, something like it, easier or in Chinese, is it still good, how does it
# compare. About half the on-topic messages hold a link or an id, most of them not the
# catalogue's; the rest are ordinary questions from the same people. Near misses, over a
# third of the round, paste links and ids about what the catalogue does not cover (summarise
# this link, a news article, a web framework's or a game's repository, a biology paper, a
# dataset of cat photos, a civitai checkpoint, a cooking video, "is this link a scam", a
# job posting). Written by two writers (one mostly Chinese, one mostly English) who had read
# only the catalogue (without its senses and paraphrases), the seed article and the file
# format, at the start of a stop; four messages that repeated an earlier round were dropped;
# split by the same rule. The stop chose the theme and wrote its address stage before it
# read any of these messages. Both halves were first run untouched. Reported separately.
""",
    42: """#
# ROUND 42: machine-translated and second-language messages — what a translation tool makes
# of the field's words in either direction ("video memory", "fine adjustment", "intelligent
# body", "parallel of pipeline", 精细调整, 检索增强的生成, 张量平行), a Chinese speaker's
# English, other learners' English (Spanish, German, Russian, Indian, Vietnamese, Arabic,
# Portuguese, French speakers' turns of phrase and false friends), a foreign learner's
# Chinese with pinyin mixed in, stiff round trips and formal letters ("Dear bot, I am writing
# to enquire…"); about a fifth plain. Near misses, a third of the round, in the same voice:
# quantitative trading, distilled liquor, pruning fruit trees, a voltage transformer,
# inference in court or in statistics homework, attention in a classroom, memory of old
# people, an oil pipeline, visa forms, recipes. Written by three writers (one mostly Chinese,
# two mostly English; a fourth, mostly mixed, wrote nothing in the hour given) who had read
# only the catalogue (without its senses and paraphrases), the seed article and the file
# format, at the start of a stop, before any of its changes; none repeated an earlier round;
# split by the same rule. Both halves were first run untouched. Reported separately.
""",
    43: """#
# ROUND 43: machine-translated and second-language messages, as round 42 — written by that
# round's fourth writer (mostly Chinese and mixed: Chinese users' second-language English,
# Chinese with English words half-translated, English with Chinese words the writer
# half-knows), from the same brief and files, at the start of round 42's stop; it finished
# after that stop had tuned on round 42, so it is kept apart as that stop's untouched
# measure. Five messages that repeated an earlier round were dropped; split by the same rule.
# Neither half was tuned on in the stop that added it. Reported separately.
""",
    44: """#
# ROUND 44: besides, instead, not that one — people who already know, or were already shown,
# one thing ask for another: alternatives ("除了 vLLM 还有什么推理框架", "something like
# DeepSpeed but simpler", other PEFT methods than LoRA), exclusions and preferences ("不要视频，
# 要文字版的", "not the Stanford course, something in Chinese", official docs instead of a
# blog, a repo instead of a paper), what else or what next after something read or tried, the
# easier, deeper, shorter, newer, Chinese or English version, and comparisons where one side
# is to be avoided; about a fifth plain questions in the same voices. Labels leave out what
# the message rules out unless it also fits. Near misses, a third of the round, ask the same
# way about what the catalogue does not have (alternatives to Notion, Photoshop, pandas or a
# VPN, another recipe, 别的减肥方法, another "transformer" or "pipeline"). Written by four
# writers (one mostly Chinese, one mostly English, two mixed) who had read only the catalogue
# (without its senses and paraphrases), the seed article and the file format, at the start of
# a stop, before any of its changes; ten messages that repeated an earlier round were
# dropped; split by the same rule. Both halves were first run untouched. Reported separately.
""",
    45: """#
# ROUND 45: mix-ups and wrong premises — people ask from a wrong or half-right idea of the
# field: mixed-up names ("LoRA 是不是就是把模型量化成低秩", "is vLLM a model like llama?", "NCCL
# 是英伟达哪款显卡", DeepSpeed and DeepSeek), wrong beliefs about how things work ("KV cache is
# used during training to save memory?", "数据并行是不是每张卡存一部分模型"), two neighbouring
# ideas taken for one (张量并行和流水线并行, SFT and RLHF, distillation and quantisation),
# half-remembered or mis-attributed resources; about a fifth plain questions. Labels give
# what sets the person right or answers what they need. Near misses, under a third of the
# round, are mix-ups the catalogue does not cover (LoRa radios, a voltage transformer,
# distilled spirits, quantisation in physics, an OS kernel, an estate agent, Wi-Fi and the
# internet, which chatbot app to pay for). Written by four writers (one mostly Chinese, one
# mostly English, two mixed) who had read only the catalogue (without its senses and
# paraphrases), the seed article and the file format, started midway through the stop that
# tuned on round 44 and blind to it; the English writer filled its answer lists from the
# catalogue's topics by script, so they are longer (4.9 ids on average against 3.4-4.0).
# Eleven messages that repeated an earlier round were dropped; split by the same rule.
# Neither half was tuned on in the stop that added it. Reported separately.
""",
    46: """#
# ROUND 46: the edge of the catalogue — people ask about both sides of its border. On-topic
# messages ask what the catalogue really answers at its edges: the fundamentals ("线性代数从哪
# 补", "what ML course before deep learning", 强化学习入门), GPU clusters, storage and networks
# (InfiniBand or RoCE, DCGM), compilers and kernels (MLIR, TVM), LLM app building (LangChain
# knowledge-base Q&A), and people from a neighbouring field who ask for a way in ("做推荐系统的
# 想转大模型 先看啥"). Near misses, two fifths of the round (more than any round before), ask
# about what lies just past the border in the same words: other AI fields (object detection,
# Stable Diffusion prompts, speech, recommenders, forecasting, OCR, robotics), data work
# (pandas, SQL, Excel, labelling, A/B tests), engineering around a product (Kubernetes for web
# apps, a game's CUDA driver, a gaming GPU, cloud bills, a chatbot's web front end) and using
# AI products (ChatGPT, Midjourney, Copilot, AI detectors, AI law, AI stocks). Written by four
# writers (one mostly Chinese, one mostly English, two mixed) who had read only the catalogue
# (without its senses and paraphrases), the seed article and the file format, at the start of
# a stop, before any of its changes. Sixteen messages that repeated an earlier round were
# dropped; split by the same rule. Both halves were first run untouched. Reported separately.
""",
    47: """#
# ROUND 47: the next message in a running chat — what people send after the bot's first
# answer: follow-ups that name the next thing ("那 QLoRA 呢？", "ok and for deepspeed?"),
# narrowing or widening with the topic named again ("LoRA 的太多了，只要一篇讲原理的", "give me
# just the official docs for TensorRT-LLM"), reactions that ask on ("第二个链接打不开，NCCL 还有
# 别的文章吗", "看完了量化那篇，下一步看啥 AWQ 还是 GPTQ"), topic switches mid-chat ("换个话题 剪枝
# 有啥好文章"); about a fifth plain questions. The bot keeps no memory, so every on-topic
# message names enough on its own and is labelled by what it names. Near misses are
# follow-ups and switches to what the catalogue does not cover (Stable Diffusion LoRAs, React
# front ends, Excel, bitcoin); small talk, more than usual, is the reactions that end or keep
# a chat going ("ok got it", "好的 我先看看", "在吗"). Written by four writers (one mostly
# Chinese, one mostly English, two mixed) who had read only the catalogue (without its senses
# and paraphrases), the seed article and the file format, started midway through the stop
# that tuned on round 46 and blind to it. Eleven messages that repeated an earlier round were
# dropped; split by the same rule. Neither half was tuned on in the stop that added it.
# Reported separately.
""",
    48: """#
# ROUND 48: how it feels — questions asked stuck, swamped, in a hurry or thrilled: frustrated
# ("看了三遍 LoRA 论文还是不懂，我是不是太笨了，有没有讲人话的", "ugh NCCL timeouts AGAIN"),
# overwhelmed by choice ("推理框架一大堆 看花眼了"), rushed by a deadline ("明天就要给老板讲 vLLM
# 了 急！！"), proud or excited ("终于跑通了第一个 SFT 🎉 下一步学 RLHF 看啥"), anxious or
# embarrassed ("sorry if this is a dumb question, what even is a KV cache"), tired or
# sarcastic ("又是爆显存的一天"); about a fifth plain questions. The feeling is around the
# question, which still names or describes what it wants. Near misses are the same feelings
# about what the catalogue does not cover (a boss, a React app, a driving test, a mining-card
# refund) and feelings with a catalogue word that ask for nothing it has; small talk is
# greetings, thanks and help in the same feelings. Written by three writers (one mostly
# Chinese, two mixed) who had read only the catalogue (without its senses and paraphrases),
# the seed article and the file format, at the start of the stop that added it; a fourth
# (mostly English) had not finished when the round was split. Two messages that repeated an
# earlier round were dropped; split by the same rule. Measured untouched first; then its tune
# half was tuned on.
""",
    49: """#
# ROUND 49: how it feels, as round 48 — written by that round's fourth writer (mostly English,
# native and second-language, with a few mixed messages), from the same brief and files, at
# the start of round 48's stop; it finished after that stop had begun tuning on round 48, so
# it is kept apart as that stop's untouched measure. None of its messages repeated an earlier
# round; split by the same rule. Neither half was tuned on in the stop that added it.
# Reported separately.
""",
    50: """#
# ROUND 50: lists, plans and outlines — what people paste or type with structure: a numbered
# study plan to fill ("我的学习计划： / 1. Transformer 原理 / 2. LoRA 微调 / 3. vLLM 部署 / 每一步给个
# 资料"), a plan to check or order ("这个顺序对吗：量化 → 剪枝 → 蒸馏"), a checklist ("- [x]
# pytorch basics / - [ ] data parallel"), a job description or a syllabus ("JD 要求： / · 熟悉
# Megatron/DeepSpeed / · 了解 NCCL 通信"), a reading list to complete, one line of a list that
# matters ("step 3 of my plan is quantization"), short lists inline ("lora, qlora, p-tuning
# 各一个"); about a fifth plain questions. Near misses are lists and plans about what the
# catalogue does not cover (a Java plan, a frontend JD, a fitness schedule, an economics
# syllabus, 量化选股); small talk is greetings, thanks and help, some with structure. Written by
# three writers (one mostly Chinese, one mostly English, one mostly English with mixed) who had
# read only the catalogue (without its senses and paraphrases), the seed article and the file
# format, at the start of the stop that added it, while the stop built the list marks
# (src/search/items.rs) blind to it. Five messages that repeated an earlier round were
# dropped; split by the same rule. Measured untouched first.
""",
    51: """#
# ROUND 51: lists, plans and outlines, as round 50 — written by three more writers (one
# mostly mixed Chinese and English, one balanced across the three with the catalogue's
# less-asked corners, one mixed with pure Chinese) from the same brief and files, started at
# the stop's beginning (two of them forty-five minutes in, when the first writers had not yet
# delivered); they finished after round 50 was split and its tune half tuned on, so the round
# was measured untouched with that stop's start and end. Three messages that repeated an
# earlier round were dropped; split by the same rule. Then its tune half was tuned on (one
# change: an item pointed at by its place is asked alone); its hold-out was not read.
""",
    52: """#
# ROUND 52: short, terse and abbreviated — what people fire off between other things, two to
# eight words: a term and one word of intent ("lora 求", "zero3 资料?", "nccl pls"), the
# field's shorthand and acronyms (ft, sft, dpo, qat, ptq, awq, ckpt, fsdp, tp/pp/dp/ep/sp, kv,
# fa2, bf16, ib/rdma, trt, tgi), a term and a qualifier ("vllm 源码", "megatron 中文"), two or
# three terms in a row ("lora qlora 区别", "tp pp 啥区别"), short paraphrases ("显存不够咋训"),
# short typos ("megatorn 源码解析"), short section and beginner asks; about a tenth one plain
# sentence. Near misses are terse messages whose shorthand belongs to something else ("dp
# 背包问题", "tp link 路由器", "量化 选股 策略", "蒸馏水 能喝吗"); small talk is terse greetings,
# thanks and help. Written by two writers (one mixed Chinese and English with some pure
# Chinese and English, one half English and half mixed) who had read only the catalogue
# (without its senses and paraphrases), the seed article and the file format, at the start of
# the stop that added it. Sixteen messages that repeated an earlier round (bare greetings and
# thanks most of them) were dropped; split by the same rule. Measured untouched first.
""",
    53: """#
# ROUND 53: short, terse and abbreviated, as round 52 — written by two more writers (one
# mostly Chinese with the field's acronyms in Latin letters, one mostly English chat
# shorthand with some mixed) from the same brief and files, started at the stop's beginning;
# they finished after round 52 was split and its tune half tuned on, so the round was
# measured untouched with that stop's start and with the engine when it was split. Eighteen
# messages that repeated an earlier round (round 52's included) were dropped; split by the
# same rule.
""",
    54: """#
# ROUND 54: as it arrives from a chat app — messages written exactly as a bot in a Telegram
# group or a Discord server receives their text (its own @mention or /command removed):
# Discord markdown typed raw (**bold**, `code`, fences, > quotes, ||spoilers||), mentions of
# other people and channels (<@123…>, <#…>, @someone, @everyone), custom emoji and
# shortcodes (<:pepe_cry:…>, :pray:), hashtags and tags (#求助, 【求资源】, [help]), forwarded
# and copied lines, several lines with a greeting and a sign-off, slash-words the bot did not
# take as commands; near misses are server and bot matters and other fields in the same dress.
# Written by the first of four writers to finish (half English, half mixed; multi-line
# messages, quotes, pasted titles and code spans), blind to the engine, from the catalogue
# without its senses and paraphrases, the seed article and the format; the markup stage was
# built blind to it while it was written. Split by the same rule.
""",
    55: """#
# ROUND 55: as it arrives from a chat app, as round 54 — the second writer to finish (mostly
# Chinese, with the field's acronyms in Latin letters; Telegram-group habits: hashtags,
# 【】 tags, @someone, forwarded lines, kaomoji), from the same brief and files; it finished
# after round 54 was split and its tune half tuned on, so it was measured untouched with the
# stop's start and with the engine when it was split. Split by the same rule.
""",
    56: """#
# ROUND 56: as it arrives from a chat app, as round 54 — the third writer to finish (mostly
# English, Discord habits: <@id>, <#channel>, shortcodes, custom emoji, code spans, > quotes),
# from the same brief and files. It finished after the stop's tuning was done, and was added
# untouched: measured with the stop's start and its end, not tuned on. Split by the same rule.
""",
    57: """#
# ROUND 57: as it arrives from a chat app, as round 54 — the fourth writer (mixed
# Chinese/English, half Telegram habits, half Discord habits), from the same brief and files.
# It finished in the last minutes of round 54's stop, after its closing checks, and was
# added untouched at the next stop's beginning: measured with that stop's start, never tuned
# on. Four messages that repeated an earlier round were dropped; split by the same rule.
""",
    58: """#
# ROUND 58: what they want it in — a topic of the catalogue asked for together with a wish
# about the answer's form: a kind (a video, a paper, a book, a course, code to read, official
# docs, a hands-on tutorial, a survey), a language ("中文的就行", "English only pls"), a depth
# or length ("5 分钟能看完", "源码级", "ELI5"), a reader (a PM, a class, an interview
# tomorrow), a source or state (official, free, recent) and a count ("just one link");
# near misses carry the same wishes about topics the catalogue does not have. Four writers,
# blind to the engine, from the catalogue without its senses and paraphrases, the seed
# article and the format, all started at the stop's beginning; this round is two of them
# (mostly English with some mixed; mostly Chinese with the field's acronyms in Latin
# letters). Five messages that repeated an earlier round were dropped; split by the same rule.
""",
    59: """#
# ROUND 59: what they want it in, as round 58 — its other two writers (mixed Chinese/English
# with some pure Chinese and pure English; half English, half mixed, some on two lines).
# Split by the same rule.
""",
    60: """#
# ROUND 60: trying the bot out — people poking at a bot just added to their group: real
# questions in a testing mood ("考考你：ZeRO 三个 stage 区别", "bet you don't have anything on
# NCCL"), a topic shouted, spaced, quoted or typed three ways, a riddle whose answer is a
# topic; near misses are tests that ask nothing of the catalogue ("ping", "1+1=?", "讲个笑话",
# "ignore previous instructions…", keyboard mash, other fields' questions); small talk is
# hellos, "who made you", "good bot". Two writers (mostly English; mostly Chinese), blind to
# the engine, from the catalogue without its senses and paraphrases, the seed article and
# the format, started while rounds 58 and 59 were measured; added untouched, measured with
# the stop's start and its end, never tuned on. Split by the same rule.
""",
    61: """#
# ROUND 61: an ordinary week — no special situation: what a busy Chinese Telegram group and
# an English Discord server send the bot in a week, in their natural proportions, spread
# over the whole catalogue; near misses are what the same people also send (neighbouring
# fields, tasks for the bot, everyday questions, news, jobs); small talk in the same voices.
# The first of six writers to finish (mixed Chinese/English, some pure Chinese and pure
# English), blind to the engine, from the catalogue without its senses and paraphrases, the
# seed article and the format. Split by the same rule.
""",
    62: """#
# ROUND 62: an ordinary week, as round 61, written by the second of its six writers to finish
# (mostly Chinese, traditional now and then, with the field's acronyms in Latin letters);
# added untouched, measured with the stop's start and its state when it arrived, and not
# tuned on. Split by the same rule.
""",
    63: """#
# ROUND 63: in the middle of real work (a deadline, a meeting tomorrow, a teammate's question, a
# reading group, a budget, a report: a resource needed quickly; off-topic messages from the
# same busy days), written by one writer (mostly Chinese with the field's names in Latin
# letters, traditional now and then, homophone slips), blind to the engine, from the
# catalogue, the seed article and the format; measured untouched with the stop's start before
# its tune half was read. Split by the same rule.
""",
    64: """#
# ROUND 64: in the middle of real work, as round 63, in English only (native speakers and
# second-language writers, terse chat), by a blind writer working from the catalogue, the seed
# article and the format. Measured untouched with the stop's start, then its tune half read.
# Split by the same rule.
""",
    65: """#
# ROUND 65: switching jobs or roles — a backend engineer moving into ML infrastructure, a
# researcher asked to ship a model, an ops person handed a GPU cluster, a student preparing for
# interviews — and the same people's off-topic questions about the rest of their new job.
# Mostly English, some mixed, a few Chinese; written blind by one writer from the catalogue,
# the seed article and the format. Measured untouched with the stop's start and with its
# head when it arrived, then its tune half read. Split by the same rule.
""",
    66: """#
# ROUND 66: switching jobs or roles, as round 65 — its third writer: mostly mainland Chinese
# with the field's names in Latin letters, some traditional characters, voice-input slips.
# Written blind from the catalogue, the seed article and the format; measured untouched with
# the stop's start (whole round 40/46 on-topic, 32/32 off-topic, 3/4 small talk), then its
# tune half read. Split by the same rule.
""",
    67: """#
# ROUND 67: an ordinary week in a busy Chinese Telegram group about LLMs where the bot is a
# member — whatever people ask in passing, and the group's off-topic chatter that reaches the
# bot. Mostly mainland Chinese with the field's names in Latin letters, some traditional
# characters, voice-input slips; written blind by one writer from the catalogue, the seed
# article and the format. Measured untouched with the stop's start (whole round 49/50
# on-topic, 32/33 off-topic, 4/4 small talk), then its tune half read. Split by the same rule.
""",
    68: """#
# ROUND 68: an ordinary week on an English-speaking Discord server about running and training
# LLMs — whatever people ask in passing, and the server's off-topic chatter (other tech, work,
# games, life, near misses). Mostly English from native and second-language speakers, some
# mixed with Chinese; written blind by one writer. Measured untouched with the stop's start
# (whole round 46/48 on-topic, 26/32 off-topic, 2/4 small talk), then its tune half read.
# Split by the same rule.
""",
    69: """#
# ROUND 69: students and researchers at universities and labs — coursework, theses, reading
# groups, a shared lab server, a paper to reproduce — and their off-topic questions about the
# rest of campus and academic life (other fields' models, grants, LaTeX, near misses). Half
# Chinese, half English, some mixed; written blind by one writer. Measured untouched with the
# stop's start (whole round 43/47 on-topic, 32/32 off-topic, 2/4 small talk), then its tune
# half read. Split by the same rule.
""",
    70: """#
# ROUND 70: what I have to run it on — people who own or rent specific hardware (a laptop, a
# Mac, a gaming card, old server cards, a domestic accelerator, a cloud instance, an edge box)
# and ask what they can train, fine-tune, serve or compress on it, and their off-topic hardware
# and money talk. Mostly English, some Chinese and mixed; written blind by one writer. Measured
# untouched with the stop's start (whole round 43/50 on-topic, 32/33 off-topic, 3/4 small
# talk), then its tune half read. Split by the same rule.
""",
    71: """#
# ROUND 71: people who are not engineers but need to understand one thing — managers, product
# people, teachers, journalists, investors, lawyers, doctors, civil servants, parents — in their
# own words, and their off-topic questions from their own fields, where model, training,
# inference, token and cluster mean other things. Chinese and English, some mixed; written
# blind by one writer. Measured untouched with the stop's start (whole round 38/45 on-topic,
# 31/32 off-topic, 3/4 small talk), then its tune half read. Split by the same rule.
""",
    72: """#
# ROUND 72: an ordinary week among overseas Chinese engineers (Bay Area, Singapore, London,
# Toronto) in a group where the bot is a member — Chinese and English switched inside one
# sentence, and their off-topic chatter (visas, housing, interviews, other tech, near misses).
# Mostly mixed; written blind by one writer. Measured untouched with the stop's start (whole
# round 44/46 on-topic, 30/32 off-topic, 4/4 small talk), then its tune half read. Split by
# the same rule.
""",
    73: """#
# ROUND 73: questions asked in public — posts and comments on 知乎, 小红书, V2EX and 微博 that
# mention the bot, and replies under someone else's question — and off-topic posts that reach
# it. Mostly mainland Chinese internet voice with the field's names in Latin letters; written
# blind by one writer. Measured untouched with the stop's start (whole round 41/45 on-topic,
# 31/32 off-topic, 4/4 small talk), then its tune half read. Split by the same rule.
""",
    74: """#
# ROUND 74: questions asked in public — posts and comments on Reddit, Hacker News and X that
# mention the bot, and replies under someone else's question — and off-topic posts that reach
# it. Mostly English in forum voice, some mixed; written blind by one writer. Measured
# untouched with the stop's start (whole round 40/45 on-topic, 30/32 off-topic, 2/4 small
# talk), then its tune half read. Split by the same rule.
""",
    75: """#
# ROUND 75: the next message in a chat — people who got an answer and narrow it, widen it,
# correct the bot, ask for another kind of material or language, or move on to the next thing
# (each message makes sense read alone); off-topic follow-ups drift away. Chinese and English,
# some mixed; written blind by one writer. Measured untouched with the stop's start (whole
# round 46/46 on-topic, 31/32 off-topic, 4/4 small talk) and with its head when it arrived
# (45/46, 31/32, 4/4), then its tune half read. Split by the same rule.
""",
    76: """#
# ROUND 76: pasted from the screen — an error message, a log line, a stack trace, a config
# snippet, a command or a model card line, asked about (training, fine-tuning, serving,
# compression, clusters), and off-topic pastes from other software. Mostly English, some
# Chinese and mixed; written blind by one writer. Measured untouched with the stop's start
# (whole round 43/47 on-topic, 28/32 off-topic, 2/4 small talk) and its head when it arrived
# (the same), then its tune half read. Split by the same rule.
""",
    77: """#
# ROUND 77: choosing between things — people who must pick one of two or three tools,
# methods, courses or books for their own case and ask which, or what the difference is, and
# off-topic choices from the same people. Chinese and English, many mixed; written blind by
# one writer. Measured untouched with the stop's start (whole round 45/48 on-topic, 32/32
# off-topic, 3/4 small talk) and its head when it arrived (the same). Split by the same rule.
""",
    78: """#
# ROUND 78: very short messages — one to six words fired at a bot: a name, an abbreviation, a
# misspelled tool, a topic and one word, a half question, and short off-topic messages that
# share a word with the field. A third each Chinese, English and mixed; written blind by one
# writer, who says it read six cases of round 63's tune half beyond the format header it was
# allowed (its labels come from the catalogue). Measured untouched with the stop's start
# (whole round 43/48 on-topic, 31/32 off-topic, 4/4 small talk) and its head when it arrived
# (the same). Split by the same rule.
""",
    79: """#
# ROUND 79: an ordinary week in a Chinese WeChat/Telegram study group for LLM engineers — what
# people ask the bot between other things on a normal weekday, and the group's off-topic
# chatter and near misses. Mostly mainland Chinese with the field's English terms; written
# blind by one writer. Measured untouched with the stop's start (whole round 42/45 on-topic,
# 32/32 off-topic, 2/4 small talk) and its head when it arrived (the same). Split by the same
# rule.
""",
    80: """#
# ROUND 80: an ordinary week in an English-speaking Telegram group of ML engineers and
# hobbyists — normal questions to the bot between other things, and the group's off-topic
# chatter and near misses. Mostly English, a few mixed; written blind by one writer. Measured
# untouched with the stop's start (whole round 43/47 on-topic, 31/32 off-topic, 4/4 small
# talk) and its head when it arrived (the same). Split by the same rule.
""",
    81: """#
# ROUND 81: numbers and sizes — questions asked with figures (model sizes, memory, tokens a
# second, batch sizes, GPU and node counts, bits, costs) wanting what to read to make it fit,
# faster or cheaper; off-topic messages full of numbers from other fields. A third each
# Chinese, English and mixed; written blind by one writer. Measured untouched with the stop's
# start (whole round 41/45 on-topic, 31/32 off-topic, 3/4 small talk) and its head when it
# arrived (the same). Split by the same rule.
""",
    82: """#
# ROUND 82: traditional Chinese and full-width text — Taiwan and Hong Kong writing in 繁體,
# Cantonese particles, full-width Latin letters and digits as some input methods produce, and
# Taiwanese terms; off-topic messages in the same script. Mostly traditional Chinese with
# English terms; written blind by one writer. Measured untouched with the stop's start (whole
# round 42/46 on-topic, 33/33 off-topic, 3/4 small talk) and its head when it arrived (the
# same). Split by the same rule.
""",
    83: """#
# ROUND 83: an ordinary week in a QQ or Discord group of Chinese university students learning
# LLMs — coursework, 毕设, competitions, rented GPUs, internship prep — and the group's
# off-topic chatter and near misses. Mostly Chinese in a young internet style; written blind
# by one writer. Measured untouched with the stop's start (whole round 39/47 on-topic, 30/32
# off-topic, 4/4 small talk) and its head when it arrived (the same). Split by the same rule.
""",
    84: """#
# ROUND 84: dictated by voice — speech-to-text messages with names written as the recogniser
# heard them, letters spelled out, Chinese homophones, split or merged English words and the
# filler of speech. A third each Chinese, English and mixed; written blind by one writer.
# Measured untouched with the stop's start (whole round 41/45 on-topic, 29/32 off-topic, 4/4
# small talk) and its head when it arrived (the same). Split by the same rule.
""",
    85: """#
# ROUND 85: people who run the machines — ops engineers, SREs and cluster admins asking about
# clusters, interconnects, communication libraries, monitoring and serving; off-topic
# messages from the rest of their job that share words with the field. Mostly English and
# mixed; written blind by one writer. Measured untouched with the stop's start (whole round
# 43/46 on-topic, 31/32 off-topic, 2/4 small talk) and its head when it arrived (the same).
# Split by the same rule.
""",
    86: """#
# ROUND 86: asking for a kind or a language of resource — only videos, papers, repositories,
# official docs, Chinese or English material, a Chinese version of an English resource or
# the other way round, something free or short; off-topic messages asking for kinds of
# resource on other subjects. A third each Chinese, English and mixed; written blind by one
# writer. Measured untouched with the stop's start (whole round 44/49 on-topic, 31/33
# off-topic, 3/4 small talk) and its head when it arrived (the same). Split by the same rule.
""",
    87: """#
# ROUND 87: newcomers to one topic — people who know some machine learning or programming but
# are new to one topic the catalogue covers (fine-tuning, distributed training, quantisation,
# serving, KV cache, RAG, clusters, compilers) and ask where to start on it; off-topic
# newcomers to other fields. A third each Chinese, English and mixed; written blind by one
# writer. Measured untouched with the stop's start (whole round 41/46 on-topic, 31/32
# off-topic, 2/4 small talk) and its head when it arrived (the same). Split by the same rule.
""",
    88: """#
# ROUND 88: describing without the name — people who do not know or forget what a technique,
# tool or course is called and describe what it does, looks like, who made it or what it
# solves; off-topic descriptions from other fields. A third each Chinese, English and mixed;
# written blind by one writer. Measured untouched with the stop's start (whole round 42/45
# on-topic, 31/32 off-topic, 3/4 small talk) and its head when it arrived (the same). Split
# by the same rule.
""",
    89: """#
# ROUND 89: talking to the bot itself — greetings, thanks, praise and complaints, questions
# about what it can do and how to use it, mixed with real questions that open or close with
# chat; off-topic chat with the bot and near misses (other chatbots, other bots, AI news). A
# third each Chinese, English and mixed, with more small talk than other rounds (23); written
# blind by one writer. Measured untouched with the stop's start (whole round 41/41 on-topic,
# 21/24 off-topic, 15/23 small talk) and its head when it arrived (the same). Split by the
# same rule.
""",
    90: """#
# ROUND 90: an ordinary week in a Discord server of Chinese students abroad who learn and
# build with LLMs — coursework, research, side projects, job hunting — and the server's
# off-topic chatter and near misses. Mixed Chinese and English in one message, as overseas
# students type; written blind by one writer. Measured untouched with the stop's start (whole
# round 41/45 on-topic, 27/32 off-topic, 3/4 small talk) and its head when it arrived (the
# same). Split by the same rule.
""",
    91: """#
# ROUND 91: an ordinary week in a Chinese Discord server of open-source contributors to LLM tools — what
# people ask the bot between reviews and releases, and the server's off-topic chatter and near
# misses. Mostly mainland Chinese with the field's English terms; written blind by one writer. Measured untouched with the stop's start
# (whole round 41/45 on-topic, 30/32 off-topic, 4/4 small talk) and its head when it arrived (the
# same). Split by the same rule.
""",
    92: """#
# ROUND 92: an ordinary week in an English Discord server of students taking an online deep-learning
# course who want to go further into LLMs — what they ask between lectures and homework, and
# the off-topic chatter and near misses. Mostly English, a few mixed; written blind by one writer. Measured untouched with the stop's start
# (whole round 40/46 on-topic, 30/32 off-topic, 3/4 small talk) and its head when it arrived (the
# same). Split by the same rule.
""",
    93: """#
# ROUND 93: asking on someone else's behalf — a manager for the team, a teacher for students, a new
# colleague, a friend switching careers, a parent for a child at university. A third Chinese,
# a third English, a third mixed; written blind by one writer. Measured untouched with the stop's start
# (whole round 43/45 on-topic, 31/32 off-topic, 4/4 small talk) and its head when it arrived (the
# same). Split by the same rule.
""",
    94: """#
# ROUND 94: one long message with several sentences of context before or after the question — what
# the person is building, what they tried, what went wrong — and sometimes two questions in
# one message. Half Chinese, a quarter English, a quarter mixed; written blind by one writer. Measured untouched with the stop's start
# (whole round 41/45 on-topic, 31/32 off-topic, 3/4 small talk) and its head when it arrived (the
# same). Split by the same rule.
""",
    95: """#
# ROUND 95: an ordinary week in a company Telegram group of infrastructure and MLOps engineers who run
# LLM training and serving — which tool for a job, how something works, links for the on-call
# doc — and the group's off-topic chatter and near misses. Half Chinese, a quarter English, a
# quarter mixed, terse; written blind by one writer. Measured untouched with
# the stop's start (whole round 42/45 on-topic, 31/32 off-topic, 4/4 small talk) and its head when it
# arrived (the
# same). Split by the same rule.
""",
    96: """#
# ROUND 96: people who have just read the Chinese article the catalogue comes from and ask about it —
# what a section lists, where a topic sits, what to read first, what it leaves out — with
# off-topic messages and near misses from the same chats. Mostly Chinese; written blind by one writer. Measured untouched with
# the stop's start (whole round 41/46 on-topic, 30/32 off-topic, 4/4 small talk) and its head when it
# arrived (the
# same). Split by the same rule.
""",
    97: """#
# ROUND 97: typed on a phone in a hurry — autocorrect and predictive-text slips, wrong pinyin
# candidates, missing spaces, doubled letters, messages cut short. A third Chinese, a third
# English, a third mixed; written blind by one writer. Measured untouched with
# the stop's start (whole round 45/48 on-topic, 31/32 off-topic, 4/4 small talk) and its head when it
# arrived (the
# same). Split by the same rule.
""",
    98: """#
# ROUND 98: researchers and graduate students reading papers — the paper behind a method, a readable
# explanation, how two methods differ, what to cite — with near misses from other fields and
# academic life. Mostly English; written blind by one writer. Measured untouched with
# the stop's start (whole round 39/46 on-topic, 28/32 off-topic, 4/4 small talk) and its head when it
# arrived (40/46 on-topic, 28/32 off-topic, 4/4 small talk). Split by the same rule.
""",
    99: """#
# ROUND 99: an ordinary week among algorithm engineers at a big Chinese internet company — what to
# read before taking over a system, how something works, which of two approaches, a link for a new
# teammate — with near misses from recommendation, A/B tests, KPIs and office life. Mostly
# Chinese; written blind by one writer. Measured untouched with the stop's start, which was still
# the head when it arrived (whole round 45/47 on-topic, 32/32 off-topic, 3/4 small talk). Split by
# the same rule.
""",
    100: """#
# ROUND 100: an ordinary week in an English Telegram group of hobbyists who run models at home —
# how something works, what to read to understand what they run, which of two tools, why it is
# slow — with near misses from gaming, PC building, home servers, mining and 3D printing. Mostly
# English; written blind by one writer. Measured untouched with the stop's start, which was still
# the head when it arrived (whole round 38/46 on-topic, 30/32 off-topic, 4/4 small talk). Split by
# the same rule.
""",
    101: """#
# ROUND 101: people from neighbouring fields coming to LLMs — computer vision, speech, recommender
# systems, HPC, databases, embedded, data engineering — who describe what they know in their own
# field's words, with near misses from those fields. Mixed Chinese, English and code-switching;
# written blind by one writer. Measured untouched with the stop's start, which was still the head
# when it arrived (whole round 43/45 on-topic, 29/32 off-topic, 4/4 small talk). Split by the same
# rule.
""",
    102: """#
# ROUND 102: an ordinary week among Chinese hardware, chip and compiler engineers — AI chips,
# domestic accelerators, kernels, compilers, drivers — asking about the LLM side of their work,
# with near misses from circuits, EDA, verification, FPGA timing and procurement. Mostly Chinese;
# written blind by one writer. Measured untouched with the stop's start, which was still the head
# when it arrived (whole round 48/48 on-topic, 30/32 off-topic, 3/4 small talk). Split by the same
# rule.
""",
    103: """#
# ROUND 103: an ordinary week in a Chinese Feishu/WeChat group of application developers at small
# companies and startups who build products on LLMs (RAG, agents, customer chatbots, private
# deployment, serving cost) and keep running into the model side, with near misses from web and
# mini-program development, SaaS billing, 私域运营, short-video marketing, databases and cloud bills.
# Mostly Chinese with code-switching; written blind by one writer. Measured untouched with the
# stop's start, which was still the head when it arrived (whole round 47/48 on-topic, 31/32 off-
# topic, 4/4 small talk). Split by the same rule.
""",
    104: """#
# ROUND 104: an ordinary week in an English Discord server of people who fine-tune and train their
# own models on consumer or rented GPUs (LoRA/QLoRA on one card, datasets, multi-GPU on rented
# boxes, diverging runs), with near misses from Stable Diffusion art, game modding, GPU mining and
# rental marketplaces, labelling gigs, Python packaging and PC building. Mostly English; written
# blind by one writer. Measured untouched with the stop's start, which was still the head when it
# arrived (whole round 45/48 on-topic, 31/32 off-topic, 4/4 small talk). Split by the same rule.
""",
    105: """#
# ROUND 105: people starting from zero on one broad question — product managers, designers,
# frontend developers, SREs, testers, students of other majors, a founder — who say who they are
# and ask where to begin, what order to learn in, or how a big idea works, with near misses from
# their own fields (UX research, frontend frameworks, on-call tooling, test automation, MBA
# courses, career advice). Chinese, English and mixed; written blind by one writer. Measured
# untouched with the stop's start, which was still the head when it arrived (whole round 36/48 on-
# topic, 31/32 off-topic, 4/4 small talk). Split by the same rule.
""",
    106: """#
# ROUND 106: an ordinary week in a Southeast Asian and Hong Kong tech community group (Singapore,
# Malaysia, Hong Kong, Taiwan): English with Singlish particles, colloquial Cantonese, 繁體 and 简体
# mixed, with near misses from fintech, property, hawker food, national service, university
# modules, mobile plans and government apps. Written blind by one writer. Measured untouched with
# the stop's start, which was still the head when it arrived (whole round 41/46 on-topic, 31/32
# off-topic, 4/4 small talk). Split by the same rule.
""",
    107: """#
# ROUND 107: an ordinary week in a Chinese WeChat/Feishu group of data people on LLM teams — data
# engineers, annotation leads, evaluation owners — who build, clean and label training data and ask
# what to read about the training and fine-tuning steps their data feeds, with near misses from
# their own work (Hive/Spark ETL, SQL, data warehouses, BI dashboards, labelling vendors,
# crowdsourcing pay, privacy law, Excel). Mostly mixed Chinese/English; written blind by one
# writer. Measured untouched with the stop's start, which was still the head when it arrived
# (whole round 45/48 on-topic, 26/28 off-topic, 4/4 small talk). Split by the same rule.
""",
    108: """#
# ROUND 108: running models on small and local devices — mobile and embedded developers, makers
# and hobbyists who want an LLM on a phone, a laptop without a GPU, a Raspberry Pi, a Jetson, an
# Ascend board or an edge box (quantising, converting formats, choosing runtimes, speed and memory),
# with near misses from app stores, phone and laptop buying, Arduino and ESP32, drones, smart homes
# and ADC quantization noise. Mostly English, some Chinese and mixed; written blind by one writer.
# Measured untouched with the stop's start, which was still the head when it arrived (whole round
# 44/48 on-topic, 27/28 off-topic, 3/4 small talk). Split by the same rule.
""",
    109: """#
# ROUND 109: an ordinary week in an English Telegram group of developers from India, Nigeria, Kenya,
# Pakistan, Bangladesh and the Philippines — regional Englishes as typed ("kindly share", "do the
# needful", "na", "abi", Hinglish and Taglish, SMS spelling), students on free tiers and one old
# GPU, freelancers and service-company engineers — with near misses from government exams, campus
# placements, UPI and M-Pesa payments, data packs, cricket, visas and coding interviews. English
# (Latin script); written blind by one writer. Measured untouched with the stop's start, which was
# still the head when it arrived (whole round 46/48 on-topic, 27/28 off-topic, 4/4 small talk).
# Split by the same rule.
""",
    110: """#
# ROUND 110: game developers, writers and other creative people who want LLMs in their work — NPC
# dialogue, interactive fiction, writing assistants, character bots, a model inside a game or on a
# player's machine, fine-tuning on their own lore, real-time speed — with near misses from game
# engines, Stable Diffusion and art tools, music, voice-over, publishing, streaming and modding.
# Chinese, English and mixed in about equal shares; written blind by one writer. Measured untouched
# with the stop's start, which was still the head when it arrived (whole round 41/48 on-topic,
# 28/28 off-topic, 4/4 small talk). Split by the same rule.
""",
    111: """#
# ROUND 111: an ordinary week among IT staff of Chinese state-owned enterprises, banks and government
# units doing 信创 — small LLM projects on domestic hardware (Ascend, Kunpeng CPU-only machines,
# Sophgo) inside closed networks, with procurement cases, security reviews and leaders wanting
# demos — with near misses from the same setting (信创 catalogue certification, 等保, Kylin and UOS,
# the Dameng database, 国密 upgrades, filings for generative AI services, hardware prices and export
# rules, prompt-injection defence). Mostly Chinese; written blind by one writer. Measured untouched
# with the stop's start, which was still the head when it arrived (whole round 46/48 on-topic, 27/28
# off-topic, 3/4 small talk). Split by the same rule.
""",
    112: """#
# ROUND 112: an ordinary week in the English Slack of a small startup's ML team — standups, an
# out-of-memory incident, a founder worried about the inference bill, an intern and a new hire asking
# beginners' questions, requests for a good read on KV cache, ZeRO, LoRA or GPTQ against AWQ — with
# near misses from startup chatter (on-call, PR reviews, cloud egress costs, GPU rental prices, GDPR
# and chat logs, image-model checkpoints, driver installs, tool seats). English; written blind by one
# writer. Measured untouched with the stop's start, which was still the head when it arrived (whole
# round 42/48 on-topic, 27/28 off-topic, 3/4 small talk). Split by the same rule.
""",
    113: """#
# ROUND 113: robotics, embodied-AI and autonomous-driving engineers coming to LLMs — models on Orin,
# Ascend and Sophgo boxes, 4-bit and INT8, LoRA on VLAs and VLMs, one GPU to eight, serving to ROS
# nodes, agents calling robot skills as tools — with near misses from their own work (ROS2 and DDS,
# SLAM, sensor calibration, simulators, MPC control, BEV perception code, functional safety, a
# detector's TensorRT conversion). Mostly mixed Chinese/English; written blind by one writer.
# Measured untouched with the stop's start, which was still the head when it arrived (whole round
# 47/48 on-topic, 26/28 off-topic, 4/4 small talk). Split by the same rule.
""",
    114: """#
# ROUND 114: scientists and clinicians from other fields — biology, chemistry, physics, medicine,
# earth science — who want to train, fine-tune or run LLMs for their research on lab servers and
# university clusters, whose own vocabulary (SVD, teacher and student, synaptic pruning, loading
# samples in batches, distillation columns, second quantization) collides with the field's, with
# near misses from their work (Slurm job arrays, workflow managers, scratch quotas, molecular
# dynamics on GPUs, clinical data access). English, Chinese and mixed; written blind by one writer.
# Measured untouched with the stop's start, which was still the head when it arrived (whole round
# 47/49 on-topic, 25/27 off-topic, 4/4 small talk). Split by the same rule.
""",
    115: """#
# ROUND 115: Chinese job seekers preparing for LLM algorithm and infrastructure interviews — 八股,
# 手撕, 面经, 秋招 and 转岗 — asking which article lets them explain a topic under follow-up questions
# (ZeRO's stages, DP against DDP, pipeline bubbles, KV cache, FlashAttention, MQA and GQA, LoRA and
# QLoRA, GPTQ against AWQ, training memory by hand, ring allreduce), with near misses from the job
# hunt (salary and offers, HR and 三方, résumés, LeetCode, general CS 八股 of TCP, MySQL, paging and
# Redis). Mostly mixed Chinese/English; written blind by one writer. Measured untouched with the
# stop's start, which was still the head when it arrived (whole round 47/48 on-topic, 27/28
# off-topic, 4/4 small talk). Split by the same rule.
""",
    116: """#
# ROUND 116: security, safety and compliance engineers who must now run, fine-tune or serve LLMs
# in-house — AppSec, red teams, privacy officers, platform security — asking how serving, LoRA,
# distributed training, quantization and RAG work, framed by a threat model, a data-residency review
# or an SBOM, with near misses from their own work (prompt-injection defence, jailbreak lists, CVEs,
# SOC 2, GDPR and the EU AI Act, malware tooling, firewall rules, phishing training, watermarking).
# English; written blind by one writer. Measured untouched with the stop's start, which was still
# the head when it arrived (whole round 45/48 on-topic, 23/28 off-topic, 4/4 small talk). Split by
# the same rule.
""",
    117: """#
# ROUND 117: quant, fintech and trading engineers in Shanghai, Hong Kong and Singapore exploring
# LLMs — a 7B on the desk's own servers under a latency budget, 4-bit to fit cheap cards,
# interconnects and cluster health, fine-tuning on research notes, splitting training across GPUs —
# in the code-mixed Chinese, English and Cantonese of finance chats, with near misses from trading
# (factor models, backtests, options pricing, market-data feeds, FPGA and kernel bypass, terminals,
# stock tips, crypto bots). Mostly mixed; written blind by one writer. Measured untouched with the
# stop's start, which was still the head when it arrived (whole round 46/48 on-topic, 26/28
# off-topic, 3/4 small talk). Split by the same rule.
""",
    118: """#
# ROUND 118: English written by non-native speakers in an international Discord — from Japan, Korea,
# Vietnam, Indonesia, Brazil, Mexico, Germany, France, Poland, Turkey and Russia — with grammar
# slips, literal translations, false friends and words of their own languages, asking about the
# whole catalogue, with near misses from their setting (translation tools, language learning,
# visas, meetups, generic Python and web bugs, YOLO, Whisper, OCR, TTS, ROS2). English with a little
# Japanese; written blind by one writer. Measured untouched with the stop's start, which was still
# the head when it arrived (whole round 47/48 on-topic, 23/28 off-topic, 3/4 small talk). Split by
# the same rule.
""",
    119: """#
# ROUND 119: anxious Chinese self-learners writing late at night — laid off at 35, a backend team
# cut, a frontend developer afraid it is too late, a humanities graduate changing careers — long
# rambling messages with self-deprecation, particles and emoji and a real question inside (where to
# start, what to read on LoRA, ZeRO, parallelism, quantization, KV cache, vLLM, LangChain), with
# near misses from the same nights (N+1 severance, counselling and insomnia, civil-service exams,
# side jobs, course refunds, study methods, ChatGPT Plus payment, non-competes). Mostly mixed
# Chinese/English; written blind by one writer.
# Measured untouched with the stop's start and with its build when it arrived, the same
# (whole round 46/48 on-topic, 27/28 off-topic, 4/4 small talk). Split by the same rule.
""",
    120: """#
# ROUND 120: video and content creators (Bilibili, YouTube, WeChat and Xiaohongshu writers, podcast
# hosts) who need accurate sources before scripting an explainer on KV cache, LoRA, ZeRO,
# parallelism, quantization or inference engines, often describing a technique without its name,
# with near misses from making videos (editing software, thumbnails, the platform's algorithm,
# copyright music, microphones and lighting, AI video and voice cloning, sponsorships). Chinese,
# English and mixed; written blind by one writer.
# Measured untouched with the stop's start and with its build when it arrived, the same
# (whole round 46/48 on-topic, 27/28 off-topic, 4/4 small talk). Split by the same rule.
""",
    121: """#
# ROUND 121: formal English from lecturers, PhD candidates and research staff writing as in an email
# ("Dear Sir or Madam", "I would be most grateful if…", "Kind regards, Dr. …"), with their
# department, course or thesis before the request, and Chinese scholars' formal Chinese (您好，冒昧
# 打扰…), with near misses from academic errands (admissions and supervisors, recommendation letters,
# journal submission and review, conference visas and travel grants, plagiarism checkers, citation
# managers, statistics consulting). Mostly English; written blind by one writer.
# Measured untouched with the stop's start and with its build when it arrived, the same
# (whole round 45/48 on-topic, 22/28 off-topic, 4/4 small talk). Split by the same rule.
""",
    122: """#
# ROUND 122: lowercase, jargon-heavy posts from local-model hobbyists (gguf q4_k_m against q5_k_m,
# exl2, GPTQ and AWQ, "the 70b", vram and ctx budgets, tok/s, ooba, fine-tuning on a potato, 2x3090
# rigs), with near misses from the same forums (gaming builds, PSUs and RGB, mining rigs and risers,
# Stable Diffusion settings and its LoRAs, character cards, GPU scalpers, leaderboard drama).
# English; written blind by one writer.
# Measured untouched with the stop's start and with its build when it arrived, the same
# (whole round 44/48 on-topic, 26/28 off-topic, 4/4 small talk). Split by the same rule.
""",
    123: """#
# ROUND 123: an ordinary week in Chinese groups that write in internet slang and meme-speak — 家人们,
# 蹲一个, yyds, 绝绝子, 破防了, 救命, 摆烂, 卷不动了, pinyin initials (xswl, nsdd, yysy, dddd), homophones
# and emoji strings — while asking real questions about running, fine-tuning, quantizing, serving and
# training LLMs, with near misses from the same groups (coupons, rent, 考公, celebrity gossip, games,
# 外卖, phone and GPU deals, AI art rows, Nvidia stock, salaries, jokes about 大模型). Mostly mixed;
# written blind by one writer. Measured untouched with the stop's start, which was still the head
# when it arrived (whole round 44/48 on-topic, 26/28 off-topic, 4/4 small talk). Split by the same
# rule.
""",
    124: """#
# ROUND 124: competitors in Kaggle, 天池 and university LLM competitions — fine-tuning under a GPU
# quota, inference within a time limit, quantizing to fit a 16 GB card, LoRA against full
# fine-tuning for a leaderboard, several GPUs on a rented box — with near misses from the same places
# (rules and deadlines, team merging, leaderboard shake-ups, XGBoost and feature engineering,
# cheating and leaks, prize taxes, visas for an award ceremony). English, Chinese and mixed; written
# blind by one writer. Measured untouched with the stop's start, which was still the head when it
# arrived (whole round 46/48 on-topic, 24/28 off-topic, 3/4 small talk). Split by the same rule.
""",
    125: """#
# ROUND 125: veteran engineers coming back after about ten years away — CUDA C, MPI and OpenMP, SVMs
# and random forests, Hadoop and Spark, Caffe and Theano, LLVM — asking what the modern equivalent
# is and what to read to catch up on transformers, training at scale, fine-tuning, compression,
# compilers and serving, with near misses from their world (maintaining old tools, COBOL and
# mainframes, pensions, age discrimination in hiring, nostalgia, classic-ML questions nothing in the
# catalogue answers). Mostly English, some Chinese; written blind by one writer. Measured untouched
# with the stop's start, which was still the head when it arrived (whole round 44/48 on-topic, 27/28
# off-topic, 4/4 small talk). Split by the same rule.
""",
    126: """#
# ROUND 126: lecturers, teaching assistants and training-camp organisers building a syllabus or a
# lab for a course on LLM systems — readings for the parallelism week, a LoRA lab, a lecture on KV
# cache and serving, a math refresher, a quantization assignment, a Chinese reading for 本科生 and an
# English one for exchange students — with near misses from the same people (grading policies,
# AI-detection tools, classroom booking, course evaluations, proctoring, reimbursement, slide
# templates, student mental health, cluster account paperwork). Chinese, English and mixed; written
# blind by one writer. Measured untouched with the stop's start, which was still the head when it
# arrived (whole round 47/48 on-topic, 25/28 off-topic, 3/4 small talk). Split by the same rule.
""",
    127: """#
# ROUND 127: engineers in Chinese traditional industries — power plants, substations, coal mines,
# steel mills, shipyards, state-owned factories — told to run a private LLM on their own servers:
# old or Ascend hardware, quantizing to fit it, fine-tuning on maintenance manuals, serving on the
# intranet, the basics; with near misses from their work (PLC, WinCC and SCADA, 安全生产 and 等保,
# MES and ERP, industrial cameras, 招投标 for 大模型一体机, factory Wi-Fi, vibration sensors, UPS
# sizing). Mostly Chinese; written blind by one writer. Measured untouched with the stop's start and with its build when it arrived, the same
# (whole round 45/48 on-topic, 26/28 off-topic, 4/4 small talk). Split by the same rule.
""",
    128: """#
# ROUND 128: high-school students and their parents curious about large models — how ChatGPT writes
# word by word, what to read before university, a science-fair LoRA on an 8 GB gaming laptop,
# "transformers" heard of on Bilibili — with near misses from the same families (高考志愿, choosing a
# major, 信息学奥赛, buying a laptop, screen time, phone bans, summer camps, scholarships, homework).
# Chinese, English and mixed; written blind by one writer. Measured untouched with the stop's start and with its build when it arrived, the same
# (whole round 39/48 on-topic, 27/28 off-topic, 4/4 small talk). Split by the same rule.
""",
    129: """#
# ROUND 129: developer-relations people and technical writers who must explain an LLM product
# accurately — a docs page on request batching, a post on LoRA adapters, glossary entries on KV cache
# and quantization formats, a meetup talk on parallelism, a table of inference engines — asking for
# sources to cite, with near misses from their work (Docusaurus, Sphinx and Mintlify, SEO, style
# guides, CFPs, swag, community moderation, developer surveys, dashboards, docs translation).
# English, some Chinese; written blind by one writer. Measured untouched with the stop's start and with its build when it arrived, the same
# (whole round 46/48 on-topic, 21/28 off-topic, 4/4 small talk). Split by the same rule.
""",
    130: """#
# ROUND 130: messages run through machine translation — Russian, Arabic, Spanish, Vietnamese,
# Japanese or Chinese turned into stiff English with terms translated word by word ("big language
# model", "key value cache", "conveyor parallelism", "quantification", "reasoning service"), and a
# few English turned into stiff Chinese (大语言模型的微细调整, 推断服务) — with near misses translated
# the same way (visas, renting, admission, taxes, cooking, phone contracts, travel, general
# programming). Mostly English; written blind by one writer. Measured untouched with the stop's start and with its build when it arrived, the same
# (whole round 44/48 on-topic, 26/28 off-topic, 3/4 small talk). Split by the same rule.
""",
    131: """#
# ROUND 131: famous models as the way in — how DeepSeek-V3 trained so cheaply (FP8, experts), R1's
# reinforcement learning and distillation, Llama 3's parallelism, Qwen's tokenizer, Mixtral's
# experts, Kimi's long context, GLM and Baichuan on Ascend, Yi in 4-bit, ChatGPT's RLHF — where the
# techniques underneath are the answer; with near misses about the models themselves (release dates,
# benchmark scores, API and membership prices, licences, rumours, company news). Chinese, English
# and mixed; written blind by one writer. Measured untouched with the stop's start, which was still
# the head when it arrived (whole round 45/48 on-topic, 22/28 off-topic, 4/4 small talk). Split by
# the same rule.
""",
    132: """#
# ROUND 132: heavy Chinese–English code-switching — engineers at foreign companies and returnees who
# put English terms and verbs into nearly every Chinese sentence ("想 understand 透", "有没有 best
# practice", TP/PP, OOM); with near misses from the same team chat (Spark OOM, MySQL latency, an
# electrical transformer, whisky distillation, pruning an apple tree, crypto tokens, cloud GPU
# prices). Mostly mixed; written blind by one writer. Measured untouched with the stop's start,
# which was still the head when it arrived (whole round 47/49 on-topic, 27/27 off-topic, 3/4 small
# talk). Split by the same rule.
""",
    133: """#
# ROUND 133: network and storage engineers coming to LLM training clusters — collectives and the
# traffic each parallelism makes, NVLink and NVSwitch against PCIe, InfiniBand, RDMA and GPUDirect,
# NCCL against gloo, DCGM and nvbandwidth, checkpoint sizes and NVMe offload, a few deep-learning
# basics; with near misses that are pure networking or storage (RoCE for vSAN, BGP EVPN, Lustre and
# GPFS metadata, Ceph, ZFS, FC zoning, optics, iperf, verbs programming). Chinese, English and
# mixed; written blind by one writer. Measured untouched with the stop's start, which was still the
# head when it arrived (whole round 44/48 on-topic, 27/28 off-topic, 4/4 small talk). Split by the
# same rule.
""",
    134: """#
# ROUND 134: very casual Gen-Z English on a Discord server — lowercase, slang (ngl, fr, lowkey, no
# cap, cooked, 💀😭), typos and run-on sentences — about LoRA and QLoRA on gaming cards, out-of-
# memory, splitting training over GPUs, quantization and serving; with near misses in the same voice
# (fine-tuning a sleep schedule, the Transformers film, the server's llama emoji, pronouncing qwen,
# WSL2, rate limits, GPU rental). Mostly English, a few mixed; written blind by one writer. Measured
# untouched with the stop's start, which was still the head when it arrived (whole round 47/48 on-
# topic, 19/28 off-topic, 3/4 small talk). Split by the same rule.
""",
    135: """#
# ROUND 135: constraints and exclusions — people who say what they do not want or lack (no GPU, 8G
# of memory, not a video, no paper, no math, free only, Chinese or English only, besides vLLM,
# already read the DeepSpeed docs, no LoRA, not NVIDIA), labelled with the resources that honour the
# constraint; with near misses in the same wording (buying a card, ChatGPT mirrors, Stable Diffusion
# LoRA, Whisper, YOLOv8, vector databases, API prices). Mostly mixed; written blind by one writer.
# Measured untouched with the stop's start, which was still the head when it arrived (whole round
# 42/48 on-topic, 23/28 off-topic, 3/4 small talk). Split by the same rule.
""",
    136: """#
# ROUND 136: formal and bureaucratic Chinese — messages written like official letters and academic
# correspondence (尊敬的, 现就……请教如下, 敬请, 烦请, 此致敬礼) from research offices, state labs, reviewers and
# graduate students, the technical question set inside paperwork, with Chinese input-method slips
# (并形, 量话, 建值); with near misses from the office side (fund applications, paying cloud GPUs from a
# grant, tender thresholds, export controls, registering a generative-AI service, software
# copyright, travel reimbursement). Mostly Chinese, some formal English; written blind by one
# writer. Measured untouched with the stop's start, which was still the head when it arrived (whole
# round 45/48 on-topic, 26/28 off-topic, 2/4 small talk). Split by the same rule.
""",
    137: """#
# ROUND 137: training runs going wrong, described in words — fp16 loss turning NaN, poor throughput
# without NVLink, out-of-memory at a step, two-node jobs that hang in NCCL, slow ZeRO-3 checkpoints,
# a fine-tune that forgot everything, a quantised model that babbles; with near misses that are bugs
# in unrelated software or hardware faults (Java heap, Kafka, pg_dump, OpenFOAM with mpirun, GPU
# fans, ECC errors, a model railway, dog training). Chinese, English and mixed; written blind by one
# writer. Measured untouched with the stop's start, which was still the head when it arrived (whole
# round 44/48 on-topic, 28/28 off-topic, 4/4 small talk). Split by the same rule.
""",
    138: """#
# ROUND 138: career changers from outside tech — teachers, accountants, nurses, lawyers, designers,
# pharmacists, sales people — learning LLMs from zero: where to start, how much maths, what the
# words mean (Transformer, LoRA, KV cache, 4-bit, bf16, distillation), beginner courses and books;
# with near misses about careers, salaries, certificates, bootcamp prices, age and degree worries
# and ChatGPT in their old job. Chinese, English and mixed; written blind by one writer. Measured
# untouched with the stop's start, which was still the head when it arrived (whole round 45/48 on-
# topic, 21/28 off-topic, 4/4 small talk). Split by the same rule.
""",
    139: """#
# ROUND 139: Japanese and Korean engineers writing Chinese as a second language — stiff or slightly
# wrong Chinese with Japanese words and kanji forms (勉強, 資料, 推論, 量子化, 枝刈り), Korean habits (工夫 for
# study, ㅠㅠ), odd word order and input-method slips (微跳, 蒸溜, 现存), asking about training, fine-
# tuning, compression and serving; with near misses from their life in China (visas, landlords, HSK,
# overtime, 推理小说, a 100V rice cooker's 变压器, llamas at the zoo). Mostly Chinese, some mixed and
# English; written blind by one writer. Arrived after the stop's first edits; measured untouched
# with the stop's start and with its build then, the same (whole round 46/48 on-topic, 25/28 off-
# topic, 4/4 small talk). Split by the same rule.
""",
    140: """#
# ROUND 140: people on rented or free cloud machines — Colab's T4, Kaggle's P100, AWS, GCP, Azure,
# 阿里云 PAI, AutoDL, 恒源云, 华为云 with Ascend — asking how to fine-tune, fit, split, quantize, monitor and
# serve on what they rented; with near misses about disconnects, quotas, billing, SSH keys, phone
# verification and disks that do not survive a shutdown. Chinese, English and mixed; written blind
# by one writer. Arrived after the stop's first edits; measured untouched with the stop's start and
# with its build then, the same (whole round 48/48 on-topic, 25/28 off-topic, 4/4 small talk). Split
# by the same rule.
""",
    141: """#
# ROUND 141: people who must judge whether a model or a fine-tune got better — accuracy lost to
# 4-bit and int8, LoRA against full fine-tuning, overfitting in SFT, perplexity and benchmarks,
# comparing checkpoints; with near misses about live leaderboards, named models' benchmark scores,
# eval SaaS prices and annotation vendors. Chinese, English and mixed; written blind by one writer.
# Arrived after the stop's first edits; measured untouched with the stop's start and with its build
# then, the same (whole round 42/48 on-topic, 21/28 off-topic, 4/4 small talk). Split by the same
# rule.
""",
    142: """#
# ROUND 142: systems programmers who want to write inference themselves in Rust, C++, Go or CUDA —
# vLLM's block manager and scheduler, llama.cpp and gguf, KV cache layout, FlashAttention tiling,
# kernel fusion, TVM, XLA and MLIR, quantized matmuls, parallel inference, batching; with near
# misses from systems programming with no model in it (borrow checker, allocators, SIMD codecs,
# async runtimes, build systems, page tables, DGEMM). Mostly English; written blind by one writer.
# Arrived after the stop's first edits; measured untouched with the stop's start and with its build
# then, the same (whole round 48/48 on-topic, 26/28 off-topic, 3/4 small talk). Split by the same
# rule.
""",
    143: """#
# ROUND 143: frustrated, sarcastic or rude users — annoyed at the bot, their job or the hype,
# mocking and testing it ("bet you don't even know what ZeRO is", "又是一个没用的机器人") while most still ask
# a real question; small talk as grudging thanks and complaints asking how to use it; near misses
# are rants, insults and hype talk. Chinese, English and mixed; written blind by one writer. Arrived
# after the stop's first edits; measured untouched with the stop's start and with its build then,
# the same (whole round 45/48 on-topic, 24/28 off-topic, 2/4 small talk). Split by the same rule.
""",
    144: """#
# ROUND 144: Chinese undergraduates doing course projects and theses on LLMs — 课程设计, 大作业, 毕设, 开题报告,
# 文献综述 — needing references for a LoRA fine-tune, a quantization experiment, a small RAG demo, a
# survey chapter on parallel training; with near misses about plagiarism checks, citation formats,
# LaTeX and Word, defence slides, supervisors, grades and deadlines. Mostly Chinese; written blind
# by one writer. Arrived after the stop's first edits; measured untouched with the stop's start and
# with its build then, the same (whole round 48/49 on-topic, 26/27 off-topic, 4/4 small talk). Split
# by the same rule.
""",
    145: """#
# ROUND 145: the mathematics behind models — how much math is needed, linear algebra, probability
# and calculus resources, derivations of backpropagation, softmax with cross-entropy, attention's
# scaling, low-rank updates and quantization error, from high-school level to PhD; with near misses
# that are math with no learning machine (Goldbach, olympiad geometry, actuarial exams, 量子化 in
# physics, tensors in relativity). Chinese, English and mixed; written blind by one writer. Arrived
# after the stop's first edits; measured untouched with the stop's start and with its build then,
# the same (whole round 43/48 on-topic, 27/28 off-topic, 4/4 small talk). Split by the same rule.
""",
    146: """#
# ROUND 146: planning and buying a small GPU lab of two to sixteen cards — NVLink against PCIe on
# 4090s, InfiniBand or not, checking cards after delivery, memory for training and serving 7B–70B,
# Ascend 910B software, choosing a serving engine; with near misses about prices, resellers,
# delivery, second-hand cards, warranties, racks, cooling, power and tenders. Chinese, English and
# mixed; written blind by one writer. Arrived after the stop's first edits; measured untouched with
# the stop's start and with its build then, the same (whole round 44/48 on-topic, 22/28 off-topic,
# 3/4 small talk). Split by the same rule.
""",
    147: """#
# ROUND 147: asking by author, site or source — people who remember who wrote or hosted something
# rather than what it is called: 李沐, Karpathy, 苏剑林 and 科学空间, Lilian Weng, Jay Alammar, the Hugging
# Face blog, 知乎 authors, Bilibili uploaders, NVIDIA's docs, a course by its school; with near
# misses that keep the names but ask about jobs, downloads, prices, exams and admissions. Chinese,
# English and mixed; written blind by one writer. Measured untouched with the stop's start (whole
# round 46/48 on-topic, 21/28 off-topic, 3/4 small talk). Split by the same rule.
""",
    148: """#
# ROUND 148: terms across languages — what 张量并行, 流水线并行, 混合精度, 蒸馏, 算子融合 or KV cache are called in
# the other language, what PEFT, SFT, RLHF, TP/PP/DP, MoE, GQA and NCCL stand for, and a resource
# in the other language; with near misses on the same words (DP as dynamic programming, 量化交易, 蒸馏水,
# electrical transformers, plain translation). Chinese, English and mixed; written blind by one
# writer. Measured untouched with the stop's start (whole round 46/48 on-topic, 21/28 off-topic,
# 4/4 small talk). Split by the same rule.
""",
    149: """#
# ROUND 149: a link or a title in hand — people who paste a URL, an article or paper title, a
# repository or a screenshot's caption and ask for more like it, whether it is worth reading, what
# to read before or after it, or a simpler or deeper version; with near misses of the same shape
# about quant trading, quantum error correction, pruning fruit trees, GitLab pipelines and API
# prices. Chinese, English and mixed; written blind by one writer. Measured untouched with the
# stop's start (whole round 45/48 on-topic, 23/28 off-topic, 3/4 small talk). Split by the same
# rule.
""",
    150: """#
# ROUND 150: reading source code — 源码解读 and walk-throughs of Megatron-LM, DeepSpeed, vLLM,
# llama.cpp, TensorRT-LLM, PyTorch FSDP and DDP, NCCL, TVM and Triton: where to start, which file
# does what, how a feature is implemented; with near misses about the source of Redis, the Linux
# scheduler, kube-scheduler, SGLang, ONNX Runtime and names (Megatron the robot, Triton the god).
# Chinese, English and mixed; written blind by one writer. Measured untouched with the stop's
# start (whole round 47/48 on-topic, 17/28 off-topic, 4/4 small talk). Split by the same rule.
""",
    151: """#
# ROUND 151: checking a claim they heard — "LoRA is as good as full fine-tuning", "ZeRO-3 is
# always slower", "量化到4bit基本不掉点": sceptical, curious or arguing people who want something to
# confirm or refute it; with near misses in the same voice about GPT-5 rumours, GPU prices and
# stocks, 蒸馏水, pruning tomatoes and the Transformers films. Chinese, English and mixed; written
# blind by one writer. Measured untouched with the stop's start (whole round 46/48 on-topic, 25/28
# off-topic, 3/4 small talk). Split by the same rule.
""",
    152: """#
# ROUND 152: is it still current — people worried that what they would read is outdated: 2023
# tutorials, DeepSpeed against FSDP, what replaced FasterTransformer, which version a guide is
# for, whether classics ever go out of date; with near misses about Python and Ubuntu support,
# image tools, API prices, knowledge cut-offs and GPU resale. Chinese, English and mixed; written
# blind by one writer. Measured untouched with the stop's start (whole round 47/48 on-topic, 26/28
# off-topic, 4/4 small talk). Split by the same rule.
""",
    153: """#
# ROUND 153: long context and memory — KV cache size and paging, attention's quadratic cost,
# FlashAttention, offloading, recomputation, memory estimates for training and serving,
# out-of-memory at long sequence lengths, often without the technical name; with near misses that
# share "context", "memory", "cache" or "paging" (RoPE and other context extension, which the
# catalogue lacks, JVM and Spark OOMs, Redis, OS paging, human memory). Chinese, English and
# mixed; written blind by one writer. Measured untouched with the stop's start (whole round 40/48
# on-topic, 24/28 off-topic, 3/4 small talk). Split by the same rule.
""",
    154: """#
# ROUND 154: reading groups and study plans — people organising a 读书会, a weekly study group or a
# plan over weeks or months: what to read first, the order of weeks, splitting a topic between
# members, what to skip, how long a course takes; with near misses about 量化交易, 剪枝 in contests,
# power transformers, meeting apps and keeping people coming. Chinese, English and mixed; written
# blind by one writer. Measured untouched with the stop's start (whole round 45/48 on-topic, 25/28
# off-topic, 4/4 small talk). Split by the same rule.
""",
    155: """#
# ROUND 155: how much time I have — people with a weekend, an hour a day, a train commute, a
# Friday deadline or the two weeks before a new job, asking what to read first within that budget;
# with near misses in the same hurry about NVIDIA earnings, renting an H100, cancelling ChatGPT
# Plus, CUDA driver installs and saving articles offline. Chinese, English and mixed; written
# blind by one writer. Measured untouched with the stop's start (whole round 45/48 on-topic, 25/28
# off-topic, 4/4 small talk). Split by the same rule.
""",
    156: """#
# ROUND 156: two or three questions in one message — numbered or joined with also, 另外, 还有, 顺便问下,
# sometimes related, sometimes one on-topic question beside an unrelated one (labelled by its
# on-topic part); with all-off pairs about API keys, GPU prices, Whisper, subscriptions, vector
# databases and hiking. Chinese, English and mixed; written blind by one writer. Measured
# untouched with the stop's start (whole round 46/48 on-topic, 21/28 off-topic, 4/4 small talk).
# Split by the same rule.
""",
    157: """#
# ROUND 157: explain it like I'm five — 大白话, 通俗易懂, 用比喻讲讲, ELI5 and analogies for a concept of the
# field; with near misses asking the same for a utility-pole transformer, 量化交易, 蒸馏水, 果树剪枝, llamas
# and alpacas, processes and threads, prompt writing and hallucination. Chinese, English and
# mixed; written blind by one writer. Measured untouched with the stop's start (whole round 41/48
# on-topic, 25/28 off-topic, 3/4 small talk). Split by the same rule.
""",
    158: """#
# ROUND 158: the history of the field — how we got from word2vec and RNNs to the Transformer, GPT
# and the open models, and why mixed precision, ZeRO, FlashAttention, paged attention, LoRA and
# GPTQ appeared; with near misses on people and company history, Deep Blue, AlphaGo, Dartmouth
# 1956, TPUs, export controls and the Transformers film. Chinese, English and mixed; written blind
# by one writer. Measured untouched with the stop's start (whole round 46/48 on-topic, 19/28
# off-topic, 4/4 small talk). Split by the same rule.
""",
    159: """#
# ROUND 159: running a model for many users — production serving, latency targets and SLAs,
# throughput under load, KV-cache memory and concurrency, cost per request, autoscaling, many LoRA
# adapters on one base model, serving on Ascend; with near misses about gateway rate limits,
# billing, compliance filing, cloud GPU prices, load-testing tools, Kafka, Istio and GC tuning.
# Chinese, English and mixed; written blind by one writer. Measured untouched with the stop's
# start (whole round 41/48 on-topic, 22/28 off-topic, 4/4 small talk). Split by the same rule.
""",
    160: """#
# ROUND 160: tokens, vocabularies and Chinese text — how text becomes tokens and embeddings, why
# Chinese costs more tokens, vocabulary size, multilingual and Chinese-capable models; with near
# misses about token counting and API pricing, sentencepiece settings, embedding models and vector
# databases, OCR, pinyin, encodings and fonts. Chinese, English and mixed; written blind by one
# writer. Measured untouched with the stop's start (whole round 42/48 on-topic, 20/28 off-topic,
# 4/4 small talk). Split by the same rule.
""",
    161: """#
# ROUND 161: indirect, hedged and very polite requests — I was wondering whether, would it be too
# much to ask, 冒昧问一下, 不知道方不方便, 想请教一下不知道问得对不对, with the real question buried in politeness and
# often without the thing's name; with near misses about the Transformers film, tornado warnings,
# 羊驼毛 blankets, Coursera subscriptions, 4090 prices and membership invoices. Chinese, English and
# mixed; written blind by one writer. Measured untouched with the stop's start (whole round 46/48
# on-topic, 26/28 off-topic, 3/4 small talk). Split by the same rule.
""",
    162: """#
# ROUND 162: Chinese written as it is spoken in regions — written Cantonese (唔該, 點樣, 有冇),
# Taiwanese colloquial (欸, 啦, 齁), northeastern and Sichuan colloquial (咋整, 啥子, 有没得), with English
# terms and Hong Kong English ending in Cantonese particles; with near misses such as 羊驼毛, 蒸馒头,
# 柠檬树剪枝, 量化交易, NVIDIA shares, GPU drivers and a k8s ingress 502. Chinese, English and mixed;
# written blind by one writer. Measured untouched with the stop's start (whole round 48/48
# on-topic, 27/28 off-topic, 4/4 small talk). Split by the same rule.
""",
    163: """#
# ROUND 163: common mistakes and what not to do — what beginners get wrong, the traps to know
# before starting, from skipping the maths and leaking test data to LoRA settings, ZeRO-3
# checkpoints, 4-bit losses and GPU memory estimates; with near misses about pitfalls in web
# frameworks, databases, cloud and API bills, contracts and cooking. Chinese, English and mixed;
# written blind by one writer. Measured untouched with the stop's start (whole round 42/48
# on-topic, 27/28 off-topic, 4/4 small talk). Split by the same rule.
""",
    164: """#
# ROUND 164: hands-on practice — exercises, labs, weekend projects and code to read and run, from
# classic ML in Python and a small GPT to fine-tuning, multi-GPU training, quantization and
# deployment; with near misses asking for practice in web development, leetcode, game modding,
# electronics, Excel and OpenCV filters. Chinese, English and mixed; written blind by one writer.
# Measured untouched with the stop's start (whole round 45/48 on-topic, 26/28 off-topic, 4/4 small
# talk). Split by the same rule.
""",
    165: """#
# ROUND 165: pinyin, initials and Chinese internet abbreviations — words stuck in pinyin when the
# input method misfired (weitiao, xiancun, zhengliu), xdm, yysy, u1s1, 炼丹 and 卡 for GPU, mixed
# with English terms; with near misses using the same words for 梦幻西游, 原神, 量化 funds, 月季 pruning,
# 蒸馏水, zoo alpacas and mining cards. Chinese, English and mixed; written blind by one writer.
# Measured untouched with the stop's start (whole round 47/49 on-topic, 26/27 off-topic, 4/4 small
# talk). Split by the same rule.
""",
    166: """#
# ROUND 166: settling an argument or a bet — a colleague's, classmate's or roommate's claim about
# a technique or tool quoted, with a hotpot or milk tea at stake, and material asked to show who
# is right; with near misses about Rust against C++, phones, football, Napoleon's height, layoffs,
# Megatron the toy, 变压器 and whisky distillation. Chinese, English and mixed; written blind by one
# writer. Measured untouched with the stop's start (whole round 46/48 on-topic, 27/28 off-topic,
# 3/4 small talk). Split by the same rule.
""",
    167: """#
# ROUND 167: newsletter, blog and community curators — links wanted for a weekly digest, a
# reading-list post, a WeChat article, a talk's references or a Discord pin; with near misses
# collecting links on design, crypto, productivity, AI art news, startup funding, 量化 trading,
# image compression and fruit-tree pruning. Chinese, English and mixed; written blind by one
# writer. Measured untouched with the stop's start (whole round 45/48 on-topic, 27/28 off-topic,
# 3/4 small talk). Split by the same rule.
""",
    168: """#
# ROUND 168: on-call engineers whose model service or training job misbehaves — latency spikes,
# out-of-memory, NCCL hangs, pipeline bubbles, NaN losses and slow links, told by symptoms and
# what was tried; with near misses about database deadlocks, ingress 502s, DNS, full disks,
# payment webhooks, JVM leaks, Kafka lag and postmortems. Chinese, English and mixed; written
# blind by one writer. Measured untouched with the stop's start (whole round 47/48 on-topic, 28/28
# off-topic, 2/4 small talk). Split by the same rule.
""",
    169: """#
# ROUND 169: people from vision, speech, recommendation and multimodal work who now need the LLM
# side, telling their background first; with near misses that stay in their own field: YOLO heads,
# mAP, Whisper, CTC against RNN-T, VITS, ControlNet, two-tower recall, OCR, SAM and ONNX export.
# Chinese, English and mixed; written blind by one writer. Measured untouched with the stop's
# start (whole round 46/49 on-topic, 25/27 off-topic, 4/4 small talk). Split by the same rule.
""",
    170: """#
# ROUND 170: engineers relating the field to what they know — database, compiler, network,
# operating-system, game-engine and backend people asking whether PagedAttention is virtual memory
# or ZeRO is sharding, and for the LLM side; with near misses about query planners, TCP congestion
# control, garbage collectors, shaders, ORMs and DPDK. Chinese, English and mixed; written blind
# by one writer. Measured untouched with the stop's start (whole round 41/48 on-topic, 26/28
# off-topic, 4/4 small talk). Split by the same rule.
""",
    171: """#
# ROUND 171: literary, classical-flavoured and flowery writing — Chinese with 四字成语, 文言 particles
# and couplet-like openings, and ornate old-fashioned English ("pray tell", "I humbly seek"),
# describing techniques without naming them; with near misses in the same voice about poetry,
# calligraphy, the classics, tea, Tang history, pruning tea bushes, baijiu and alpaca wool.
# Chinese, English and mixed; written blind by one writer. Measured untouched with the stop's
# start (whole round 27/48 on-topic, 26/28 off-topic, 0/4 small talk). Split by the same rule.
""",
    172: """#
# ROUND 172: reviewing a colleague's design doc, pull request or plan — a reviewer who wants
# material to back a comment on tensor parallelism over ethernet, int4 or KV-cache quantization,
# ZeRO-3 on small cards, vLLM against TGI or LoRA settings; with near misses about reviewing SQL,
# mockups, API naming, code style, security audits, contracts and budgets. Chinese, English and
# mixed; written blind by one writer. Measured untouched with the stop's start (whole round 46/48
# on-topic, 27/28 off-topic, 4/4 small talk). Split by the same rule.
""",
    173: """#
# ROUND 173: people on hardware other than NVIDIA — AMD and ROCm, Huawei Ascend, Apple Silicon,
# Intel, TPUs, Sophgo and Rockchip boards and phone NPUs — asking what of the field applies to
# them; with near misses about gaming frame rates, mining cards, phone cameras, overclocking, game
# drivers, laptops and TPU filament. Chinese, English and mixed; written blind by one writer.
# Measured untouched with the stop's start (whole round 46/48 on-topic, 26/28 off-topic, 4/4 small
# talk). Split by the same rule.
""",
    174: """#
# ROUND 174: number formats and precision — fp16 losses going NaN, loss scaling, bf16 against
# fp16, fp8, int8, int4, NF4, GPTQ against AWQ, SmoothQuant and llama.cpp's quant types; with near
# misses about floats in money code, IEEE 754 in JavaScript, audio bit depth, HDR, decimal
# columns, Kahan summation, JPEG quantization and quant trading. Chinese, English and mixed;
# written blind by one writer. Measured untouched with the stop's start (whole round 44/48
# on-topic, 28/28 off-topic, 3/4 small talk). Split by the same rule.
""",
    175: """#
# ROUND 175: metaphors and analogies from everyday life — a kitchen slotting in new tickets,
# friends splitting a book to copy, a relay race, roommates sharing cookware, a waiter's notepad,
# a vacuum-sealed suitcase; with near misses about the everyday thing itself: restaurant queues,
# traffic lights, warehouse robots, baton drills, packing, conducting, library fines and bonsai.
# Chinese, English and mixed; written blind by one writer. Measured untouched with the stop's
# start (whole round 43/49 on-topic, 26/27 off-topic, 4/4 small talk). Split by the same rule.
""",
    176: """#
# ROUND 176: onboarding a new teammate — a lead or mentor assembling first-week reading for a new
# hire or intern joining a training, inference, compiler, quantization, cluster or application
# team, saying who the person is; with near misses about HR paperwork, laptops and VPN, expenses,
# badges, team dinners and repository permissions. Chinese, English and mixed; written blind by
# one writer. Measured untouched with the stop's start (whole round 46/48 on-topic, 26/28
# off-topic, 4/4 small talk). Split by the same rule.
""",
    177: """#
# ROUND 177: heavy typos inside whole sentences — dyslexic and autocorrect spellings in English
# ("distrubuted trianing", "qunatisation") and wrong homophones from Chinese input methods (危调,
# 现存, 分不是, 推力, 量话), several per message; with near misses as badly typed about thrust bearings,
# quant trading, power transformers, whisky, apple trees and gaming cards. Chinese, English and
# mixed; written blind by one writer. Measured untouched with the stop's start (whole round 48/48
# on-topic, 28/28 off-topic, 4/4 small talk). Split by the same rule.
""",
    178: """#
# ROUND 178: journalists, analysts and investors doing homework on AI infrastructure — what
# inference costs, what vLLM, Megatron or ZeRO do and what a cluster's network is for, in plain
# words before a story or a note; with near misses about market share, earnings, valuations,
# funding, export rules, stock tips and interview scheduling. Chinese, English and mixed; written
# blind by one writer. Measured untouched with the stop's start (whole round 45/48 on-topic, 23/28
# off-topic, 4/4 small talk). Split by the same rule.
""",
    179: """#
# ROUND 179: messages typed the way people type into a search engine — keyword strings with site:,
# quoted phrases, OR, minus-exclusions, vs, pdf, github, 2024, reddit, 知乎, csdn and 教程 推荐 最新; with
# near misses in the same style about tornadoes, Transformers toys, alpacas, quant trading,
# distilled water, fruit-tree pruning, consumer GPUs, ChatGPT subscriptions and a Kubernetes
# ingress error. Chinese, English and mixed; written blind by one writer. Measured untouched with
# the stop's start (whole round 46/48 on-topic, 27/28 off-topic, 4/4 small talk). Split by the
# same rule.
""",
    180: """#
# ROUND 180: browsing the catalogue rather than asking one question — everything under a part of
# the map (the inference section, 编译相关的都列下, 还有别的讲量化的吗) or across it by kind of resource; with near
# misses browsing for sections it lacks: game AI, robotics, image, video and music generation,
# labelling tools, speech, recommenders, quantum computing and certification study. Chinese,
# English and mixed; written blind by one writer. Measured untouched with the stop's start (whole
# round 46/48 on-topic, 25/28 off-topic, 3/4 small talk). Split by the same rule.
""",
    181: """#
# ROUND 181: developers from other programming-language ecosystems — Java and Spring, Go, Rust,
# TypeScript, C#, PHP, Kotlin and Swift — asking through their stack's analogies (LoRA as a
# plug-in jar, KV cache as memoization, tensor parallelism as sharding); with near misses about
# JVM memory, Go channels, caching, autoscaling, GraalVM, gRPC, tree shaking and interview lists.
# Chinese, English and mixed; written blind by one writer. Measured untouched with the stop's
# start (whole round 46/49 on-topic, 23/27 off-topic, 4/4 small talk). Split by the same rule.
""",
    182: """#
# ROUND 182: owners and managers of small businesses — a shop, a dental clinic, a law firm, an
# agency — trying to understand their engineers' proposals and quotes: fine-tuning against full
# training, memory for 7B or 70B, quantization, serving tools, Ascend, private deployment; with
# near misses about subscriptions and API prices, GPU rental, marketing copy, AI customer service,
# regulation, tax and hiring. Chinese, English and mixed; written blind by one writer. Measured
# untouched with the stop's start (whole round 41/48 on-topic, 24/28 off-topic, 3/4 small talk).
# Split by the same rule.
""",
    183: """#
# ROUND 183: learners of Chinese as a foreign language writing in Chinese with learners' mistakes
# — input-method slips (及其学习, 县存, 两化, 简直 for 剪枝), wrong measure words, English word order and
# pinyin for unknown words; with near misses about Chinese grammar, HSK, visas, language apps,
# translation certificates and what 干货 means. Chinese, English and mixed; written blind by one
# writer. Measured untouched with the stop's start (whole round 43/48 on-topic, 27/28 off-topic,
# 3/4 small talk). Split by the same rule.
""",
    184: """#
# ROUND 184: data-centre facility people — power, cooling, cabling, procurement and operations
# staff of a GPU hall — asking about clusters, interconnects, collective communication,
# monitoring, memory sizing and serving in the building's vocabulary; with near misses about UPS
# and generators, PUE, cold plates, containment, fire suppression, fibre polarity, standards,
# floor loading and electricity contracts. Chinese, English and mixed; written blind by one
# writer. Measured untouched with the stop's start (whole round 45/48 on-topic, 25/28 off-topic,
# 3/4 small talk). Split by the same rule.
""",
    185: """#
# ROUND 185: messages that quote something and ask about it — a teammate's line, a forwarded
# notice, a reply to an earlier answer, a line from a talk or a book, marked with > , 「」, 转发: or
# quoting @someone; with near misses quoting meeting notes, HR notices, news, jokes, ingress
# errors, Milvus, Slurm, LaTeX and image samplers. Chinese, English and mixed; written blind by
# one writer. Measured untouched with the stop's start (whole round 46/48 on-topic, 27/28
# off-topic, 3/4 small talk). Split by the same rule.
""",
    186: """#
# ROUND 186: questions that name versions, releases and years — PyTorch 2.x's FSDP2, CUDA 12.4,
# vLLM 0.6, DeepSpeed 0.14, Megatron-Core, the latest TensorRT-LLM, 2023年的那篇, still valid after
# Llama 3; with near misses about versions and upgrades of Python packaging, operating systems,
# phones, browsers, game patches and drivers. Chinese, English and mixed; written blind by one
# writer. Measured untouched with the stop's start (whole round 48/48 on-topic, 27/28 off-topic,
# 4/4 small talk). Split by the same rule.
""",
    187: """#
# ROUND 187: the same technical term spelled many ways — all-reduce, allreduce, all_reduce, fine-tune, finetune,
# pre-train, KV-cache, Flash-Attention, Mixture-of-Experts, 张量并行 / TP, low-rank adaptation; with
# near misses spelling other fields' compounds the same ways (map-reduce, e-commerce, real-time OS,
# follow-up emails, cross-validation homework, check-in apps). Chinese, English and mixed; written blind by one writer. Measured untouched
# with the stop's start (whole round 48/50 on-topic, 24/29 off-topic, 1/4 small talk). Split by the
# same rule.
""",
    188: """#
# ROUND 188: teams migrating from one tool, framework or piece of hardware to another — DeepSpeed to
# FSDP, TGI to vLLM, NVIDIA to Ascend, one GPU to many nodes, HF Trainer to Megatron, fp16 to bf16 or
# fp8, a cloud API to self-hosting; with near misses migrating databases, clouds, CI, front ends,
# phones, email and office software. Chinese, English and mixed; written blind by one writer. Measured untouched
# with the stop's start (whole round 47/52 on-topic, 24/28 off-topic, 2/4 small talk). Split by the
# same rule.
""",
    189: """#
# ROUND 189: asking whether any material covers one particular sub-point (有没有讲 NCCL ring 和 tree 区别的文章,
# why LoRA's B starts at zero, PagedAttention's block table); with near misses asking for write-ups on
# points of other fields (MVCC, a tax rule, a recipe's step, a game mechanic, Kubernetes scheduling). Chinese, English and mixed; written blind by one writer. Measured untouched
# with the stop's start (whole round 54/56 on-topic, 28/29 off-topic, 4/4 small talk). Split by the
# same rule.
""",
    190: """#
# ROUND 190: forum-style posts pasted with a title line and a body of several lines (Discord help forum,
# GitHub Discussions, V2EX, 知乎 with 问题描述, Stack Overflow with "What I tried"); with near misses in
# the same format about web servers, phones, homework, travel, databases and hiring. Chinese, English and mixed; written blind by one writer. Measured untouched
# with the stop's start (whole round 50/51 on-topic, 28/28 off-topic, 4/5 small talk). Split by the
# same rule.
""",
    191: """#
# ROUND 191: HPC and supercomputing people (MPI, Slurm, OpenMP, Fortran, InfiniBand, 超算中心) coming to
# LLM training and serving in their own vocabulary; with near misses about classic HPC work (CFD
# meshing, Fortran compilers, Lustre tuning, LINPACK, Slurm accounting, molecular dynamics, weather). Chinese, English and mixed; written blind by one writer. Measured untouched
# with the stop's start (whole round 50/55 on-topic, 27/28 off-topic, 3/4 small talk). Split by the
# same rule.
""",
    192: """#
# ROUND 192: a project at a concrete stage asking what to read next — a demo, a pilot, going to
# production, scaling up, cutting costs, a post-mortem (做 demo 阶段, 试点, 上线前, 扩容, 降本); with near
# misses from the same stages (load balancers, app-store review, pricing pages, SOC 2, hiring, launches). Chinese, English and mixed; written blind by one writer. Measured untouched
# with the stop's start (whole round 50/55 on-topic, 28/29 off-topic, 3/4 small talk). Split by the
# same rule.
""",
    193: """#
# ROUND 193: the topic named through a formula, a code identifier or an API (softmax(QK^T/√d)V,
# torch.distributed.all_reduce, W = W0 + BA, torch.compile, ncclAllReduce, peft.LoraConfig, 2*N*D
# FLOPs); with near misses full of other fields' formulas and identifiers (pandas groupby, SQL window
# functions, React useEffect, numpy homework, physics equations, VLOOKUP, regex). Chinese, English and mixed; written blind by one writer. Measured untouched
# with the stop's start (whole round 51/55 on-topic, 27/28 off-topic, 3/4 small talk). Split by the
# same rule.
""",
    194: """#
# ROUND 194: students of bootcamps, training classes and online courses (培训班, 训练营, 网课, 就业班,
# Coursera) asking about homework, the teacher's slides, what the course skipped and what comes next;
# with near misses about other course subjects (Java backend 培训, UI design, Excel, 考研, certificates,
# refunds and job guarantees). Chinese, English and mixed; written blind by one writer. Measured untouched
# with the stop's start (whole round 53/56 on-topic, 26/28 off-topic, 3/4 small talk). Split by the
# same rule.
""",
    195: """#
# ROUND 195: product managers and project managers on LLM teams who need enough of a technical topic to
# plan, estimate, write a roadmap or talk to their engineers; with near misses that are PM chores the
# catalogue does not cover (OKRs, Jira, pricing pages, user interviews, PRD templates). Chinese, English and mixed; written blind by one writer. Measured untouched
# with the stop's start (whole round 49/51 on-topic, 26/28 off-topic, 3/4 small talk). Split by the
# same rule.
""",
    196: """#
# ROUND 196: existence questions: whether something exists rather than a request for it (有没有讲 X 的, is
# there anything on X?, do you happen to have, 你们这收录了 X 吗); with near misses asked the same way
# about what the catalogue lacks (量化交易, LoRaWAN, TVM as time value of money, Redis LRU). Chinese, English and mixed; written blind by one writer. Measured untouched
# with the stop's start (whole round 49/49 on-topic, 25/28 off-topic, 4/4 small talk). Split by the
# same rule.
""",
    197: """#
# ROUND 197: two related concepts or names mixed up (QLoRA as the GPTQ LoRA thing, ZeRO and zero-shot,
# tensor and pipeline parallelism, TensorRT and Triton, 蒸馏 and 剪枝), asking for reading that sorts them
# out; with near misses confusing things outside the catalogue (LoRa radio, alpha-beta pruning, DeepSeek
# and DeepSpeed). Chinese, English and mixed; written blind by one writer. Measured untouched
# with the stop's start (whole round 52/54 on-topic, 24/28 off-topic, 5/5 small talk). Split by the
# same rule.
""",
    198: """#
# ROUND 198: Chinese corporate jargon (互联网黑话: 抓手, 赋能, 闭环, 对齐, 颗粒度, 落地, 沉淀, 底层逻辑) and its
# English equivalents (leverage, synergy, circle back, north star) around a real request; with near
# misses that are jargon-heavy requests the catalogue does not cover (对齐 as a meeting). Chinese, English and mixed; written blind by one writer. Measured untouched
# with the stop's start (whole round 54/56 on-topic, 28/28 off-topic, 2/4 small talk). Split by the
# same rule.
""",
    199: """#
# ROUND 199: a measured number and a target (MFU 32%, 18 tokens/s, p99 2.4 s, 79 of 80 GB, loss stuck at
# 2.1, compile time 12 min) asking what to read to get there; with near misses carrying other domains'
# numbers (page load time, SQL query time, FPS in games, marathon pace, battery life). Chinese, English and mixed; written blind by one writer. Measured untouched
# with the stop's start (whole round 51/54 on-topic, 28/28 off-topic, 2/4 small talk). Split by the
# same rule.
""",
    200: """#
# ROUND 200: files and formats on disk (checkpoints, sharded weights, safetensors, GGUF, ONNX, engine and
# tokenizer files; converting, loading, what is inside) leading to a catalogue topic; with near misses
# about other files and formats (PDF, Parquet for BI, video codecs, zip, Excel, Docker image layers). Chinese, English and mixed; written blind by one writer. Measured untouched
# with the stop's start (whole round 43/50 on-topic, 28/29 off-topic, 4/4 small talk). Split by the
# same rule.
""",
    201: """#
# ROUND 201: European and Latin American engineers writing English that carries their own language's
# words, grammar and false friends (actually as currently, I have a doubt, formation, eventually as
# possibly; Spanish, Portuguese, German, French, Italian, Polish); near misses in the same voice. Chinese, English and mixed; written blind by one writer. Measured untouched
# with the stop's start (whole round 44/54 on-topic, 27/28 off-topic, 2/4 small talk). Split by the
# same rule.
""",
    202: """#
# ROUND 202: having finished one thing, asking what comes next in the learning path (看完了 LoRA 下一步学什么,
# I just finished the transformer paper, what's after that?, done with the math part, now what); with near
# misses about other learning paths (after Leetcode, a web framework, IELTS, a cooking course). Chinese, English and mixed; written blind by one writer. Measured untouched
# with the stop's start (whole round 53/56 on-topic, 27/28 off-topic, 3/4 small talk). Split by the
# same rule.
""",
    203: """#
# ROUND 203: Taiwanese Mandarin vocabulary and usage: engineers and students in Taiwan writing traditional characters with
# Taiwan's own terms (演算法, 記憶體, 資料集, 伺服器, 顯示卡, 平行運算, 推論) and English code-switching; with near misses
# from Taiwan's daily tech life (fabs, 台積電 stock, 健保, 捷運). Chinese, English and mixed; written blind by one writer. Measured untouched
# with the stop's start (whole round 53/53 on-topic, 28/28 off-topic, 4/4 small talk). Split by the
# same rule.
""",
    204: """#
# ROUND 204: pasted configuration and command lines: a DeepSpeed JSON config, vLLM serve flags, a torchrun or Megatron
# launch, NCCL environment variables, a LoraConfig, a quantization config, a Slurm script, asking what a setting
# means or what to read; with near misses pasting configs of other things (nginx, Kafka, Kubernetes YAML, webpack). Chinese, English and mixed; written blind by one writer. Measured untouched
# with the stop's start (whole round 49/53 on-topic, 25/28 off-topic, 3/4 small talk). Split by the
# same rule.
""",
    205: """#
# ROUND 205: limitations, downsides and criticism: when not to use a technique, what it is bad at, its costs and
# failure modes (LoRA 的缺点, where pipeline parallelism hurts, is vLLM overkill for one user); with near misses
# criticising other things (crypto, microservices, remote work, electric cars, a phone). Chinese, English and mixed; written blind by one writer. Measured untouched
# with the stop's start (whole round 48/53 on-topic, 28/28 off-topic, 3/4 small talk). Split by the
# same rule.
""",
    206: """#
# ROUND 206: interviewers and hiring managers: team leads preparing interview questions, take-home tasks and rubrics
# for LLM infra, training and inference roles, brushing up before they interview; with near misses about HR
# chores (salary bands, background checks, offer letters, labour law, LeetCode platforms). Chinese, English and mixed; written blind by one writer. Measured untouched
# with the stop's start (whole round 51/52 on-topic, 28/29 off-topic, 4/4 small talk). Split by the
# same rule.
""",
    207: """#
# ROUND 207: "why" questions: why something exists or is done this way (为什么要有 KV cache, why tensor parallelism at
# all, why is FlashAttention faster, why quantize), motivation rather than how-to; with near misses asking why
# about other things (the sky, a cat, Rust's borrow checker, the stock market). Chinese, English and mixed; written blind by one writer. Measured untouched
# with the stop's start (whole round 54/54 on-topic, 27/28 off-topic, 1/4 small talk). Split by the
# same rule.
""",
    208: """#
# ROUND 208: certification exams and internal assessments: 华为 HCIA/HCIP-AI, NVIDIA DLI or NCA-GENL, 阿里云 ACA/ACP,
# 软考, AWS ML Specialty, a company's 大模型 考核 or 晋升答辩, wanting study material for the LLM parts; with near
# misses about exam chores and other certificates (报名费, 考场, PMP, CPA, 驾照, IELTS, CKA). Chinese, English and mixed; written blind by one writer. Measured untouched
# with the stop's start (whole round 47/53 on-topic, 27/28 off-topic, 3/4 small talk). Split by the
# same rule.
""",
    209: """#
# ROUND 209: watching a video, talk or livestream: a conference talk (GTC, 智源大会), a B站 video, a YouTube lecture or a
# podcast, often with a timestamp (在 23:10 他说的 paged attention), asking for reading that explains it; with near
# misses about video itself (encoding, OBS, subtitles, merch, a game stream). Chinese, English and mixed; written blind by one writer. Measured untouched
# with the stop's start (whole round 53/54 on-topic, 28/28 off-topic, 3/4 small talk). Split by the
# same rule.
""",
    210: """#
# ROUND 210: hypotheticals and thought experiments: if I wanted to train a GPT-3 myself, 假如给我 1000 张卡, suppose I
# must serve a 70B model tomorrow, 要是只能学一样, imagine only a laptop; with near misses imagining other things
# (winning the lottery, 穿越回古代, the internet going down, moving to Canada). Chinese, English and mixed; written blind by one writer. Measured untouched
# with the stop's start (whole round 51/53 on-topic, 28/28 off-topic, 2/4 small talk). Split by the
# same rule.
""",
    211: """#
# ROUND 211: pasted error messages, stack traces and log lines (CUDA out of memory, NCCL timeouts, shape mismatches, NaN loss, the OOM
# killer, serving logs) with a question asking what to read; near misses paste errors from web servers, databases,
# JavaScript, games and phones. Chinese, English and mixed; written blind by one writer. Measured untouched
# with the stop's start (whole round 48/52 on-topic, 27/28 off-topic, 3/4 small talk). Split by the
# same rule.
""",
    212: """#
# ROUND 212: corrections and refinements of what the bot answered before ("not that one, I meant the Megatron paper",
# 太深了换入门的, 换个中文的), each naming what is now wanted; near misses correct towards things the catalogue lacks. Chinese, English and mixed; written blind by one writer. Measured untouched
# with the stop's start (whole round 49/51 on-topic, 23/29 off-topic, 3/4 small talk). Split by the
# same rule.
""",
    213: """#
# ROUND 213: festive, seasonal and occasion messages (新年, 春节, 中秋, 国庆, Christmas, Thanksgiving, Diwali, the end of the year,
# birthdays, a new job) wrapped around real study questions, season's greetings and thanks, and festive near misses. Chinese, English and mixed; written blind by one writer. Measured untouched
# with the stop's start (whole round 45/51 on-topic, 29/30 off-topic, 4/5 small talk). Split by the
# same rule.
""",
    214: """#
# ROUND 214: money, cost and energy: cloud bills, GPU-hour prices, electricity and cooling, token prices, cutting serving and
# training costs; near misses on tariffs, crypto mining, stocks, solar panels and budgets. Chinese, English and mixed; written blind by one writer. Measured untouched
# with the stop's start (whole round 50/52 on-topic, 26/28 off-topic, 4/5 small talk). Split by the
# same rule.
""",
    215: """#
# ROUND 215: materials the asker already has (a book bought, a course finished, a paper printed, a repo cloned, lecture notes)
# and what complements, explains or replaces them; near misses ask the same about books and courses elsewhere. Chinese, English and mixed; written blind by one writer. Measured untouched
# with the stop's start (whole round 49/51 on-topic, 26/28 off-topic, 2/4 small talk). Split by the
# same rule.
""",
    216: """#
# ROUND 216: phone autocorrect and input-method mangling of technical names inside sentences (Laura, deep speed, mega tron,
# V LLM; 亮化 for 量化, 微条 for 微调, 蒸流 for 蒸馏); near misses are mangled messages meaning something else. Chinese, English and mixed; written blind by one writer. Measured untouched
# with the stop's start (whole round 51/52 on-topic, 28/28 off-topic, 4/4 small talk). Split by the
# same rule.
""",
    217: """#
# ROUND 217: loud, stretched and excited typing (ALL CAPS, pleaaase, 求求了～～～, vllm???!!!, emoji and kaomoji runs) around real
# questions, and loud near misses about what the catalogue lacks. Chinese, English and mixed; written blind by one writer. Measured untouched
# with the stop's start (whole round 44/48 on-topic, 28/28 off-topic, 4/4 small talk). Split by the
# same rule.
""",
    218: """#
# ROUND 218: weekend side projects built end to end (a chatbot over one's notes, a Discord bot, a local translator, a small
# fine-tuned assistant, a home inference box), asking about the piece they are at now; near misses are side projects
# outside the catalogue (websites, games, smart-home scripts, mobile apps). Chinese, English and mixed; written blind by one writer. Measured untouched
# with the stop's start (whole round 50/52 on-topic, 27/28 off-topic, 3/4 small talk). Split by the
# same rule.
""",
    219: """#
# ROUND 219: run-on messages typed in one breath with no punctuation (or only commas), the question buried in the stream;
# near misses and small talk in the same style. Chinese, English and mixed; written blind by one writer. Measured untouched
# with the stop's start (whole round 51/54 on-topic, 28/28 off-topic, 2/4 small talk). Split by the
# same rule.
""",
    220: """#
# ROUND 220: social-media style: hashtags, @mentions, thread numbering (1/3), 小红书/微博/X voice, reposted lines,
# emoji used as words; near misses and small talk in the same style. Chinese, English and mixed; written blind by one writer. Measured untouched
# with the stop's start (whole round 54/54 on-topic, 28/28 off-topic, 2/4 small talk). Split by the
# same rule.
""",
    221: """#
# ROUND 221: sarcasm, irony and tongue-in-cheek complaints (阴阳怪气, "sure, I'll just buy 8 H100s") around real requests
# for material; near misses and small talk in the same mood. Chinese, English and mixed; written blind by one writer. Measured untouched
# with the stop's start (whole round 46/50 on-topic, 21/28 off-topic, 3/4 small talk). Split by the
# same rule.
""",
    222: """#
# ROUND 222: investors, analysts and consultants doing due diligence on LLM infrastructure companies or writing
# market reports; near misses are market data and words in other senses (量化交易, 蒸馏水). Chinese, English and mixed; written blind by one writer. Measured untouched
# with the stop's start (whole round 50/52 on-topic, 28/29 off-topic, 3/4 small talk). Split by the
# same rule.
""",
    223: """#
# ROUND 223: retirees and older learners coming to the field late in life (退休老工程师, 老年大学), polite and
# old-fashioned, unsure of the new words; near misses and small talk from the same people. Chinese, English and mixed; written blind by one writer. Measured untouched
# with the stop's start (whole round 46/52 on-topic, 30/30 off-topic, 3/4 small talk). Split by the
# same rule.
""",
    224: """#
# ROUND 224: messages written wholly or partly in a third language (Japanese, Korean, Spanish, French, German,
# Russian, Vietnamese, Portuguese, Italian, Turkish, Indonesian) around the catalogue's names; near misses and
# small talk in those languages. Mostly in those languages, with Chinese or English words mixed in; written blind by one writer. Measured untouched
# with the stop's start (whole round 12/52 on-topic, 28/28 off-topic, 1/5 small talk). Split by the
# same rule.
""",
    225: """#
# ROUND 225: pasted code snippets (Python, PyTorch, shell, CUDA, a LoraConfig(...) or init_process_group(...) call)
# with a question about what explains them; near misses are web, SQL and frontend code. Chinese, English and mixed; written blind by one writer. Measured untouched
# with the stop's start (whole round 53/57 on-topic, 26/28 off-topic, 4/4 small talk). Split by the
# same rule.
""",
    226: """#
# ROUND 226: pre-sales and solution engineers preparing for customer meetings, POCs and RFPs (私有化部署, 国产卡,
# vLLM, RAG); near misses are pricing, contracts and CRM. Chinese, English and mixed; written blind by one writer. Measured untouched
# with the stop's start (whole round 45/51 on-topic, 25/28 off-topic, 5/5 small talk). Split by the
# same rule.
""",
    227: """#
# ROUND 227: bot-command habits in chat apps: slash commands (/search, /ask@ganhuo_bot), @mentions, prefixes, flags
# (--lang en, -n 3) and search operators (AND, OR, minus, quotes, site:) around a real question; near misses are commands
# for other bots (music, weather, moderation, reminders). Chinese, English and mixed; written blind by one writer. Measured untouched
# with the stop's start (whole round 57/57 on-topic, 26/29 off-topic, 3/4 small talk). Split by the
# same rule.
""",
    228: """#
# ROUND 228: instructions about the form of the answer (只要一个链接, 按难度排序, reply in English, top 5 only, no videos)
# and attempts to steer the bot like a general assistant or prompt injection ("ignore previous instructions", 你现在是
# 一个资深架构师); near misses are the same instructions around requests the catalogue does not cover. Chinese, English and mixed; written blind by one writer. Measured untouched
# with the stop's start (whole round 47/51 on-topic, 26/29 off-topic, 4/4 small talk). Split by the
# same rule.
""",
    229: """#
# ROUND 229: references to other assistants and search engines (ChatGPT, Claude, Kimi, 豆包, 文心一言, Perplexity, 百度,
# Google) asked first, with the asker now wanting something better or checked; near misses are questions about those
# products themselves (pricing, accounts, features, outages). Chinese, English and mixed; written blind by one writer. Measured untouched
# with the stop's start (whole round 48/52 on-topic, 26/29 off-topic, 3/5 small talk). Split by the
# same rule.
""",
    230: """#
# ROUND 230: pasted quiz, homework and exam questions (multiple choice A/B/C/D, 填空, 判断题, 简答题) with the student
# asking for material that would help answer them; near misses are quiz questions from other subjects (databases,
# operating systems, calculus, history, driving tests). Chinese, English and mixed; written blind by one writer. Measured untouched
# with the stop's start (whole round 51/52 on-topic, 27/28 off-topic, 4/4 small talk). Split by the
# same rule.
""",
    231: """#
# ROUND 231: a figure, diagram, slide, chart or animation remembered instead of the topic (the pipeline with bubbles
# between stages, 显存拆成参数、梯度、优化器状态的图, the roofline plot); near misses are figures from other fields (UML,
# microservice diagrams, weather maps, stock charts, memes). Chinese, English and mixed; written blind by one writer. Measured untouched
# with the stop's start (whole round 49/54 on-topic, 27/28 off-topic, 2/4 small talk). Split by the
# same rule.
""",
    232: """#
# ROUND 232: restricted networks and offline work (内网, 涉密, 离线环境, no GitHub or Hugging Face, 镜像站, reading on a
# train without signal) around a question on a topic; near misses are VPNs, proxies, firewalls, apt/pip mirrors and
# network administration itself. Chinese, English and mixed; written blind by one writer. Measured untouched
# with the stop's start (whole round 48/52 on-topic, 27/28 off-topic, 4/4 small talk). Split by the
# same rule.
""",
    233: """#
# ROUND 233: competitive programmers and algorithm-contest people (OI, ACM-ICPC, Codeforces, LeetCode) describing
# LLM systems in their own vocabulary (复杂度, 卡常, 前缀和, 分治, amortized, O(n^2), "a ring of size k"); near misses are
# contest problems, algorithm textbooks and interview coding questions. Chinese, English and mixed; written blind by one writer. Measured untouched
# with the stop's start (whole round 49/50 on-topic, 24/28 off-topic, 3/4 small talk). Split by the
# same rule.
""",
    234: """#
# ROUND 234: superlatives and canonical picks (最经典的, 必读, 封神之作, 天花板, 最权威, "the bible of", "if I read only
# one"); near misses are superlative questions about other things (best laptop, best novel, best restaurant, the
# greatest footballer). Chinese, English and mixed; written blind by one writer. Measured untouched
# with the stop's start (whole round 55/55 on-topic, 28/28 off-topic, 4/4 small talk). Split by the
# same rule.
""",
}


def round_paths(n):
    """The (tune, holdout) files of round n."""
    if n == 1:
        return TUNE, HOLDOUT
    return HERE / f"round{n}-tune.toml", HERE / f"round{n}-holdout.toml"


class Invalid(Exception):
    """A problem in a case file; the message names the case."""


def load_cases(path):
    with open(path, "rb") as f:
        data = tomllib.load(f)
    extra = set(data) - {"case"}
    if extra:
        raise Invalid(f"{path}: unexpected top-level keys {sorted(extra)}")
    return data.get("case", [])


def catalogue_ids():
    with open(CATALOGUE, "rb") as f:
        return {r["id"] for r in tomllib.load(f)["resource"]}


def script_of(query):
    """Which scripts a message uses: (has Han characters, has Latin letters incl. full-width)."""
    han = latin = False
    for ch in query:
        if "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf":
            han = True
        elif ("a" <= ch.lower() <= "z") or ("\uff21" <= ch <= "\uff3a") or ("\uff41" <= ch <= "\uff5a"):
            latin = True
    return han, latin


def normalised(query):
    return " ".join(unicodedata.normalize("NFKC", query).casefold().split())


def kind_of(case):
    return case["tag"].split("-", 1)[1]


def validate(cases, ids, where):
    problems = []
    seen = {}
    for n, case in enumerate(cases, 1):
        label = f"{where} case {n} ({case.get('query', '?')!r})"

        def bad(msg):
            problems.append(f"{label}: {msg}")

        unknown = set(case) - {"query", "tag", "any3", "covers", "none", "small_talk"}
        if unknown:
            bad(f"unknown keys {sorted(unknown)}")
        query, tag = case.get("query"), case.get("tag")
        if not isinstance(query, str) or not query.strip():
            bad("query must be a non-empty string")
            continue
        if not isinstance(tag, str) or not TAG_RE.match(tag):
            bad(f"bad tag {tag!r}")
            continue
        key = normalised(query)
        if key in seen:
            bad(f"duplicate of case {seen[key]}")
        seen[key] = n

        lang, kind = tag.split("-", 1)
        han, latin = script_of(query)
        if kind != "smalltalk" or han or latin:
            want = "mixed" if han and latin else "zh" if han else "en"
            if lang != want:
                bad(f"tag says {lang} but the text is {want}")

        if kind == "offtopic":
            if case.get("none") is not True:
                bad("off-topic case needs none = true")
            if {"any3", "covers", "small_talk"} & set(case):
                bad("off-topic case must not have any3, covers or small_talk")
        elif kind == "smalltalk":
            if case.get("small_talk") not in SMALL_TALK:
                bad(f"small_talk must be one of {SMALL_TALK}")
            if {"any3", "covers", "none"} & set(case):
                bad("small-talk case must not have any3, covers or none")
        else:
            if {"none", "small_talk"} & set(case):
                bad("on-topic case must not have none or small_talk")
            any3 = case.get("any3")
            if not isinstance(any3, list) or not any3:
                bad("on-topic case needs a non-empty any3")
                continue
            if len(set(any3)) != len(any3):
                bad("any3 repeats an id")
            for i in any3:
                if i not in ids:
                    bad(f"unknown resource id {i!r} in any3")
            covers = case.get("covers")
            if kind == "comparison" and (not isinstance(covers, list) or len(covers) < 2):
                bad("comparison case needs covers with at least two groups")
            if covers is not None:
                if not isinstance(covers, list) or not covers:
                    bad("covers must be a non-empty list of groups")
                    continue
                for g in covers:
                    if not isinstance(g, list) or not g:
                        bad("each covers group must be a non-empty list")
                        continue
                    for i in g:
                        if i not in ids:
                            bad(f"unknown resource id {i!r} in covers")
                        elif i not in any3:
                            bad(f"covers id {i!r} is missing from any3")
    return problems


def check_minimums(cases, minimums=MINIMUMS):
    kinds = Counter(kind_of(c) for c in cases)
    got = {
        "on-topic": sum(kinds[k] for k in ON_TOPIC_KINDS),
        "offtopic": kinds["offtopic"],
        "smalltalk": kinds["smalltalk"],
    }
    return [f"only {got[k]} {k} cases, need {m}" for k, m in minimums.items() if got[k] < m]


def split(cases):
    by_tag = {}
    for case in cases:
        by_tag.setdefault(case["tag"], []).append(case)
    rng = random.Random(SEED)
    tune, holdout = [], []
    for tag in sorted(by_tag):
        group = sorted(by_tag[tag], key=lambda c: c["query"])
        rng.shuffle(group)
        half = len(group) // 2
        if len(group) % 2 and len(tune) <= len(holdout):
            half += 1
        tune.extend(group[:half])
        holdout.extend(group[half:])
    return tune, holdout


def toml_str(s):
    # JSON string escapes are valid TOML basic-string escapes.
    return json.dumps(s, ensure_ascii=False)


def dump(cases, half, round_no=1):
    out = [HEADER.format(half=half, purpose=PURPOSE[half]).rstrip("\n")]
    if round_no > 1:
        out.append(ROUND_NOTES[round_no].rstrip("\n"))
    for case in cases:
        out.append("\n[[case]]")
        out.append(f"query = {toml_str(case['query'])}")
        out.append(f"tag = {toml_str(case['tag'])}")
        if "any3" in case:
            out.append("any3 = [" + ", ".join(toml_str(i) for i in case["any3"]) + "]")
        if "covers" in case:
            groups = ("[" + ", ".join(toml_str(i) for i in g) + "]" for g in case["covers"])
            out.append("covers = [" + ", ".join(groups) + "]")
        if "none" in case:
            out.append("none = true")
        if "small_talk" in case:
            out.append(f"small_talk = {toml_str(case['small_talk'])}")
    return "\n".join(out) + "\n"


def counts_table(tune, holdout):
    t, h = Counter(c["tag"] for c in tune), Counter(c["tag"] for c in holdout)
    lines = ["| tag | tune | holdout | total |", "|---|---:|---:|---:|"]
    for tag in sorted(set(t) | set(h)):
        lines.append(f"| {tag} | {t[tag]} | {h[tag]} | {t[tag] + h[tag]} |")
    lines.append(f"| **all** | {len(tune)} | {len(holdout)} | {len(tune) + len(holdout)} |")
    return "\n".join(lines)


def fail(problems):
    for p in problems:
        print(p, file=sys.stderr)
    sys.exit(1)


def rounds():
    """Every round's (tune, holdout, minimums) that exists on disk, first round first."""
    out = [(load_cases(TUNE), load_cases(HOLDOUT), MINIMUMS)]
    n = 2
    while any(p.exists() for p in round_paths(n)):
        tune, holdout = round_paths(n)
        out.append((load_cases(tune), load_cases(holdout), minimums_of(n)))
        n += 1
    return out


def write_halves(cases, round_no):
    tune_path, holdout_path = round_paths(round_no)
    tune, holdout = split(cases)
    tune_path.write_text(dump(tune, "TUNE", round_no), encoding="utf-8")
    holdout_path.write_text(dump(holdout, "HOLDOUT", round_no), encoding="utf-8")
    if (load_cases(tune_path), load_cases(holdout_path)) != (tune, holdout):
        fail(["the written files do not read back identically"])
    return tune, holdout


def main(argv):
    args = argv[1:]
    ids = catalogue_ids()
    if args[:1] == ["split"] and len(args) >= 2:
        cases = [case for path in args[1:] for case in load_cases(path)]
        problems = validate(cases, ids, "input") + check_minimums(cases)
        if problems:
            fail(problems)
        tune, holdout = write_halves(cases, 1)
    elif args[:1] == ["validate"] and len(args) >= 2:
        cases = [case for path in args[1:] for case in load_cases(path)]
        earlier = [c for t, h, _ in rounds() for c in t + h]
        problems = validate(earlier + cases, ids, "every round+input")
        if problems:
            fail(problems)
        print(f"ok: {len(cases)} new cases valid")
        return
    elif args[:1] == ["split-round"] and len(args) >= 3 and args[1].isdigit():
        round_no = int(args[1])
        known = len(rounds())
        if not 2 <= round_no <= known + 1 or round_no not in ROUND_NOTES:
            fail([f"round {round_no}: a later round is 2..{known + 1} and needs a note in ROUND_NOTES"])
        cases = [case for path in args[2:] for case in load_cases(path)]
        # The round being (re)written is replaced, so only the rounds before it are earlier.
        earlier = [c for t, h, _ in rounds()[: round_no - 1] for c in t + h]
        problems = validate(earlier + cases, ids, "earlier rounds+input")
        problems += check_minimums(cases, minimums_of(round_no))
        if problems:
            fail(problems)
        tune, holdout = write_halves(cases, round_no)
    elif args in ([], ["check"]):
        all_cases = []
        for n, (tune, holdout, minimums) in enumerate(rounds(), 1):
            problems = check_minimums(tune + holdout, minimums)
            if split(tune + holdout) != (tune, holdout):
                problems.append(f"round {n}: the halves are not what the split rule gives; re-run split")
            if problems:
                fail(problems)
            all_cases += tune + holdout
            print(f"round {n}:")
            print(counts_table(tune, holdout))
        # Validating the union also catches a message that sits in two halves or rounds.
        problems = validate(all_cases, ids, "all rounds")
        if problems:
            fail(problems)
        print(f"ok: {len(all_cases)} cases; every id is in data/catalogue.toml")
        return
    else:
        fail(["usage: split.py [check] | split FILE... | validate FILE... | split-round N FILE..."])
    print(counts_table(tune, holdout))
    print(f"ok: {len(tune) + len(holdout)} cases; every id is in data/catalogue.toml")


if __name__ == "__main__":
    main(sys.argv)
