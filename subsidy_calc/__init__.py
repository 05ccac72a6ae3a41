"""Subsidy calculator core: domain models, rule sets, engine and file formats (no Qt here, ever)."""

__version__ = "0.1.0"
