"""Web media jobs: photo variants, QR code files and share cards, planned with typed parameters.

The bytes are made by `catalogue.makers`; the jobs are cached and run by `catalogue.jobs`.
"""
