"""A language change applies at once: the window is built again in the new language with the same content."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .main_window import MainWindow

_KEPT: list[MainWindow] = []  # windows made here have no other owner (the first one is held by the app)


def reopen_in_new_language(window: MainWindow) -> MainWindow:
    """Build a new window (texts are read when widgets are built) with the same drafts, file, unsaved state,
    geometry and layout, show it and close the old one. The undo history starts again from here."""
    snapshot = window.document.snapshot()
    unsaved = not window.undo_stack.isClean()
    window.layout_memory.save()
    new = type(window)(catalog=window.catalog, settings=window.settings, recovery_dir=window.recovery.directory,
                       autosave_ms=window.autosave_timer.interval(), offer_recovery=False)
    new.document.restore(snapshot)
    new.adopt_history(window.file_path, unsaved)
    new.setGeometry(window.geometry())
    new.setWindowState(window.windowState())
    new.show()
    _KEPT.append(new)
    window.undo_stack.setClean()  # the content lives on in the new window: closing the old one asks nothing
    window.close()
    return new
