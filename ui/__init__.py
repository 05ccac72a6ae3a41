"""The desktop window (PySide6): Qt models, views and dialogs over the Qt-free subsidy_calc core."""
