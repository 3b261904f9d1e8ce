"""What a screen reader gets: the reading view as a document, and spoken announcements."""
