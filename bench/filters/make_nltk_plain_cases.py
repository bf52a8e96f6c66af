"""Records NLTK 3.10's tokens of test/filters/nltk-plain-cases.json: sentences for the plain-sentence
scan of filters/words.ts (commas and colons before digits or not, runs of them, the final period
before brackets, quotes and whitespace, ellipses, dashes, every whitespace, quotes, clitics after
apostrophes between letters) and for what sends a sentence back to the rules (backticks, loose
apostrophes, contractions in any case).
Usage: bench/.venv/bin/python bench/filters/make_nltk_plain_cases.py > test/filters/nltk-plain-cases.json
"""

import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
import offline_nltk  # noqa: E402

offline_nltk.install()
from nltk.tokenize import NLTKWordTokenizer, word_tokenize  # noqa: E402

cases = [
  "Hello, world: it is 10:30, and 1,000 people came.",
  "a,,b c,,,d e:,f g,:5 h,,5 end,,",
  "It costs $5 (or 10%) & more; really?! Yes -- no --- maybe ---- so.",
  "He left.)  ",
  "x. ) .",
  "End.\n)",
  "End.\t)",
  "Wait... what.. ok.",
  "The U.S. policy e.g. here is fine.",
  "a – b—c ‒ d ― e-f",
  "It’s John’s book.’",
  "Done.’)",
  "a\u00a0b\u2003c\u3000d\u0085e\u001cf\u2028g\ufeffh\u200bi",
  "at :5 and : 5 and ,𝟎 and ,٣ and :x",
  "<b>{c}[d]*e* @f #g",
  "Cannot, gonna wanna gimme lemme gotta.",
  "GONNA and Wanna, CANNOT.",
  "GONNA GO.",
  "I CANNOT (yet).",
  "GiMMe and GoTTa, LeMMe.",
  "wannabe gonnas cannotx",
  "Don't 'quote' it.",
  "He said \"hi\" and `this` and «that» and “these” and ‘those’ „here“.",
  "dogs' tails.",
  ".",
  ". )",
  "...",
  "a.b.c",
  "1.5 and .5.",
  # Apostrophes between ASCII letters: plain sentences whose tokens lose a clitic at their end.
  "Don't you think it's John's? He'd've gone, we can't; you'll see.",
  "I'M HE'S WE'LL THEY'RE YOU'VE CAN'T DON'T I'D WE'D'VE It'S I'Ll Don'T",
  "a'n't x'll's can't's ma'am O'Neil's rock'n'roll isn't. it's-- they're.",
  "D'ye know more'n him? d'YE MORE'N",
  "He's... she'd... it'll.)",
  "Tom's, Ann's: Bob's,5 y's.x e'd",
  "n'tx xn't xN'T xn'T x'lL x'sS x's's",
  "é's café's O'Brien l'été naïve'd",
  # Double quotes (`` where they open a quote, '' elsewhere) and the curly and angle quotes, padded.
  '"Hi," he said. "Go (now)." ("x") ["y"] {"z"} <"w"> a,"b" c:"d" e"f" "',
  '""x and ""',
  '\t"x" and\t"y"',
  'He said. "',
  'He said."',
  'He said." ',
  'He said.")',
  'He said.("',
  'He said.»',
  'He said.”  ',
  'He said.“',
  'x.") ”',
  '“"a"” «"b"» ‘"c"’ „"d"“ ‚"e"‛ ‹"f"›',
  "“Don't,” she said; «John's» ‘isn't’ „we'll“.",
  ' "x"',
  '"',
  '"."',
  'a ,"5 and :"x" ,“5 and ,„5.',
]
text = "\n".join(cases)
out = {
    "cases": [{"sentence": c, "treebank": NLTKWordTokenizer().tokenize(c), "words": word_tokenize(c)} for c in cases],
    # All of them as one text: plain and rule-tokenized sentences mixed, in order.
    "text": text,
    "words": word_tokenize(text),
}
print(json.dumps(out, ensure_ascii=False, indent=1))
