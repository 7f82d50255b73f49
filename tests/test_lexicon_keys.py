"""Every list in the people lexicons is read by the code: a key nothing reads is a rule that does nothing."""

from pathlib import Path

import yaml

import kb

SRC = Path(kb.__file__).parent
# The people lexicons, keyed by section; countries.yml is keyed by country and read whole.
LEXICONS = ["names", "titles", "organisations"]


def test_every_key_of_the_people_lexicons_is_read():
    code = "\n".join(p.read_text(encoding="utf-8") for p in SRC.rglob("*.py"))
    unread = [f"{name}.yml: {key}" for name in LEXICONS
              for key in yaml.safe_load((SRC / "lexicon" / f"{name}.yml").read_text(encoding="utf-8"))
              if f'"{key}"' not in code]
    assert not unread, unread
