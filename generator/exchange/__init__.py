"""Exchange: the atlas as open data, sheets in and out, and one view over several atlases.

``document.atlas_document`` is the way in: the validated atlas as one JSON-ready mapping
(``atlas.json``), which the exports write and federation reads back.
"""
