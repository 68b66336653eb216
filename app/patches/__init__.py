"""Pure Data patches on the client side: checking and zipping them before upload (pure Python)."""
