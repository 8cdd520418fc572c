"""`python -m reviewlab` runs the command line."""

from reviewlab.cli import main

main()
