"""The content-addressed cache of the media and print jobs."""
