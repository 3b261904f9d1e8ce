"""Handbook Reader: an offline reader for a family handbook on gene therapy for PI."""

__version__ = "0.1.0"
APP_NAME = "Handbook Reader"
APP_ID = "handbook-reader"
DESKTOP_ID = "io.github.handbook_reader.HandbookReader"
