"""Everything that knows Qt: the window, table models, dialogs, printing and PDF rendering."""
