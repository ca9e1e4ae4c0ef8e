from tit_desktop.cli import main

main()
