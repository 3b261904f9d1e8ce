"""Small programs that tests run in a child process (never collected as tests)."""
