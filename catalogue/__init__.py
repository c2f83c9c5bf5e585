"""Static-site generator for a province's catalogue of OCOP-certified products."""

__version__ = "0.1.0"
