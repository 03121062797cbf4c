"""XML messages: hardened parsing, the library's own XSDs, messages and streaming.

The messages follow DUO's published conventions: a business-document header
([`Bedrijfsdocument`][duo_domain.serialize.xml.header.Bedrijfsdocument]: UUID, sending and receiving party,
UTC moment),
lowerCamelCase element names, DUO's basic types for BSN, onderwijsnummer,
BRIN, postcode and the RIO codes. **The schemas are the library's own**:
DUO gives its definitive XSDs only to registered vendors. The namespaces are
``urn:duo-domain:schema:{basis,persoon,mbo,vo}:v1``, and every element name
is kept in one table (`duo_domain.serialize.xml._mapping`) so that it can
follow DUO's definitive schemas.

* [`dumps_message`][duo_domain.serialize.xml.messages.dumps_message] /
  [`read_message`][duo_domain.serialize.xml.messages.read_message] /
  [`loads_message`][duo_domain.serialize.xml.messages.loads_message]: whole messages;
* [`dumps`][duo_domain.serialize.xml.messages.dumps] / [`loads`][duo_domain.serialize.xml.messages.loads]: one
  domain object as its own element;
* [`write_stream`][duo_domain.serialize.xml.stream.write_stream] /
  [`read_stream`][duo_domain.serialize.xml.stream.read_stream]: a million records in flat memory;
* [`parse_bytes`][duo_domain.serialize.xml.parse_bytes]: the hardened parser everything goes through.

Examples:
    >>> import datetime as dt
    >>> from duo_domain.mbo.bpv import BpvAgreement
    >>> from duo_domain.serialize import xml
    >>> bpv = BpvAgreement("C3", "1", dt.date(2025, 1, 7), dt.date(2025, 2, 1), dt.date(2026, 1, 31),
    ...                    omvang=800, leerbedrijf_id="100018965", opleidingscode="25655")
    >>> xml.loads(xml.dumps(bpv)) == bpv
    True
"""

from duo_domain.serialize.xml._hardened import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_DEPTH,
    DEFAULT_MAX_NODES,
    XmlRefused,
    parse_bytes,
)

# For the other streaming readers of the serialize package (the TBG-i): not public API.
from duo_domain.serialize.xml._hardened import GuardedReader as GuardedReader
from duo_domain.serialize.xml._hardened import check_stream_root as check_stream_root
from duo_domain.serialize.xml._hardened import new_pull_parser as new_pull_parser
from duo_domain.serialize.xml._hardened import syntax_error as syntax_error
from duo_domain.serialize.xml._mapping import NS_BASIS, NS_MBO, NS_PERSOON, NS_VO
from duo_domain.serialize.xml.header import Bedrijfsdocument, Bericht
from duo_domain.serialize.xml.messages import (
    BERICHTSOORTEN,
    dumps,
    dumps_message,
    loads,
    loads_message,
    read_message,
    records_of,
)
from duo_domain.serialize.xml.stream import (
    DEFAULT_MAX_RECORD_BYTES,
    DEFAULT_MAX_STREAM_BYTES,
    MessageStream,
    read_stream,
    write_stream,
)

__all__ = [
    "BERICHTSOORTEN",
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_DEPTH",
    "DEFAULT_MAX_NODES",
    "DEFAULT_MAX_RECORD_BYTES",
    "DEFAULT_MAX_STREAM_BYTES",
    "NS_BASIS",
    "NS_MBO",
    "NS_PERSOON",
    "NS_VO",
    "Bedrijfsdocument",
    "Bericht",
    "MessageStream",
    "XmlRefused",
    "dumps",
    "dumps_message",
    "loads",
    "loads_message",
    "parse_bytes",
    "read_message",
    "read_stream",
    "records_of",
    "write_stream",
]
