"""newsfacts: an analytical data warehouse that turns news articles into countable facts."""

__version__ = "0.1.0"
