#!/usr/bin/env python3
"""make-warc.py: write a WARC file (and its .warc.gz twin, one gzip member
per record, as crawlers write them) holding HTML pages as HTTP responses.
Standard library only; the output is byte-for-byte deterministic (record
ids and dates derive from the inputs), so the test fixtures can be
regenerated and compared.

  tools/make-warc.py [--fixture] OUT.warc PAGE.html...

Writes OUT.warc and OUT.warc.gz. Each page becomes a request record and a
response record (HTTP/1.1 200, text/html). With --fixture the archive also
holds the records a real crawl has and a reader must pass over or decode:
a warcinfo record, a WARC/1.1 record, an image, a redirect, a metadata
record, a revisit record, and one page sent with chunked transfer
encoding and gzip content encoding.

tests/cli/fixtures/warc/pages.warc{,.gz} are made with:
  tools/make-warc.py --fixture tests/cli/fixtures/warc/pages.warc \\
      tests/cli/fixtures/html/{wordpress,news,blog,nobody,latin1}.html
"""
import gzip
import hashlib
import io
import os
import sys
import zlib

DATE = "2025-04-03T12:00:00Z"


def rid(*parts):
    h = hashlib.sha1("\0".join(parts).encode("utf-8")).hexdigest()
    return "<urn:uuid:%s-%s-%s-%s-%s>" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:32])


def record(wtype, uri, content, ctype, version="1.0", extra=()):
    head = ["WARC/%s" % version, "WARC-Type: %s" % wtype,
            "WARC-Record-ID: %s" % rid(wtype, uri or "", str(len(content))),
            "WARC-Date: %s" % DATE]
    if uri:
        head.append("WARC-Target-URI: %s" % uri)
    head.extend(extra)
    head.append("Content-Type: %s" % ctype)
    head.append("Content-Length: %d" % len(content))
    return ("\r\n".join(head) + "\r\n\r\n").encode("utf-8") + content + b"\r\n\r\n"


def http(status, headers, body):
    lines = ["HTTP/1.1 %s" % status] + ["%s: %s" % kv for kv in headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


def request(uri):
    path = "/" + uri.split("/", 3)[3] if uri.count("/") >= 3 else "/"
    host = uri.split("/")[2]
    req = ("GET %s HTTP/1.1\r\nHost: %s\r\nUser-Agent: parley-test\r\n\r\n" % (path, host)).encode()
    return record("request", uri, req, "application/http; msgtype=request")


def page_records(uri, html):
    # Name the charset only when it is UTF-8; other pages say theirs in a
    # <meta>, as old sites do.
    try:
        html.decode("utf-8")
        ctype = "text/html; charset=utf-8"
    except UnicodeDecodeError:
        ctype = "text/html"
    body = http("200 OK", [("Content-Type", ctype),
                           ("Content-Length", str(len(html)))], html)
    return [request(uri), record("response", uri, body, "application/http; msgtype=response")]


def chunked(data, size=700):
    out = io.BytesIO()
    for i in range(0, len(data), size):
        piece = data[i:i + size]
        out.write(b"%x;ext=1\r\n" % len(piece) + piece + b"\r\n")
    out.write(b"0\r\n\r\n")
    return out.getvalue()


def uri_for(path):
    name = os.path.splitext(os.path.basename(path))[0]
    return "https://news.example/%s" % name


def write(out, records):
    with open(out, "wb") as f:
        for r in records:
            f.write(r)
    with open(out + ".gz", "wb") as f:
        for r in records:
            # One member per record, mtime 0: deterministic bytes.
            buf = io.BytesIO()
            with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, filename="") as g:
                g.write(r)
            f.write(buf.getvalue())


def main(argv):
    fixture = False
    if argv and argv[0] == "--fixture":
        fixture = True
        argv = argv[1:]
    if len(argv) < 2:
        sys.stderr.write(__doc__)
        return 2
    out, pages = argv[0], argv[1:]
    recs = []
    if fixture:
        info = b"software: tools/make-warc.py\r\nformat: WARC File Format 1.0\r\n"
        recs.append(record("warcinfo", None, info, "application/warc-fields"))
    for i, p in enumerate(pages):
        with open(p, "rb") as f:
            html = f.read()
        uri = uri_for(p)
        if fixture and i == 1:
            # Chunked and gzip-encoded, as a server sends it, in a WARC/1.1
            # record whose target URI is in angle brackets (as the 1.1
            # spec's examples write it).
            gz = gzip.compress(html, mtime=0)
            body = http("200 OK", [("Content-Type", "text/html; charset=UTF-8"),
                                   ("Content-Encoding", "gzip"),
                                   ("Transfer-Encoding", "chunked")], chunked(gz))
            recs.append(request(uri))
            recs.append(record("response", "<%s>" % uri, body,
                               "application/http;msgtype=response", version="1.1"))
        else:
            recs.extend(page_records(uri, html))
        if fixture and i == 0:
            img = http("200 OK", [("Content-Type", "image/jpeg")], b"\xff\xd8\xff\xe0JFIF\x00" * 8)
            recs.append(record("response", "https://news.example/img/port.jpg", img,
                               "application/http; msgtype=response"))
            moved = http("301 Moved Permanently", [("Location", uri), ("Content-Type", "text/html")],
                         b"<html><body><p>Kenya signed a trade agreement with Ethiopia.</p></body></html>")
            recs.append(record("response", uri + "?amp=1", moved, "application/http; msgtype=response"))
            recs.append(record("metadata", uri, b"via: https://news.example/\r\n",
                               "application/warc-fields"))
            recs.append(record("revisit", uri, http("200 OK", [("Content-Type", "text/html")], b""),
                               "application/http; msgtype=response",
                               extra=("WARC-Profile: http://netpreserve.org/warc/1.0/revisit/identical-payload-digest",)))
    write(out, recs)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
