"""The frozen executable's script (PyInstaller needs a file): the same entry point as the
``tit-desktop`` command. No arguments open the window; arguments run the command line."""

import sys

from tit_desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
