"""The Overzicht page: the whole atlas at a glance, as SVG pictures with tables of the same numbers.

``numbers`` counts, ``network`` lays out regions, networks and partners with networkx, ``svg``
draws; ``page.overview_page(links)`` is the way in.
"""
