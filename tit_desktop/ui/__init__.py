"""Qt widgets, table models and dialogs. Calls services; never builds SQL."""
