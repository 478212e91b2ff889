"""A small element tree from KML bytes, parsed safely and carrying line numbers.

``defusedxml``'s SAX driver refuses DTDs, entity declarations and external references before
expat can act on them (billion laughs, XXE). The standard ElementTree keeps no line numbers, so
we build our own light tree from the SAX events: an operator told "line 212" can find the bad
placemark. Namespace prefixes are dropped (``gx:Track`` → ``Track``, ``kml:id`` → ``id``): files from Google Earth,
QGIS and phones disagree on prefixes, never on local names.
"""

from __future__ import annotations

import xml.sax
from xml.sax.handler import ContentHandler

from defusedxml import DefusedXmlException
from defusedxml.sax import parseString

from db.errors import ImportRefused
from db.geo.overlay_model import MAX_NESTING

# XML elements deeper than this are refused (KML needs about ten plus one per folder level).
MAX_XML_DEPTH = MAX_NESTING + 20


class Node:
    """One XML element: local tag name, attributes, children, text and its line in the file."""

    __slots__ = ("tag", "attrs", "children", "parts", "line")

    def __init__(self, tag: str, attrs: dict[str, str], line: int) -> None:
        self.tag = tag
        self.attrs = attrs
        self.children: list[Node] = []
        self.parts: list[str] = []
        self.line = line

    @property
    def text(self) -> str:
        return "".join(self.parts).strip()

    def child(self, tag: str) -> Node | None:
        return next((c for c in self.children if c.tag == tag), None)

    def all(self, tag: str) -> list[Node]:
        return [c for c in self.children if c.tag == tag]

    def child_text(self, tag: str) -> str:
        node = self.child(tag)
        return node.text if node is not None else ""

    def iter(self) -> list[Node]:
        """This element and all below it, in document order (iterative: no recursion limit)."""
        out: list[Node] = []
        stack = [self]
        while stack:
            node = stack.pop()
            out.append(node)
            stack.extend(reversed(node.children))
        return out


def _local(name: str) -> str:
    return name.rsplit(":", 1)[-1]


class _TooDeep(Exception):
    def __init__(self, line: int) -> None:
        self.line = line


class _Builder(ContentHandler):
    def __init__(self) -> None:
        super().__init__()
        self.root: Node | None = None
        self.stack: list[Node] = []
        self.locator: xml.sax.xmlreader.Locator | None = None

    def setDocumentLocator(self, locator: xml.sax.xmlreader.Locator) -> None:
        self.locator = locator

    def line(self) -> int:
        return (self.locator.getLineNumber() or 0) if self.locator else 0

    def startElement(self, name: str, attrs: xml.sax.xmlreader.AttributesImpl) -> None:
        node = Node(_local(name), {_local(k): v for k, v in attrs.items()}, self.line())
        if self.stack:
            self.stack[-1].children.append(node)
        else:
            self.root = node
        if len(self.stack) >= MAX_XML_DEPTH:
            raise _TooDeep(node.line)
        self.stack.append(node)

    def endElement(self, name: str) -> None:
        self.stack.pop()

    def characters(self, content: str) -> None:
        self.stack[-1].parts.append(content)


def parse_xml(data: bytes, label: str) -> Node:
    """The root element of ``data``; ``ImportRefused`` naming ``label`` and the line if not XML."""
    builder = _Builder()
    try:
        parseString(data, builder, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise ImportRefused(
            [
                f"{label}:{builder.line()}: refused: the file declares a DTD or entities, which "
                "KML never needs (this is how entity-expansion and external-entity attacks work)"
            ]
        ) from None
    except xml.sax.SAXParseException as exc:
        raise ImportRefused(
            [f"{label}:{exc.getLineNumber()}: not well-formed XML ({exc.getMessage()})"]
        ) from None
    except _TooDeep as exc:
        raise ImportRefused(
            [f"{label}:{exc.line}: elements nested more than {MAX_XML_DEPTH} deep"]
        ) from None
    except (xml.sax.SAXException, ValueError, LookupError) as exc:
        # Unknown encodings and the like: expat reports them outside SAXParseException.
        raise ImportRefused([f"{label}: cannot be read as XML ({exc})"]) from None
    if builder.root is None:
        raise ImportRefused([f"{label}: the file holds no XML elements"])
    return builder.root
