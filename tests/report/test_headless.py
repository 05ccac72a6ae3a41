"""Headless PDF export picks its Qt platform by OS: offscreen only on Linux/X11 systems without a display;
Windows and macOS keep their own platform plugin and with it the system's fonts (微软雅黑, 苹方)."""

from __future__ import annotations

import pytest

from ui.report.headless import needs_offscreen


@pytest.mark.parametrize("platform", ["win32", "cygwin", "darwin"])
@pytest.mark.parametrize("environ", [{}, {"DISPLAY": ":0"}, {"WAYLAND_DISPLAY": "wayland-0"}])
def test_windows_and_macos_never_go_offscreen(platform: str, environ: dict[str, str]) -> None:
    assert needs_offscreen(platform, environ) is False


@pytest.mark.parametrize(("environ", "offscreen"), [
    ({}, True),
    ({"DISPLAY": ""}, True),
    ({"DISPLAY": ":0"}, False),
    ({"WAYLAND_DISPLAY": "wayland-0"}, False),
])
@pytest.mark.parametrize("platform", ["linux", "freebsd14"])
def test_unix_goes_offscreen_only_without_a_display(platform: str, environ: dict[str, str], offscreen: bool) -> None:
    assert needs_offscreen(platform, environ) is offscreen
