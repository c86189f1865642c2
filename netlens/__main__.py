from netlens.cli import main

main()
