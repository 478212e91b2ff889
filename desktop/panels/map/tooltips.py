"""What hovering a marker tells: the record's essentials in a few lines."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from db.geo.layers import SiteMarker
from db.store.records import Event
from db.vocab import EVENT_KINDS, SEVERITIES, SITE_KINDS
from desktop.formatting import fmt_datetime
from desktop.panels.map.site_layer import site_label_lines


def event_tooltip(event: Event, tz: str, lang: str) -> str:
    kind = (
        EVENT_KINDS[event.event_kind].label(lang)
        if event.event_kind in EVENT_KINDS
        else event.event_kind
    )
    severity = (
        SEVERITIES[event.severity].label(lang) if event.severity in SEVERITIES else event.severity
    )
    lines = [f"<b>{escape(event.title)}</b>", escape(f"{kind} · {severity}")]
    lines.append(escape(fmt_datetime(event.occurred_at, tz, lang)))
    if event.people is not None:
        lines.append(
            escape(
                QCoreApplication.translate("MapTooltips", "{n} people").format(
                    n=f"{event.people:,}"
                )
            )
        )
    if event.closed:
        lines.append(escape(QCoreApplication.translate("MapTooltips", "Closed")))
    if event.note:
        lines.append(f"<i>{escape(event.note)}</i>")
    if event.source:
        lines.append(
            escape(
                QCoreApplication.translate("MapTooltips", "Source: {source}").format(
                    source=event.source
                )
            )
        )
    return "<br>".join(lines)


def site_tooltip(site: SiteMarker, lang: str) -> str:
    kind = SITE_KINDS[site.kind].label(lang) if site.kind in SITE_KINDS else site.kind
    lines = site_label_lines(site)
    out = [f"<b>{escape(lines[0])}</b>", escape(kind)]
    out += [escape(t) for t in lines[1:]]
    if site.approximate:
        out.append(escape(QCoreApplication.translate("MapTooltips", "Approximate position")))
    if site.illustrative:
        out.append(
            escape(QCoreApplication.translate("MapTooltips", "* illustrative figures (exercise)"))
        )
    out.append(
        "<span style='color:#6e7781'>{}</span>".format(
            escape(QCoreApplication.translate("MapTooltips", "Drag to move; right-click for more"))
        )
    )
    return "<br>".join(out)
