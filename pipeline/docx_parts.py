"""The parts of a .docx (a ZIP of XML files), read within bounds.

    DocxParts(path, data)                    (raises UnsupportedFormat / TooLarge)
    parts.raw(name) -> bytes | None
    parts.xml(name, what) -> etree root | None   (a damaged optional part: None and a warning)

Before anything is decompressed, the ZIP directory's sizes are checked against
--max-unzipped (a decompression bomb is refused from its directory); each part is
then read with a bounded read, so that a directory that lies about its sizes cannot
inflate past the limit either. XML is parsed without entity expansion, network
access or libxml2's "huge" mode (its default depth and node-size limits stay on).
"""
from __future__ import annotations

import io
import zipfile
import zlib
from typing import Optional

from lxml import etree

from vanban.schemas.models import Warning

from . import limits
from .errors import UnsupportedFormat

#: the parser for every part: no entities, no network, libxml2's default size limits
PARSER_OPTIONS = dict(resolve_entities=False, no_network=True, huge_tree=False)


class DocxParts:
    def __init__(self, path: str, data: bytes):
        self.path = path
        self.warnings: list[Warning] = []
        try:
            self.zf = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zf.infolist()
        except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError) as exc:
            raise UnsupportedFormat(path, f"a damaged .docx (not a readable ZIP: {exc})")
        self.cap = limits.current().max_unzipped
        self.infos = {i.filename: i for i in infos}
        limits.check(path, "the unzipped size of the .docx", sum(i.file_size for i in infos), self.cap,
                     "--max-unzipped", in_bytes=True)

    def raw(self, name: str) -> Optional[bytes]:
        info = self.infos.get(name)
        if info is None:
            return None
        try:
            with self.zf.open(info) as fh:
                data = fh.read(self.cap + 1 if self.cap > 0 else -1)
        except (zipfile.BadZipFile, zlib.error, ValueError, OSError, EOFError, NotImplementedError) as exc:
            raise UnsupportedFormat(self.path, f"a damaged .docx ({name} cannot be unzipped: {exc})")
        limits.check(self.path, f"the unzipped {name}", len(data), self.cap, "--max-unzipped", in_bytes=True)
        return data

    def xml(self, name: str, without: str, required: bool = False):
        """The parsed part; a damaged optional part is left out with a warning `<name> is damaged; read without <without>`."""
        try:
            data = self.raw(name)
        except UnsupportedFormat:
            if required:
                raise
            data, damaged = None, "cannot be unzipped"
        else:
            damaged = None
        if data is not None:
            try:
                return etree.fromstring(data, parser=etree.XMLParser(**PARSER_OPTIONS))
            except (etree.XMLSyntaxError, ValueError) as exc:
                if required:
                    raise UnsupportedFormat(self.path, f"a damaged .docx ({name}: {exc})")
                damaged = str(exc).splitlines()[0] if str(exc) else "not XML"
        if damaged:
            short = name.rsplit("/", 1)[-1]
            self.warnings.append(Warning(code="docx_part_damaged", location=name,
                                         message=f"{short} is damaged; read without {without} ({damaged})"))
        return None
