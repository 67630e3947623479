"""Loaders: land raw articles (text, JSON, CSV, HTML, feeds, web archives, .gz) in the warehouse's raw schema.

from loaders import load_paths
summary = load_paths(["data/sample"], source="sample")
print(summary.line())
"""

from loaders.load import LoadSummary, load_paths

__all__ = ["LoadSummary", "load_paths"]
