"""`/changes.atom`: changes as an Atom 1.0 feed (feedgen), for feed readers.

One entry per change, linking to its page: its id is `urn:wirediff:change:<change id>` (Atom wants an IRI; the
change id inside it never changes), the content is the alert e-mail's HTML part (summary,
edits marked inline in their sentence, the people table) as escaped HTML, so any reader
shows what an alert shows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime

from feedgen.feed import FeedGenerator

import worker
from alerts.event import ChangeEvent
from alerts.message import Alert
from alerts.render import render_html_fragment

# Characters XML 1.0 cannot carry at all (a feed may hand us any of them)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def entry_id(change_id: str) -> str:
    return f"urn:wirediff:change:{change_id}"


def atom_feed(
    events: Sequence[ChangeEvent],
    *,
    self_url: str,
    html_url: str,
    change_url: str,
    title: str,
) -> bytes:
    """The feed document; `change_url` has a `{id}` to fill with each change's id."""
    fg = FeedGenerator()
    fg.id(self_url)
    fg.title(xml_safe(title))
    fg.author({"name": "wirediff"})
    fg.generator("wirediff", worker.__version__)
    fg.link(href=self_url, rel="self", type="application/atom+xml")
    fg.link(href=html_url, rel="alternate", type="text/html")
    newest = max((_when(e) for e in events), default=None)
    fg.updated(newest or datetime.now(UTC))
    for event in events:
        alert = Alert.from_event(event)
        entry = fg.add_entry(order="append")
        entry.id(entry_id(alert.id))
        entry.title(xml_safe(f"{alert.kind}: {alert.title}"))
        entry.updated(_when(event))
        entry.published(_when(event))
        # One link only: feedgen 1.0.0 drops the rel of entry links, so a second (related)
        # link would read as another alternate. The report's address is in the content.
        entry.link(href=change_url.format(id=alert.id), rel="alternate", type="text/html")
        entry.category(term=alert.kind)
        entry.summary(xml_safe(alert.summary))
        entry.content(xml_safe(render_html_fragment(alert)), type="html")
    data: bytes = fg.atom_str(pretty=False)
    return data


def _when(event: ChangeEvent) -> datetime:
    return datetime.fromisoformat(event["detected_at"].replace("Z", "+00:00"))
