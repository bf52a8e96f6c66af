"""Records NLTK 3.10's Punkt sentences (sent_tokenize, English) of test/filters/nltk-sentence-cases.json:
texts for the char-code reading of Punkt's period context in filters/sentences.ts (each mark followed
by each NON_WORD character, a period after each of them, by every Python whitespace then a word or the end, marks at the end,
words before the mark with and without letters beyond ASCII, closing quotes that move a break), and
seeded random strings over the same pieces. U+001C–U+001F are left out: filters/sentences.ts reads them as
whitespace (Python's str.isspace) where NLTK's Punkt does not split after them, a difference older
than the char-code reading (the regex version gave the same sentences).
Usage: bench/ingest/.venv/bin/python bench/filters/make_nltk_sentence_cases.py > test/filters/nltk-sentence-cases.json
"""

import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(__file__))
import offline_nltk  # noqa: E402

offline_nltk.install()
from nltk.tokenize import sent_tokenize  # noqa: E402

MARKS = [".", "?", "!"]
NON_WORD = list(")\";}]*:@'({[") + ["\u2018", "\u2019", "\u201c", "\u201d", "\u00ab", "\u00bb", "!", "?"]
SPACES = ["\t", "\n", "\u000b", "\u000c", "\r", " ", "\u0085", "\u00a0", "\u1680", "\u2003", "\u2028", "\u202f", "\u3000"]
# Not Python whitespace: a mark before them has no context.
NOT_SPACES = ["\ufeff", "\u200b", "x", "-", ","]

cases = []
for m in MARKS:
    for c in NON_WORD:
        cases.append(f"It ended{m}{c} Then more{m} Again")
        cases.append(f"It ended{m}{c}")
    for s in SPACES:
        cases.append(f"First one{m}{s}Second one{m}{s}{s}Third")
        cases.append(f"At the end{m}{s}")
    for s in NOT_SPACES:
        cases.append(f"No break{m}{s}here{m} Then")
# A period after each NON_WORD character (decided without tokenizing since x23w), after words that
# are abbreviations, initials or numbers, before a lowercase word, another NON_WORD or a newline.
for c in NON_WORD:
    cases.append(f"It ended{c}. then more (e.g{c}. Next) Mr{c}. Smith 1{c}. two A{c}.\nb {c}. c x{c}.{c} y")
cases += [
    "Mr. Smith went. He said no. The U.S. economy grew. Ça va. Über alles. Éric left. ab. Cd.",
    "Straße endet. Wörter hier. Я пришёл. Он ушёл. 𝐀𝐁. Next. 𝐀. Next.",
    "x. Y. 1. Two. e.g. Three. etc. Four... Five.. Six.",
    'He said "Stop." Then left. "Really?" she asked. (Yes.) No.',
    "End.\u201d Next. End.\u2019 Next. End.) Next. End.] Next.",
    "Tab\tbefore. Word\u00a0nbsp. Line\nbreak. Word\u3000ideo. Last",
    "",
    ".",
    "?!",
    "a. b. c.",
    "What?! No!? Yes!!! Maybe??",
]
rnd = random.Random(13)
PIECES = ["a", "B", "Mr", "e.g", "U.S", "etc", "Ä", "𝐀", "No", "Dr", "The", "1", "2.", "--", ".", "..", "...", "?", "!", ",", ";", ":",
          "\"", "'", ")", "(", "\u201c", "\u201d", "\u2019", "\u00ab", "\u00bb", "[", "]", "*", "@",
          " ", "  ", "\n", "\t", "\u00a0", "\u2003", "\u0085", ". ", "? ", "! ", ".\n"]
for _ in range(300):
    cases.append("".join(rnd.choice(PIECES) for _ in range(rnd.randint(1, 40))))

print(json.dumps({"generator": "bench/filters/make_nltk_sentence_cases.py", "cases": [{"text": t, "sentences": sent_tokenize(t)} for t in cases]}, ensure_ascii=False, indent=1))
