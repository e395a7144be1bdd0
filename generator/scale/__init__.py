"""Scale: a large atlas built on every core, with the same site as one process would build.

- ``gathering``: the content files loaded and validated by forked workers, the rules across files in the parent
  (``gather_for_build``, the way in from ``build.build_atlas``);
- ``entrypages``: the entry pages rendered and written by forked workers (``entry_pages``, from
  ``build.generate_docs``); ``alongside``: the open data made in a forked child meanwhile;
- ``parallel`` and ``shard``: mkdocs run by several processes, each on a share of the pages (``build_pages``,
  from ``build.build_site``); ``leader`` sets mkdocs up once and forks the workers; in them ``fastpage``/``rawhtml``
  convert pages of only headings and raw HTML without Python-Markdown, ``themecache``/``themereads``/``themelinks``
  reuse the theme's navigation, blocks and ``lang`` per folder, and ``pagepolicy`` gives each page its
  Content-Security-Policy as mkdocs writes it.

Each falls back to the one-process path when forking is unsafe (another thread runs) or does not pay (a small atlas).
"""
