"""Matching: a question in free Dutch text → ranked entries, each with its score in parts and its reasons.

``recognise`` finds the themes, regions and needs a text names; ``data`` makes the match data (also
written for the browser as ``broker/match.json``); ``score`` and ``reasons`` are the method, one
entry at a time; ``matcher`` ranks (``Matcher(data).match(Ask(text=...))`` is the way in);
``columns`` is the same score over all entries at once, for ``questions`` (the question pages);
``evaluate`` and ``report`` serve ``atlas match``.
"""
