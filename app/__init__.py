"""Tonearm's Python: domain logic and API clients (CPython and Pyodide alike), and the browser UI."""
