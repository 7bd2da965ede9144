"""eventwire: evidence-linked, structured event data from news articles."""

__version__ = "0.1.0"
