"""The national view (issue 14): every body's plan side by side for the state planning authority, read-only.

It reads the kept figures (monitoring.summary_models) and, for a drill-down, one body's approved plan and
submitted reports; it changes nothing of any body.
"""
