"""The records table of counts (correct, void, history) and undo of one's last entry."""
