"""The `kqllint server` language server (needs the `lsp` extra: `pip install kqllint[lsp]`)."""
