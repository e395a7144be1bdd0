"""Scale: the site built by several mkdocs processes at once, each rendering a share of the pages."""
