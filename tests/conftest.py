"""Test-wide settings: Qt runs headless (offscreen) unless a display platform is chosen explicitly."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
