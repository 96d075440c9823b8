from rasd.cli import main

main()
