"""Reading a WebAssembly module's imports and exports, enough to check what a build exposes."""

IMPORT_SECTION, EXPORT_SECTION = 2, 7
KINDS = {0: "function", 1: "table", 2: "memory", 3: "global"}


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data, self.at = data, 0

    def byte(self) -> int:
        self.at += 1
        return self.data[self.at - 1]

    def uleb(self) -> int:
        result = shift = 0
        while True:
            b = self.byte()
            result |= (b & 0x7F) << shift
            shift += 7
            if b < 0x80:
                return result

    def name(self) -> str:
        size = self.uleb()
        self.at += size
        return self.data[self.at - size : self.at].decode()


def interface(module: bytes) -> tuple[list[str], dict[str, str]]:
    """(imports as `module.name`, exports as name → kind)."""
    assert module[:8] == b"\0asm\1\0\0\0", "not a WebAssembly 1.0 module"
    reader, imports, exports = _Reader(module), [], {}
    reader.at = 8
    while reader.at < len(module):
        section, size = reader.byte(), reader.uleb()
        end = reader.at + size
        if section == IMPORT_SECTION:
            for _ in range(reader.uleb()):
                imports.append(f"{reader.name()}.{reader.name()}")
                _skip_import_type(reader)
        elif section == EXPORT_SECTION:
            for _ in range(reader.uleb()):
                name, kind = reader.name(), reader.byte()
                reader.uleb()
                exports[name] = KINDS[kind]
        reader.at = end
    return imports, exports


def _skip_import_type(reader: _Reader) -> None:
    kind = reader.byte()
    if kind == 0:
        reader.uleb()
    elif kind == 1:
        reader.byte()
        _skip_limits(reader)
    elif kind == 2:
        _skip_limits(reader)
    else:
        reader.byte()
        reader.byte()


def _skip_limits(reader: _Reader) -> None:
    if reader.byte() & 1:
        reader.uleb()
    reader.uleb()
