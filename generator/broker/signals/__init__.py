"""Signals: what recurs, what is missing, what overlaps, what waits and what is stale.

``kinds.signals(atlas, today)`` is the way in: it runs the rules of ``recurring``, ``demand`` and
``upkeep`` (each a small function yielding ``signal.Signal``) in the order of ``kinds.SIGNAL_KINDS``.
"""
