"""The C toolchains binary targets are built with, one per platform of the target grammar
(`vst2/win/x64`): Debian's gcc for Linux x86-64, mingw-w64 for Windows. Each is called by its
triplet, so a Linux build is x86-64 whatever machine the server runs on."""

import shutil
from dataclasses import dataclass


@dataclass(frozen=True)
class Toolchain:
    platform: str
    """The tail of a target's path: `linux/x64`."""
    triplet: str
    package: str
    """The Debian package that brings the compilers."""
    library: str
    """What a shared library's file name ends with."""
    shared_flags: tuple[str, ...]
    """Link flags for a shared library that needs nothing the target machine may lack."""

    @property
    def cc(self) -> str:
        return f"{self.triplet}-gcc"

    @property
    def cxx(self) -> str:
        return f"{self.triplet}-g++"

    @property
    def make_variables(self) -> list[str]:
        return [f"CC={self.cc}", f"CXX={self.cxx}"]

    def missing(self) -> list[str]:
        """What this machine lacks to build with it; empty when it can."""
        lacking = [tool for tool in (self.cc, self.cxx, "make") if shutil.which(tool) is None]
        return [f"{tool} (Debian package {'make' if tool == 'make' else self.package})" for tool in lacking]


LINUX_X64 = Toolchain("linux/x64", "x86_64-linux-gnu", "g++", ".so", ("-shared",))
WINDOWS_STATIC = ("-shared", "-static", "-static-libgcc", "-static-libstdc++")
WINDOWS_X64 = Toolchain("win/x64", "x86_64-w64-mingw32", "mingw-w64", ".dll", WINDOWS_STATIC)
WINDOWS_X86 = Toolchain("win/x86", "i686-w64-mingw32", "mingw-w64", ".dll", WINDOWS_STATIC)
