"""Kennisatlas generator: content files → validated model → generated site.

Stages, one module each: ``load`` (files → records), ``validate`` (models and
cross-file rules → ``Atlas``), ``derive`` (relations and groupings), ``render``
(Jinja2 → Markdown), ``build`` (mkdocs → static site).
"""

__version__ = "0.1.0"
