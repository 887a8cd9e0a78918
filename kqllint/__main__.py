"""`python -m kqllint`."""

from kqllint.cli import main

if __name__ == "__main__":
    main()
