"""The daily briefing's content, composed with no Qt."""
