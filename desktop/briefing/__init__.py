"""The daily briefing rendered: a paginated document, its chart, the PDF and the print preview.

The content comes whole from ``db.briefing.content.compose_briefing``; these modules only lay it out.
"""
