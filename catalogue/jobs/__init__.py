"""The content-addressed cache and the parallel runner of the media and print jobs.

It knows no kind of job: each job carries typed parameters that make its own files.
"""
