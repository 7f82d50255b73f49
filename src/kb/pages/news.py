"""What is new: the "Recently added" page and an Atom feed of new events and agreements.

Both are written by the build from its history (see `additions`) rather than by a
MkDocs plugin: a feed plugin dates entries by the page files' git or file times,
and every generated page is rewritten on every build, so it would call everything
new; the build knows which events and agreements are new, and from which article.
"""

from __future__ import annotations

import datetime as dt
import html
import os
from xml.sax.saxutils import escape, quoteattr

from ..lexicon import sides
from .additions import History
from .blocks import folded
from .frontmatter import GENERATOR, page
from .markup import human_date, inline, one_line, sort_date
from .site import FOLDERS, PLURAL, Site
from .summary import agreement_sentence, event_sentence
from .writer import FEED_ID

FEED = "feed.xml"
FEED_ENTRIES = 50
PAGE_BUILDS = 10  # builds listed on the "Recently added" page
PAGE_SUFFIX = ".html"  # the built pages' names (mkdocs.yml: use_directory_urls: false)
FEED_KINDS = ("event", "agreement")


def when(time: str) -> str:
    """'29 November 2026, 13:05 UTC' for a build's ISO time."""
    try:
        t = dt.datetime.fromisoformat(time.replace("Z", "+00:00"))
    except ValueError:
        return inline(time)
    return f"{human_date(t.date().isoformat())}, {t:%H:%M} UTC"


def _plain(markdown: str) -> str:
    """A summary sentence as plain text for the feed (the sentence is escaped Markdown)."""
    return html.unescape(markdown)


def recently_added_page(site: Site, history: History) -> str:
    parts = ["# Recently added",
             "What each build of the site added, newest first, by the article that brought it. Follow new "
             f"events and agreements in a feed reader with the [Atom feed]({FEED})."]
    shown = 0
    for build in history.builds:
        items = [_article_additions(site, sid, kinds) for sid, kinds in build.added.items()]
        items = [i for i in items if i]
        if not items:
            continue
        body = "\n\n".join(items)
        heading = f"## {when(build.time)}"
        if build.first:
            n = len(items)
            parts.append(f"{heading}\n\nThe first build of this site: it read {n} article{'s' * (n != 1)}.\n\n"
                         + folded(body, "What each article brought"))
        else:
            parts.append(f"{heading}\n\n{body}")
        shown += 1
        if shown == PAGE_BUILDS:
            break
    if not shown:
        parts.append("*Nothing added yet.*")
    # Out of the search index: every entity has its own page.
    return page({"title": "Recently added", "search": {"exclude": True}, "generator": GENERATOR},
                "\n\n".join(parts))


def _article_additions(site: Site, sid: str, kinds: dict[str, list[str]]) -> str:
    lines = []
    for kind in ("event", "agreement", "person"):
        ids = [i for i in kinds.get(kind, []) if site.get(kind, i) is not None]
        if ids:
            links = ", ".join(site.link(kind, i) for i in ids)
            lines.append(f"    - {PLURAL[kind]}: {links}")
    cite = site.link("source", sid) if sid in site.sources else None
    if cite is None:
        return ""
    return f"- {cite}" + ("\n" + "\n".join(lines) if lines else " — nothing new drawn from it")


def atom_feed(site: Site, history: History) -> str:
    base = os.environ.get("SITE_URL", "").strip()
    # Newest build first; within a build (the first one adds everything at once) newest date first.
    found = []
    for build in history.builds:
        for sid, kinds in build.added.items():
            for kind in FEED_KINDS:
                for ident in kinds.get(kind, []):
                    obj = site.get(kind, ident)
                    if obj is not None:
                        found.append((build.time, sort_date(obj.date), kind, ident, sid))
        if len(found) >= FEED_ENTRIES:
            break
    found.sort(key=lambda f: (f[0], f[1], f[3]), reverse=True)
    entries = [_entry(site, kind, ident, sid, time) for time, _, kind, ident, sid in found[:FEED_ENTRIES]]
    updated = history.builds[0].time if history.builds else "1970-01-01T00:00:00Z"
    head = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom"' + (f" xml:base={quoteattr(base.rstrip('/') + '/')}"
                                                     if base else "") + ">",
        f"<title>{escape(sides().label)} Defence Ties: new events and agreements</title>",
        FEED_ID.decode(),
        f"<updated>{updated}</updated>",
        "<author><name>kb build</name></author>",
        f'<link rel="self" href="{FEED}"/>',
        '<link rel="alternate" type="text/html" href="recent.html"/>',
    ]
    return "\n".join(head + entries + ["</feed>", ""])


def _entry(site: Site, kind: str, ident: str, sid: str, time: str) -> str:
    obj = site.get(kind, ident)
    sentence = event_sentence(site, obj) if kind == "event" else agreement_sentence(site, obj)
    source = site.sources.get(sid)
    via = f" Reported in: {site.title('source', sid)}." if source else ""
    href = f"{FOLDERS[kind]}/{ident}{PAGE_SUFFIX}"
    return ("<entry>"
            f"<title>{escape(one_line(obj.title))}</title>"
            f"<id>urn:kb-site:{kind}:{escape(ident)}</id>"
            f"<updated>{time}</updated>"
            f"<link href={quoteattr(href)}/>"
            f"<category term={quoteattr(kind)}/>"
            f'<summary type="text">{escape(_plain(sentence) + via)}</summary>'
            "</entry>")
