"""New site here / correct a site (name, kind, country, position, sources)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

from db.store.records import Site
from db.vocab import COUNTRIES, SITE_KINDS
from desktop.context import AppContext
from desktop.dialogs.event_dialog import fill_combo
from desktop.dialogs.record_form import RecordForm, parse_number


class SiteDialog(RecordForm):
    def __init__(
        self,
        ctx: AppContext,
        *,
        lon: float | None = None,
        lat: float | None = None,
        site: Site | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.site = site
        self.setObjectName("siteDialog")
        self.setWindowTitle(self.tr("Correct site") if site else self.tr("New site here"))
        self.name = QLineEdit(site.name if site else "")
        self.add_field("name", self.tr("Name"), self.name)
        self.kind = QComboBox()
        fill_combo(self.kind, SITE_KINDS, ctx.lang, site.site_kind if site else "checkpoint")
        self.add_field("kind", self.tr("Kind"), self.kind)
        self.country = QComboBox()
        for code, name in COUNTRIES.items():
            self.country.addItem(f"{name} ({code})", code)
        default_country = site.country if site else "PE"
        self.country.setCurrentIndex(max(0, self.country.findData(default_country)))
        self.add_field("country", self.tr("Country"), self.country)
        if site is not None:
            lat, lon = site.lat, site.lon
        self.lat = QLineEdit("" if lat is None else f"{lat:.7f}")
        self.lon = QLineEdit("" if lon is None else f"{lon:.7f}")
        self.add_field("lat", self.tr("Latitude"), self.lat)
        self.add_field("lon", self.tr("Longitude"), self.lon)
        self.approximate = QCheckBox(self.tr("Position is approximate"))
        self.approximate.setChecked(bool(site.approximate) if site else True)
        self.add_field("approximate", "", self.approximate)
        self.source = QLineEdit(site.source if site else "")
        self.add_field("source", self.tr("Source"), self.source)
        self.note = QLineEdit(site.note if site else "")
        self.add_field("note", self.tr("Note"), self.note)
        self.name.setFocus()

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name.text(),
            "kind": self.kind.currentData(),
            "country": self.country.currentData(),
            "lat": parse_number(self.lat.text()),
            "lon": parse_number(self.lon.text()),
            "approximate": self.approximate.isChecked(),
            "source": self.source.text(),
            "note": self.note.text(),
        }

    def save(self):
        if self.site is not None:
            return self.ctx.store.correct(self.site.id, **self.values())
        return self.ctx.store.add_site(**self.values())
