"""adoptreport: grounded reports on what AI can take on in an organisation's engineering work."""

__version__ = "0.1.0"
