"""The library version, single source for packaging and receipts."""

__version__ = "0.2.0"
