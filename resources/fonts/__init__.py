"""Fonts shipped so the printed briefing is the same on every machine (DejaVu, see LICENSE-DejaVu.txt)."""
