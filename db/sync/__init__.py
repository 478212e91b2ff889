"""Field sync: bundles between stations, their log, conflicts and the station's identity."""
