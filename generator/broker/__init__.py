"""Kennismakelen: from a question to who can help, and the patterns across all questions.

- ``match/``: rank partners, practices, research, networks, earlier questions and events for a
  question in free Dutch text, each result with its score in named parts and its reasons in
  Dutch; the question pages' "Wie kan helpen". The way in is
  ``match.matcher.Matcher.for_atlas(atlas).match(Ask(text=...))``.
- ``signals/``: what recurs, what is missing, what overlaps, waits or is stale.
- ``overview/``: the picture of the whole atlas (coverage, counts, lifecycle, networks).
- ``askform``: what the question form on /vraag-stellen/ needs, and its GitHub issue form.
"""
