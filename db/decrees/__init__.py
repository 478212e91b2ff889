"""The decree chain and its countdown, and the timeline the countdown draws."""
