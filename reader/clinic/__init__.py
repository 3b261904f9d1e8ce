"""A clinic's own details (clinic.toml), kept apart from the handbook: finding the file,
reading it as untrusted input, the "Your care team" page and the card it makes."""
