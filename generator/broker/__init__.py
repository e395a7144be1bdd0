"""Kennismakelen: from a question to who can help, and the patterns across all questions.

- ``match``: rank partners, practices, research, networks, earlier questions and events for a
  question in free Dutch text, each result with its score in named parts and its reasons in
  Dutch. The way in is ``match.Matcher(atlas).match(Ask(text=...))``.
- ``signals``: what recurs, what is missing, what overlaps, waits or is stale.
- ``overview``: the picture of the whole atlas (coverage, counts, lifecycle, networks).
"""
