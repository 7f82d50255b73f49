"""The country pair is configuration: code names no country of the pair and reads it from one place."""

import ast
from pathlib import Path

import kb
from kb.extract import extract_article
from kb.ingest import RawArticle
from kb.lexicon import countries, sides

SRC = Path(kb.__file__).parent


def _literals_and_names(tree: ast.AST) -> list[tuple[int, str]]:
    """String constants (docstrings aside) and identifiers of a module."""
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
                  and node.body and isinstance(node.body[0], ast.Expr)
                  and isinstance(node.body[0].value, ast.Constant)}
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            out.append((node.lineno, node.value))
        elif isinstance(node, ast.Name):
            out.append((node.lineno, node.id))
    return out


def test_no_code_names_a_country_of_the_pair():
    words = set()
    for country in sides().pair:
        words.add(country.lower())
        words.update(w for w, c in countries().by_word.items() if c == country)
    found = []
    for path in SRC.rglob("*.py"):
        for line, text in _literals_and_names(ast.parse(path.read_text(encoding="utf-8"))):
            low = text.lower()
            hits = [w for w in words if f" {w} " in f" {low.replace('-', ' ').replace('_', ' ')} "]
            if hits:
                found.append(f"{path.relative_to(SRC)}:{line}: {hits}")
    assert not found, "\n".join(found)


def test_the_pair_is_read_from_the_sides_lexicon():
    text = (SRC / "lexicon" / "sides.yml").read_text(encoding="utf-8")
    assert all(country in text for country in sides().pair)
    assert sides().other(sides().pair[0]) == sides().pair[1]
    assert sides().other("France") is None


def test_a_third_country_event_is_not_bilateral():
    body = ("PARIS, March 3, 2025: Defence Minister Claire Vautrin of France received Admiral Jorge Salas of "
            "Spain in Paris on Monday. The two discussed naval cooperation in the Mediterranean.")
    ex = extract_article(RawArticle("x.txt", "x", body))
    assert ex.events and not any(e.bilateral for e in ex.events)
