"""India–Italy defence ties knowledge base: articles in, Markdown pages out.

The data flows through one module per step:
ingest (read files) -> clean (drop boilerplate) -> pubdate (date the article)
-> extract (people, organisations, agreements, events of one article)
-> resolve (merge across articles) -> curation (a person's corrections)
-> pages (write Markdown for MkDocs). `build` runs them in that order.
"""

__version__ = "0.1.0"
