"""The register's HMAC key, kept away from the register's folder (see docs/privacy.md).

Where a real credential store exists (Windows Credential Manager, macOS Keychain, Secret Service) the key
lives there through `keyring`; otherwise in a key file readable only by the user, in the configuration
folder, which is not the data folder that holds the register. Without the key the register's hashes cannot
be tested against guessed ID numbers.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import time
from pathlib import Path

from .app_dirs import APP
from .private_files import private_dir, private_file

KEYRING_SERVICE = "subsidy-calc register"
KEYRING_USER = "hmac-key"
ENV_KEY_DIR = "SUBSIDY_CALC_KEY_DIR"
KEY_FILE_NAME = "register.key"
KEY_BYTES = 32


class RegisterKeyError(Exception):
    """The key cannot be read or stored; the message is Chinese."""


def _parse(text: str | None) -> bytes | None:
    if not text:
        return None
    try:
        key = bytes.fromhex(text.strip())
    except ValueError:
        return None
    return key if len(key) == KEY_BYTES else None


class FileKeyStore:
    """The key as 64 hex characters in a 0600 file in a 0700 folder outside the data folder."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / KEY_FILE_NAME

    def describe(self) -> str:
        return f"密钥文件“{self.path}”"

    def load(self) -> bytes | None:
        for _ in range(20):  # a concurrent first use may be writing it this instant
            try:
                text = self.path.read_text(encoding="ascii")
            except FileNotFoundError:
                return None
            except (OSError, UnicodeDecodeError) as exc:
                raise RegisterKeyError(f"无法读取{self.describe()}:{exc}") from None
            key = _parse(text)
            if key is not None:
                return key
            time.sleep(0.05)
        raise RegisterKeyError(f"{self.describe()}已损坏")

    def create(self) -> bytes:
        """A new key, written only if no key file exists (O_EXCL); otherwise the existing key."""
        private_dir(self.path.parent)
        key = secrets.token_bytes(KEY_BYTES)
        try:
            fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        except FileExistsError:
            existing = self.load()
            if existing is None:
                raise RegisterKeyError(f"{self.describe()}已损坏") from None
            return existing
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(key.hex())
            handle.flush()
            os.fsync(handle.fileno())
        private_file(self.path)
        return key

    def erase(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()


class KeyringStore:
    """The key in the operating system's credential store (a `keyring` backend that really stores)."""

    def __init__(self, backend: object) -> None:
        self.backend = backend

    def describe(self) -> str:
        return f"系统凭据库({type(self.backend).__name__})"

    def load(self) -> bytes | None:
        try:
            return _parse(self.backend.get_password(KEYRING_SERVICE, KEYRING_USER))  # type: ignore[attr-defined]
        except Exception as exc:  # keyring backends raise their own errors (locked, denied)
            raise RegisterKeyError(f"无法从{self.describe()}读取登记库密钥:{type(exc).__name__}") from None

    def create(self) -> bytes:
        key = secrets.token_bytes(KEY_BYTES)
        try:
            self.backend.set_password(KEYRING_SERVICE, KEYRING_USER, key.hex())  # type: ignore[attr-defined]
        except Exception as exc:
            raise RegisterKeyError(f"无法把登记库密钥存入{self.describe()}:{type(exc).__name__}") from None
        stored = self.load()
        if stored is None:
            raise RegisterKeyError(f"{self.describe()}没有保存登记库密钥")
        return stored

    def erase(self) -> None:
        with contextlib.suppress(Exception):
            self.backend.delete_password(KEYRING_SERVICE, KEYRING_USER)  # type: ignore[attr-defined]


def real_keyring() -> object | None:
    """The keyring backend when it really stores secrets in the OS; None for the fail/null backends, an
    empty chain, plain-text files (keyrings.alt) or when keyring is not installed."""
    try:
        import keyring
        from keyring.backends import fail, null
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:
        return None
    if isinstance(backend, fail.Keyring | null.Keyring) or type(backend).__module__.startswith("keyrings.alt"):
        return None
    if hasattr(backend, "backends") and not backend.backends:
        return None
    return backend


def key_folder(data_folder: Path, default_data_folder: bool) -> Path:
    """Where the key file goes: SUBSIDY_CALC_KEY_DIR, else the user configuration folder (the default data
    folder's case), else a sibling of a data folder given by SUBSIDY_CALC_DATA_DIR. Never the data folder."""
    configured = os.environ.get(ENV_KEY_DIR)
    if configured:
        return Path(configured)
    if default_data_folder:
        from platformdirs import user_config_dir

        folder = Path(user_config_dir(APP, appauthor=False, roaming=True))
        if folder.resolve() != data_folder.resolve():
            return folder
    return data_folder.parent / f"{data_folder.name}-key"


def key_store(data_folder: Path, default_data_folder: bool) -> FileKeyStore | KeyringStore:
    """The credential store for the default data folder when the OS has one; else the key file. A data
    folder given by SUBSIDY_CALC_DATA_DIR (tests, portable copies) never touches the OS credential store."""
    if default_data_folder and not os.environ.get(ENV_KEY_DIR):
        backend = real_keyring()
        if backend is not None:
            return KeyringStore(backend)
    return FileKeyStore(key_folder(data_folder, default_data_folder))
