"""Where preferences live (QSettings, INI) and the recent-files list."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

RECENT_KEY = "files/recent"
LAST_DIR_KEY = "files/lastDirectory"
MAX_RECENT = 8


def default_settings() -> QSettings:
    """User-scope INI settings (tests redirect them with QSettings.setPath or inject their own)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "subsidy-calc", "subsidy-calc")


def recent_files(settings: QSettings) -> list[str]:
    value = settings.value(RECENT_KEY, [])
    if isinstance(value, str):
        return [value] if value else []
    return [str(v) for v in value] if isinstance(value, list) else []


def add_recent_file(settings: QSettings, path: Path) -> list[str]:
    text = str(path)
    files = [text] + [f for f in recent_files(settings) if f != text]
    files = files[:MAX_RECENT]
    settings.setValue(RECENT_KEY, files)
    remember_directory(settings, path.parent)
    return files


def last_directory(settings: QSettings) -> str:
    value = settings.value(LAST_DIR_KEY, "")
    return value if isinstance(value, str) and value else str(Path.home())


def remember_directory(settings: QSettings, folder: Path) -> None:
    """The folder the next file dialog starts in (the one a file was just opened from or saved to)."""
    settings.setValue(LAST_DIR_KEY, str(folder))
    settings.sync()
