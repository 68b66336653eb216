"""One adapter per source; browser-only, each loads its third-party script on first use."""
