"""The decree countdown panel: the chain, the next milestones and the timeline strip."""
