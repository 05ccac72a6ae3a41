"""UI language: Chinese source strings, English from ui/i18n/subsidy_en.qm, Qt's own buttons from Qt's
qtbase_zh_CN.qm; the choice is stored in QSettings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

# Package data beside this module: a checkout, the wheel and the bundle. Not importlib.resources: it costs
# ≈ 10 ms before the window's first frame (docs/performance.md) and gives the same folder for a package on disk.
I18N_DIR = Path(__file__).resolve().parent / "i18n"
LANGUAGE_KEY = "ui/language"
LANGUAGES = {"zh_CN": "中文(简体)", "en": "English"}

_installed: list[QTranslator] = []


def _tr(text: str) -> str:
    """Translate a UI string; pyside6-lupdate -tr-function-alias tr+=_tr files these under context ""."""
    return QCoreApplication.translate("", text)


def system_language() -> str:
    """zh* → Chinese, anything else → English."""
    return "zh_CN" if QLocale.system().name().lower().startswith("zh") else "en"


def configured_language(settings: QSettings) -> str:
    value = settings.value(LANGUAGE_KEY, "")
    return value if isinstance(value, str) and value in LANGUAGES else system_language()


def save_language(settings: QSettings, language: str) -> None:
    settings.setValue(LANGUAGE_KEY, language)
    settings.sync()


def qt_translations_dir() -> Path:
    """Where Qt's own translations (qtbase_*.qm) are: the PySide6 wheel's, or the bundle's copy of them."""
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def _install_qt_translation(app: QCoreApplication, language: str) -> bool:
    """Qt's own strings (Save/Discard/Cancel, Yes/No, the file dialogs) in `language`; Qt's source is English."""
    translator = QTranslator(app)
    if not translator.load(f"qtbase_{language}", str(qt_translations_dir())):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True


def install_translator(language: str) -> bool:
    """Replace the app's translators; True when an English translation was loaded. Chinese also loads Qt's
    own zh_CN translation so that its standard buttons are not left in English."""
    app = QCoreApplication.instance()
    if app is None:
        return False
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if language == "zh_CN":
        _install_qt_translation(app, language)
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        return False
    translator = QTranslator(app)
    if not translator.load(str(I18N_DIR / "subsidy_en.qm")):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    return True
