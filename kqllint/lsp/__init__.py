"""The `kqllint server` language server (needs the `lsp` extra: see the README's "Installing")."""
