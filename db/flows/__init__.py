"""People moving through the crossings: counts, daily totals, key figures, chart data, CSV."""
