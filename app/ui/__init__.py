"""The browser UI: routing, screens and templates; the DOM itself is reached only via `browser.py`."""
