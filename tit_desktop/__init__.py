"""TIT Desktop: the office application of the TIU inclusion programme."""

__version__ = "0.1.0"
APP_NAME = "tit-desktop"
APP_TITLE = "TIT Desktop"
