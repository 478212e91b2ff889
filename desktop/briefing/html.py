"""The briefing as HTML for QTextDocument: tables with header rows, numbered sections.

Pure text building (no Qt). Qt's rich text reads CSS lengths in device pixels, so every length
is written through ``Units`` from millimetres at the printer's resolution; font sizes are points.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from db.briefing.content import Briefing
from db.briefing.rows import DecreeBlock

INK = "#1f2328"
MUTED = "#57606a"
NAVY = "#0b3d6e"
RULE = "#c5ccd4"
HEAD_BG = "#dde5ee"
GROUP_BG = "#eceff3"
BAND_BG = "#f5f7f9"
STATE_COLOURS = {
    "in_force": "#1a7f37",
    "warning": "#9a6700",
    "critical": "#cf222e",
    "upcoming": "#0b5cad",
    "expired": "#57606a",
}
CHART_IMAGE = "briefing://chart.png"
MAP_IMAGE = "briefing://map.png"


@dataclass(frozen=True)
class Units:
    dpi: float

    def px(self, mm: float) -> int:
        return max(1, round(mm * self.dpi / 25.4))

    def mm(self, mm: float) -> str:
        return f"{self.px(mm)}px"


def e(text: object) -> str:
    return escape(str(text), quote=True)


class HtmlBuilder:
    """Writes one briefing; ``sections`` numbers the headings in the order they are written."""

    def __init__(
        self,
        b: Briefing,
        units: Units,
        family: str,
        body_width_px: int,
        breaks: dict[str, set[int]] | None = None,
    ) -> None:
        self.b, self.u, self.family, self.width = b, units, family, body_width_px
        self.t = b.text
        self.section = 0
        self.parts: list[str] = []
        self.breaks = breaks or {}
        # Every <table> written, in order: (data-table key or None, the data row of each
        # table row, None for header, group and total rows). Matches the document's frames.
        self.tables: list[tuple[str | None, list[int | None]]] = []

    # -- pieces --------------------------------------------------------------------------
    def heading(self, key: str) -> None:
        self.section += 1
        u = self.u
        self.parts.append(
            f'<h2 style="font-size:11.5pt; font-weight:bold; color:{NAVY}; '
            f'margin-top:{u.mm(5.5)}; margin-bottom:{u.mm(1.8)}">'
            f"{self.section}.&#160;&#160;{e(self.t[key])}</h2>"
        )

    def para(self, text: str, *, size: float = 9, colour: str = INK, style: str = "") -> None:
        self.parts.append(
            f'<p style="font-size:{size}pt; color:{colour}; margin-top:{self.u.mm(0.6)}; '
            f'margin-bottom:{self.u.mm(0.6)}; {style}">{text}</p>'
        )

    def table(
        self,
        key: str,
        headers: list[str],
        rows: list[list[str]],
        align: list[str],
        widths: list[int] | None = None,
        total: list[str] | None = None,
        groups: dict[int, str] | None = None,
    ) -> None:
        """A banded data table: shaded header row, optional group rows and total row.

        Rows are told apart by shading, not rules. Qt paginates a table line by line, so a
        row of two lines can be cut by a page end; ``document.py`` finds such rows and asks
        for the table to be broken before them (``self.breaks[key]``): a new table, on a new
        page, repeating the header row.
        """
        u = self.u
        breaks = self.breaks.get(key, set())
        out: list[str] = []

        def open_table(new_page: bool) -> None:
            self.tables.append((key, []))
            page = " page-break-before:always;" if new_page else ""
            out.append(
                f'<table width="100%" cellspacing="0" cellpadding="{u.px(1.2)}" '
                f'style="border-collapse:collapse;{page} margin-top:{u.mm(1)}; '
                f'margin-bottom:{u.mm(1)}"><thead><tr>'
            )
            for i, h in enumerate(headers):
                width = f' width="{widths[i]}%"' if widths else ""
                out.append(
                    f'<th{width} align="{align[i]}" valign="bottom" '
                    f'style="background-color:{HEAD_BG}; color:{NAVY}; font-size:8pt; '
                    f'font-weight:bold">{e(h)}</th>'
                )
            out.append("</tr></thead><tbody>")
            self.tables[-1][1].append(None)

        open_table(False)
        groups = groups or {}
        band = 0
        for r, row in enumerate(rows):
            if r in breaks and r > 0:
                out.append("</tbody></table>")
                open_table(True)
            if r in groups:
                out.append(
                    f'<tr><td colspan="{len(headers)}" style="background-color:{GROUP_BG}; '
                    f'font-size:7.5pt; font-weight:bold; color:{MUTED}">{e(groups[r])}</td></tr>'
                )
                self.tables[-1][1].append(None)
                band = 0
            shade = BAND_BG if band % 2 else "#ffffff"
            band += 1
            out.append("<tr>")
            for i, cell in enumerate(row):
                out.append(
                    f'<td align="{align[i]}" style="background-color:{shade}; '
                    f'font-size:8.5pt">{cell}</td>'
                )
            out.append("</tr>")
            self.tables[-1][1].append(r)
        if total:
            out.append("<tr>")
            for i, cell in enumerate(total):
                out.append(
                    f'<td align="{align[i]}" style="background-color:{HEAD_BG}; '
                    f'font-size:8.5pt; font-weight:bold">{cell}</td>'
                )
            out.append("</tr>")
            self.tables[-1][1].append(None)
        out.append("</tbody></table>")
        self.parts.append("".join(out))

    def image(self, src: str, aspect: float) -> None:
        """A picture the full width of the text, its height from its own proportions."""
        width = self.width
        height = round(width / aspect)
        self.parts.append(
            f'<p align="center" style="margin-top:{self.u.mm(1)}; margin-bottom:0">'
            f'<img src="{src}" width="{width}" height="{height}"></p>'
        )

    # -- the document ----------------------------------------------------------------------
    def build(self, chart_aspect: float, map_aspect: float) -> str:
        b, t = self.b, self.t
        self.title_block()
        self.heading("sec_decree")
        if b.decrees:
            for block in b.decrees:
                self.decree(block)
        else:
            self.para(e(t["no_decree"]), colour=MUTED)
        self.heading("sec_milestones")
        if b.milestones:
            self.table(
                "milestones",
                [t["col_milestone"], t["col_kind"], t["col_date"], t["col_countdown"]],
                [
                    [
                        e(m.title)
                        + (
                            f'<br><span style="color:{NAVY}">{e(m.outcome_text)}</span>'
                            if m.outcome_text
                            else ""
                        ),
                        e(m.kind_label),
                        e(m.date_text),
                        f"<b>{e(m.countdown_text)}</b>",
                    ]
                    for m in b.milestones
                ],
                ["left", "left", "left", "right"],
                [52, 22, 14, 12],
            )
        else:
            self.para(e(t["no_milestones"]), colour=MUTED)
        self.figures()
        self.context()
        self.sites()
        self.heading("sec_chart")
        self.image(CHART_IMAGE, chart_aspect)
        self.para(e(b.chart.caption), size=7.5, colour=MUTED)
        # The events' table before their map: it fills the chart's page, and the map then
        # shares a page with the notes and sources instead of stranding them on a page alone.
        self.events()
        self.heading("sec_map")
        self.image(MAP_IMAGE, map_aspect)
        self.para(e(b.map_caption), size=7.5, colour=MUTED)
        self.heading("sec_notes")
        notes = e(b.notes).replace("\n", "<br>") if b.notes else e(t["no_notes"])
        self.para(notes, colour=INK if b.notes else MUTED)
        self.sources()
        body = "".join(self.parts)
        return (
            f"<html><body style=\"font-family:'{self.family}'; font-size:9pt; color:{INK}\">"
            f"{body}</body></html>"
        )

    def title_block(self) -> None:
        h, u = self.b.header, self.u
        self.parts.append(
            f'<p style="font-size:19pt; font-weight:bold; color:{NAVY}; margin-top:0; '
            f'margin-bottom:0">{e(h.title)}</p>'
            f'<p style="font-size:12pt; margin-top:{u.mm(1)}; margin-bottom:0">{e(h.date_text)}</p>'
            f'<p style="font-size:8.5pt; color:{MUTED}; margin-top:{u.mm(0.8)}; '
            f'margin-bottom:{u.mm(1.5)}">{e(h.period_text)}</p>'
        )
        if h.subtitle:
            self.tables.append((None, []))
            self.parts.append(
                f'<table width="100%" cellspacing="0" cellpadding="{u.px(1.4)}" '
                f'style="border-collapse:collapse; margin-bottom:{u.mm(1.5)}"><tr>'
                f'<td style="background-color:#fff4d6; border:{u.mm(0.35)} solid #9a6700; '
                f'font-size:8.5pt; font-weight:bold; color:#6b4700">{e(h.subtitle)}</td>'
                "</tr></table>"
            )
        t = self.t
        meta = [
            (t["station"], h.station),
            (t["operator"], h.operator),
            (t["generated"], h.generated_text),
        ]
        cells = "".join(
            f'<td width="{width}%" style="font-size:8pt; border-top:{u.mm(0.25)} solid {RULE}; '
            f'border-bottom:{u.mm(0.25)} solid {RULE}"><span style="color:{MUTED}">{e(k)}:</span> '
            f"{e(v)}</td>"
            for (k, v), width in zip(meta, (30, 30, 40), strict=True)
        )
        self.tables.append((None, []))
        self.parts.append(
            f'<table width="100%" cellspacing="0" cellpadding="{u.px(1.2)}" '
            f'style="border-collapse:collapse"><tr>{cells}</tr></table>'
        )

    def decree(self, d: DecreeBlock) -> None:
        u = self.u
        colour = STATE_COLOURS.get(d.state, MUTED)
        details = [f'<span style="font-size:10pt; font-weight:bold">{e(d.number)}</span>']
        details.append(f'<span style="color:{MUTED}">{e(d.title)}</span>')
        details.append(
            e(d.end_text) + (f" · <b>{e(d.remaining_text)}</b>" if d.remaining_text else "")
        )
        if len(d.chain) > 1:  # an extension: the whole chain and when it ends
            details.append(e(d.chain_text))
            details.append(f"<b>{e(d.chain_end_text)}</b>")
        details += [
            f'<span style="color:{STATE_COLOURS["critical"]}">{e(g)}</span>' for g in d.gaps_text
        ]
        if d.zone_text:
            details.append(e(d.zone_text))
        self.tables.append((None, []))
        self.parts.append(
            f'<table width="100%" cellspacing="0" cellpadding="{u.px(2)}" '
            f'style="border-collapse:collapse; margin-bottom:{u.mm(1.5)}"><tr>'
            f'<td width="27%" valign="middle" style="background-color:#eef3f8; '
            f'border-left:{u.mm(1.2)} solid {colour}">'
            f'<p style="font-size:17pt; font-weight:bold; color:{NAVY}; margin:0">{e(d.day_text)}</p>'
            + (
                f'<p style="font-size:9pt; color:{NAVY}; margin:0">{e(d.chain_day_text)}</p>'
                if d.chain_day_text
                else ""
            )
            + f'<p style="font-size:9pt; font-weight:bold; color:{colour}; margin-top:{u.mm(1)}">'
            f"{e(d.state_label)}</p></td>"
            f'<td width="73%" style="font-size:8.5pt; background-color:#fafbfc">'
            + "<br>".join(details)
            + "</td></tr></table>"
        )

    def figures(self) -> None:
        b, t = self.b, self.t
        self.heading("sec_figures")
        rows, groups = [], {}
        last_group = None
        for f in b.figures:
            if f.group != last_group:
                groups[len(rows)] = t[f"group_{f.group}"]
                last_group = f.group
            prev = "—" if f.previous is None else f"{f.previous:,}"
            rows.append([e(f.label), f"<b>{f.value:,}</b>", prev, e(f.change_text)])
        self.table(
            "figures",
            [t["col_indicator"], t["col_period"], t["col_previous"], t["col_change"]],
            rows,
            ["left", "right", "right", "right"],
            [40, 20, 20, 20],
            groups=groups,
        )
        self.para(e(b.figures_note), size=7.5, colour=MUTED)
        if b.illustrative:
            self.para(f"<b>{e(t['illustrative'])}</b>", size=7.5, colour="#6b4700")

    def context(self) -> None:
        """The sourced public figures beside the counts, each with its source, in a box."""
        b, t, u = self.b, self.t, self.u
        if not b.context:
            return
        self.heading("sec_context")
        lines = "<br>".join(
            f"•&#160;{e(c.text)} "
            f'<span style="color:{MUTED}">· {e(t["context_source"].format(source=c.source))}</span>'
            for c in b.context
        )
        self.tables.append((None, []))
        self.parts.append(
            f'<table width="100%" cellspacing="0" cellpadding="{u.px(2)}" '
            f'style="border-collapse:collapse; margin-bottom:{u.mm(1.5)}"><tr>'
            f'<td style="font-size:8.5pt; background-color:#eef3f8; '
            f'border-left:{u.mm(1.2)} solid {NAVY}">{lines}</td></tr></table>'
        )

    def sites(self) -> None:
        b, t = self.b, self.t
        self.heading("sec_sites")
        table = b.sites
        if not table.rows:
            self.para(e(t["no_counts"]), colour=MUTED)
            return
        n = len(table.columns)
        self.table(
            "sites",
            [t["col_site"], *table.labels],
            [[e(r.name), *(f"{v:,}" for v in r.values)] for r in table.rows],
            ["left", *["right"] * n],
            [28, *[round(72 / n)] * n],
            total=[e(t["total"]), *(f"{v:,}" for v in table.totals)],
        )
        self.para(e(t["sites_note"].format(stranded=table.labels[-1])), size=7.5, colour=MUTED)

    def events(self) -> None:
        b, t = self.b, self.t
        self.heading("sec_events")
        if not b.events:
            self.para(e(t["no_events"]), colour=MUTED)
            return
        mark = t["illustrative_mark"]
        self.table(
            "events",
            [t["col_time"], t["col_kind"], t["col_event"], t["col_people"], t["col_severity"]],
            [
                [
                    e(ev.time_text),
                    e(ev.kind_label),
                    e(ev.title) + (f" {mark}" if ev.illustrative else ""),
                    "—" if ev.people is None else f"{ev.people:,}",
                    e(ev.severity_label),
                ]
                for ev in b.events
            ],
            ["left", "left", "left", "right", "left"],
            [12, 16, 48, 10, 14],
        )

    def sources(self) -> None:
        b, t = self.b, self.t
        self.heading("sec_sources")
        for s in b.sources:
            self.para(f"<b>{e(s.subject)}:</b> {e(s.source)}", size=8)
        self.para(e(b.as_of_text), size=8, colour=MUTED, style=f"margin-top:{self.u.mm(2)}")
        if b.illustrative:
            self.para(e(t["illustrative"]), size=8, colour=MUTED)
        self.para(e(b.attribution), size=8, colour=MUTED)
