"""Clients of the services the app talks to, and the transports they send requests through."""
