"""`wirediff serve`: read-only web pages, JSON twins and Atom feeds over the store."""
