"""The demo state body: a ministry with its development plan, units, people and operational plans."""
