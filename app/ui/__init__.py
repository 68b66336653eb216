"""The browser UI: routing, screens and templates; the DOM itself is reached only through the ports
of `core/ports.py`, which `browser/` implements."""
