"""`python -m kqllint`."""

from kqllint.cli import run

if __name__ == "__main__":
    run()
