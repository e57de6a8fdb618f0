"""The web layer shared by every page: error pages, session edges of htmx requests, security headers."""
