"""The local server: the app's files plus the Openwhyd- and heavy-compatible services."""
