"""The project's build tooling behind `build.py`: vendoring, archives, dist, serve, bench."""
