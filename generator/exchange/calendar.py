"""iCalendar files of the events: ``agenda.ics`` with every event and one per region.

Written with the ``icalendar`` library. A calendar without events is still a valid calendar,
so a subscription keeps working while the agenda is empty. Times in content are Dutch local
times: they are written with ``TZID=Europe/Amsterdam`` and its VTIMEZONE; a date without a
time becomes an all-day event. DTSTAMP, which RFC 5545 requires, is the atlas' newest content
date rather than the build clock, so the same content gives the same file.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from icalendar import Calendar, Timezone
from icalendar import Event as CalendarEvent

from ..derive import label
from .document import entry_url
from .feeds import latest_content_date, xml_text

if TYPE_CHECKING:
    from .opendata import OpenData

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
AGENDA = "open-data/agenda"
PRODID = "-//Kennisatlas//Open data//NL"


def local_moment(moment: date) -> date | datetime:
    """A content moment as iCalendar wants it: a date stays a date, a time gets the Dutch time zone."""
    if isinstance(moment, datetime):
        return moment if moment.tzinfo else moment.replace(tzinfo=AMSTERDAM)
    return moment


def end_moment(event: Any) -> date | datetime | None:
    """DTEND: an all-day event's end is the day after its last day (RFC 5545 counts it exclusive)."""
    if event.end is None:
        return None
    end = local_moment(event.end)
    return end + timedelta(days=1) if not isinstance(end, datetime) else end


def calendar_event(event: Any, site_url: str, stamp: datetime) -> CalendarEvent:
    url = entry_url(site_url, "event", event.id)
    item = CalendarEvent()
    item.add("uid", f"{event.id}@{urlsplit(site_url).hostname or 'kennisatlas'}")
    item.add("dtstamp", stamp)
    item.add("dtstart", local_moment(event.start))
    if (end := end_moment(event)) is not None:
        item.add("dtend", end)
    item.add("summary", xml_text(label(event)))
    item.add("description", xml_text(f"{event.description}\n\n{url}"))
    place = ", ".join(part for part in (event.location, "online" if event.online else None) if part)
    item.add("location", xml_text(place))
    item.add("url", url)
    return item


@cache
def amsterdam_timezone() -> Timezone:
    """Europe/Amsterdam as the VTIMEZONE ``add_missing_timezones`` makes: made once, not for every calendar (its
    transitions from 1970 to 2038, most of the processor time of a calendar of a few events)."""
    return Timezone.from_tzid(AMSTERDAM.key)


def _add_timezones(calendar: Calendar) -> None:
    """``calendar.add_missing_timezones()``, with Europe/Amsterdam inserted where that puts it: after the
    calendar's own time zones, before its events."""
    if AMSTERDAM.key in calendar.get_missing_tzids():
        calendar.subcomponents.insert(len(calendar.timezones), amsterdam_timezone())
    calendar.add_missing_timezones()


def calendar_bytes(name: str, events: list[Any], site_url: str, stamp: datetime) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", xml_text(name))
    for event in sorted(events, key=lambda found: (found.start_key, found.id)):
        calendar.add_component(calendar_event(event, site_url, stamp))
    _add_timezones(calendar)
    return bytes(calendar.to_ical())


def calendar_files(data: OpenData) -> dict[str, bytes]:
    """``agenda.ics`` with every event, ``agenda/<region id>.ics`` with a region's own events."""
    stamp = datetime.combine(latest_content_date(data.atlas), time(), tzinfo=UTC)
    events = data.atlas.of("event")
    files = {f"{AGENDA}.ics": calendar_bytes("Kennisatlas: agenda", events, data.site_url, stamp)}
    for region in data.atlas.of("region"):
        own = [event for event in events if event.region == region.id]
        files[f"{AGENDA}/{region.id}.ics"] = calendar_bytes(
            f"Kennisatlas: agenda {label(region)}", own, data.site_url, stamp
        )
    return files
