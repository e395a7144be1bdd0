"""mkdocs' log messages, collected to report them with a failed build (the parallel workers' too).

A module of its own with nothing but the standard library: every worker process imports it.
"""

from __future__ import annotations

import logging


class WarningCollector(logging.Handler):
    """mkdocs' warnings and errors of one build, to report them with the failure (the parallel workers use it too)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())
