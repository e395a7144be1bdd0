"""What "today" is for a build: given, else ``SOURCE_DATE_EPOCH``, else the clock.

Pages that depend on the date (signals of waiting and stale entries) must come out the
same in two builds of the same tree, so a build reads the date once, from here.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime

from .errors import AtlasError


def today(explicit: date | None = None) -> date:
    """The date a build or report counts from."""
    if explicit is not None:
        return explicit
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), tz=UTC).date()
        except (ValueError, OverflowError) as error:
            raise AtlasError(f"SOURCE_DATE_EPOCH is geen geldig aantal seconden: {epoch!r}") from error
    return date.today()
