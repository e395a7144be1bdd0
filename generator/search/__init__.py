"""Search: the Dutch lunr index that the search page loads, prebuilt at build time.

Entries become small documents (``documents``), run through the same Dutch pipeline as
lunr.js with lunr-languages (``lunr_nl``, ``lunrbuild``), and are written as a catalog
plus an index split by first letters (``termsplit``) and by region (``lunrindex``).
The way in is ``searchindex.render_search_index(atlas)``: {docs path: file text}.
"""
