"""Everything that knows Qt: the window, table models, dialogs, printing and PDF rendering."""

from .refcount_guard import pin_singletons

pin_singletons()  # before any Qt call: PySide6 6.12 on CPython 3.11 under-counts None/True (see the module)
