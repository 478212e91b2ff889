"""The words of the daily briefing, in Spanish (the default) and English.

This is document content, not interface text: the printed briefing must read the same whatever
translator the window has loaded, and the CLI composes it with no Qt at all. Templates use
``str.format`` fields; ``text(lang)`` falls back to Spanish for an unknown language.
"""

from __future__ import annotations

from datetime import date, datetime

ES: dict[str, str] = {
    "title": "Informe diario de situación",
    "exercise": "EJERCICIO — {scenario}",
    "exercise_plain": "EJERCICIO",
    "period": "Periodo: {start} – {end} (hora de {zone}, {offset})",
    "station": "Estación",
    "operator": "Operador",
    "generated": "Generado",
    "footer_page": "Página {page} de {pages}",
    "footer_station": "Estación: {station}",
    "footer_generated": "Generado: {time}",
    "sec_decree": "Estado de emergencia",
    "sec_milestones": "Próximos hitos",
    "sec_figures": "Cifras clave",
    "sec_sites": "Por punto y categoría",
    "sec_chart": "Flujo de los últimos 14 días",
    "sec_map": "Zona de frontera: eventos del periodo",
    "sec_events": "Eventos del periodo",
    "sec_notes": "Notas del operador",
    "sec_sources": "Fuentes",
    "sec_context": "Contexto (cifras públicas)",
    "context_source": "Fuente: {source}",
    "no_decree": "No hay decretos registrados.",
    "decree_day": "Día {day} de {days}",
    "decree_chain_day": "Día {day} del estado de emergencia",
    "decree_upcoming": "Entra en vigor el {start}",
    "decree_expired": "Vencido el {end}",
    "decree_left": "Quedan {days} d {hours} h",
    "decree_ends": "Vigente hasta el {end} (inclusive)",
    "decree_chain": "Cadena: {chain}",
    "decree_chain_end": "Fin de la cadena: {end}",
    "decree_gap": "Sin cobertura entre {before} y {after}: {days} d",
    "decree_zone": "Ámbito: {zone}",
    "state_in_force": "Vigente",
    "state_warning": "Por vencer",
    "state_critical": "Vence en menos de 48 h",
    "state_upcoming": "Por entrar en vigor",
    "state_expired": "Vencido",
    "no_milestones": "No hay hitos próximos.",
    "col_milestone": "Hito",
    "col_kind": "Tipo",
    "col_date": "Fecha",
    "col_countdown": "Faltan",
    "today": "Hoy",
    "milestone_held": "Concluido",
    "milestone_outcome": "Resultado: {outcome}",
    "source_outcome": "Resultado: {title}",
    "col_indicator": "Indicador",
    "col_period": "Periodo (personas)",
    "col_previous": "Día anterior (personas)",
    "col_change": "Variación",
    "group_direction": "Personas que cruzaron, por sentido",
    "group_category": "Personas que cruzaron, por categoría",
    "group_other": "No son cruces: cada grupo por separado (se superponen, no se suman)",
    "group_stock": "Presentes al cierre",
    "stranded_at": "Varados: última cifra del {time}",
    "stranded_none": "Varados: sin cifra registrada",
    "col_site": "Punto",
    "col_total": "Total",
    "total": "Total",
    "sites_note": "Flujos del periodo, en personas; «{stranded}»: última cifra al cierre.",
    "no_counts": "No hay conteos registrados en el periodo.",
    "chart_caption": "Personas por día (días calendario, hora de {zone}), {first} – {last}. "
    "Barras: personas que cruzaron, por categoría; línea: varados (escala derecha). Abajo, "
    "aparte: rechazados, detenidos y asistidos, que no son cruces.",
    "chart_others": "No son cruces (se superponen):",
    "chart_axis": "personas/día",
    "chart_axis_stock": "varados",
    "chart_decree_start": "Inicio {number}",
    "chart_decree_end": "Fin {number}",
    "map_caption": "Eventos del {start} al {end} (puntos de colores) y puntos de control con sus cifras.",
    "col_time": "Hora",
    "col_event": "Descripción",
    "col_people": "Personas",
    "col_severity": "Gravedad",
    "no_events": "No se registraron eventos en el periodo.",
    "no_notes": "Sin notas.",
    "illustrative": "Cifras ilustrativas: los conteos y eventos marcados con * fueron generados "
    "para el ejercicio y no son datos reales.",
    "illustrative_mark": "*",
    "as_of": "Cifras según lo registrado hasta el {time}; lo ingresado después no altera "
    "este informe.",
    "as_of_exercise": "Base de ejercicio: cifras según el registro actual.",
    "source_decree": "Decreto {number}",
    "source_milestone": "Hito: {title}",
    "source_counts": "Conteos del periodo",
    "source_events": "Eventos del periodo",
    "attribution": "Datos del mapa: {attribution}.",
    "people_unit": "pers.",
}

EN: dict[str, str] = {
    "title": "Daily situation briefing",
    "exercise": "EXERCISE — {scenario}",
    "exercise_plain": "EXERCISE",
    "period": "Period: {start} – {end} ({zone} time, {offset})",
    "station": "Station",
    "operator": "Operator",
    "generated": "Generated",
    "footer_page": "Page {page} of {pages}",
    "footer_station": "Station: {station}",
    "footer_generated": "Generated: {time}",
    "sec_decree": "State of emergency",
    "sec_milestones": "Upcoming milestones",
    "sec_figures": "Key figures",
    "sec_sites": "By site and category",
    "sec_chart": "Flows over the last 14 days",
    "sec_map": "Border zone: events of the period",
    "sec_events": "Events of the period",
    "sec_notes": "Operator's notes",
    "sec_sources": "Sources",
    "sec_context": "Context (public figures)",
    "context_source": "Source: {source}",
    "no_decree": "No decrees recorded.",
    "decree_day": "Day {day} of {days}",
    "decree_chain_day": "Day {day} of the state of emergency",
    "decree_upcoming": "Comes into force on {start}",
    "decree_expired": "Expired on {end}",
    "decree_left": "{days} d {hours} h left",
    "decree_ends": "In force until {end} (inclusive)",
    "decree_chain": "Chain: {chain}",
    "decree_chain_end": "End of the chain: {end}",
    "decree_gap": "No cover between {before} and {after}: {days} d",
    "decree_zone": "Area: {zone}",
    "state_in_force": "In force",
    "state_warning": "Expiring soon",
    "state_critical": "Expires within 48 h",
    "state_upcoming": "Not yet in force",
    "state_expired": "Expired",
    "no_milestones": "No upcoming milestones.",
    "col_milestone": "Milestone",
    "col_kind": "Kind",
    "col_date": "Date",
    "col_countdown": "To go",
    "today": "Today",
    "milestone_held": "Held",
    "milestone_outcome": "Outcome: {outcome}",
    "source_outcome": "Outcome: {title}",
    "col_indicator": "Indicator",
    "col_period": "Period (people)",
    "col_previous": "Day before (people)",
    "col_change": "Change",
    "group_direction": "People who crossed, by direction",
    "group_category": "People who crossed, by category",
    "group_other": "Not crossings: each group on its own (they overlap, never added up)",
    "group_stock": "Present at the close",
    "stranded_at": "Stranded: latest count at {time}",
    "stranded_none": "Stranded: no count recorded",
    "col_site": "Site",
    "col_total": "Total",
    "total": "Total",
    "sites_note": "Flows of the period, in people; “{stranded}”: latest count at the close.",
    "no_counts": "No counts recorded in the period.",
    "chart_caption": "People per day (calendar days, {zone} time), {first} – {last}. "
    "Bars: people who crossed, by category; line: stranded (right scale). Below, apart: "
    "turned back, detained and assisted, which are not crossings.",
    "chart_others": "Not crossings (they overlap):",
    "chart_axis": "people/day",
    "chart_axis_stock": "stranded",
    "chart_decree_start": "{number} starts",
    "chart_decree_end": "{number} ends",
    "map_caption": "Events from {start} to {end} (coloured symbols) and control points with their figures.",
    "col_time": "Time",
    "col_event": "Description",
    "col_people": "People",
    "col_severity": "Severity",
    "no_events": "No events recorded in the period.",
    "no_notes": "No notes.",
    "illustrative": "Illustrative figures: counts and events marked * were generated for the "
    "exercise and are not real data.",
    "illustrative_mark": "*",
    "as_of": "Figures as recorded by {time}; later entries do not change this briefing.",
    "as_of_exercise": "Exercise database: figures as currently recorded.",
    "source_decree": "Decree {number}",
    "source_milestone": "Milestone: {title}",
    "source_counts": "Counts of the period",
    "source_events": "Events of the period",
    "attribution": "Map data: {attribution}.",
    "people_unit": "people",
}

TEXTS = {"es": ES, "en": EN}

MONTHS = {
    "es": [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}
WEEKDAYS = {
    "es": ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
}


def text(lang: str) -> dict[str, str]:
    return TEXTS.get(lang, ES)


def long_date(day: date, lang: str) -> str:
    """``lunes, 1 de diciembre de 2025`` / ``Monday, 1 December 2025``."""
    weekday = WEEKDAYS.get(lang, WEEKDAYS["es"])[day.weekday()]
    month = MONTHS.get(lang, MONTHS["es"])[day.month - 1]
    if lang == "en":
        return f"{weekday}, {day.day} {month} {day.year}"
    return f"{weekday.capitalize()}, {day.day} de {month} de {day.year}"


def short_date(day: date, lang: str) -> str:
    """``01/12/2025`` / ``1 Dec 2025``: unambiguous in each language."""
    if lang == "en":
        return f"{day.day} {MONTHS['en'][day.month - 1][:3]} {day.year}"
    return day.strftime("%d/%m/%Y")


def day_month(day: date, lang: str) -> str:
    """Axis labels: ``01/12`` / ``1 Dec``."""
    if lang == "en":
        return f"{day.day} {MONTHS['en'][day.month - 1][:3]}"
    return day.strftime("%d/%m")


def short_datetime(local: datetime, lang: str) -> str:
    """A local (already converted) time: ``01/12/2025 07:00`` / ``1 Dec 2025 07:00``."""
    return f"{short_date(local.date(), lang)} {local:%H:%M}"


def number(value: int) -> str:
    """Grouped by thousands, as QLocale writes es_PE and en_US alike: ``12,345``."""
    return f"{value:,}"
