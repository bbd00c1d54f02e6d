#!/usr/bin/env python3
"""gen-html-corpus.py: the benchmark's HTML corpus. Wraps each Wikinews
article (url,date,title,text CSV) in a news-page template of one of three
kinds, as real pages are built, and writes

  OUT/pages/NNNNN.html   one page per file
  OUT/pages.warc.gz      the same pages as a crawl (tools/make-warc.py)
  OUT/pages.jsonl        the same articles as JSON Lines (the coder alone)

repeating the articles until the HTML reaches MIN_MB megabytes. Standard
library only; deterministic.

  tools/gen-html-corpus.py OUT MIN_MB wikinews_2019.csv wikinews_2020.csv

The templates: a WordPress post (theme CSS, jQuery and plugin scripts,
Yoast JSON-LD, share and related blocks, comments, widgets), a news site
(a large inline state script, ad slots, og: tags, JSON-LD, a cookie banner,
most-read lists, a mega-menu) and a plain blog. Pages are 15-50 KB, of
which the article is 1-10 KB and about half is script and style. Real
news pages are larger (100-300 KB) and carry more script, which the
reader drops before parsing, so this corpus, if anything, flatters
nothing.
"""
import csv
import gzip
import html
import io
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import importlib.util
_spec = importlib.util.spec_from_file_location(
    "make_warc", os.path.join(os.path.dirname(os.path.abspath(__file__)), "make-warc.py"))
make_warc = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_warc)

csv.field_size_limit(1 << 30)

SECTIONS = ["World", "Politics", "Business", "Science", "Health", "Sport", "Culture",
            "Opinion", "Technology", "Environment", "Africa", "Asia", "Europe", "Americas"]


def css(n):
    rules = []
    for i in range(n):
        rules.append(".c-block-%d{display:flex;margin:0 0 %dpx;padding:4px 8px;"
                     "font:400 16px/1.5 Georgia,serif;color:#1a1a1a}" % (i, i % 24))
        rules.append("@media (min-width:%dpx){.c-block-%d .c-item{flex:1 1 %d%%}}" % (600 + i, i, 10 + i % 80))
    return "\n".join(rules)


def script_blob(n, seed):
    parts = []
    for i in range(n):
        parts.append("function m%d_%d(e,t){var n=e&&e.items||[];for(var r=0;r<n.length;r++)"
                     "{if(n[r].id===t){return n[r]}}return null}" % (seed, i))
        parts.append("window.__cfg%d={\"slot\":\"div-gpt-%d\",\"sizes\":[[300,250],[728,90]],"
                     "\"targeting\":{\"section\":\"news\",\"pos\":%d}};" % (i, i, i))
    return "\n".join(parts)


def nav(n):
    return "".join('<li class="menu-item menu-item-%d"><a href="/%s/%d">%s %d</a></li>'
                   % (i, SECTIONS[i % len(SECTIONS)].lower(), i, SECTIONS[i % len(SECTIONS)], i)
                   for i in range(n))


def paragraphs(text):
    paras = [p.strip() for p in text.replace("\r", "").split("\n") if p.strip()]
    return paras


def related(others):
    return "".join('<li class="related-item"><a href="/story/%d"><span class="related-title">%s</span></a>'
                   '<time datetime="2020-01-01">1 Jan</time></li>' % (i, html.escape(t))
                   for i, t in enumerate(others))


def wordpress(a, others, k):
    body = "\n".join("<p>%s</p>" % html.escape(p) for p in paragraphs(a["text"]))
    ld = json.dumps({"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "name": a["title"]},
        {"@type": "Article", "headline": a["title"], "datePublished": a["date"] + "T08:00:00+00:00",
         "author": {"@type": "Person", "name": "Staff writer"},
         "publisher": {"@type": "Organization", "name": "Wiki Dispatch"}}]})
    return """<!DOCTYPE html>
<html lang="en-US"><head><meta charset="UTF-8"><title>%(t)s &#8211; Wiki Dispatch</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<script type="application/ld+json" class="yoast-schema-graph">%(ld)s</script>
<style id="wp-block-library-inline-css">%(css)s</style>
<script src="/wp-includes/js/jquery/jquery.min.js?ver=3.7.1" id="jquery-core-js"></script>
<script id="theme-js-extra">%(js)s</script>
</head><body class="post-template-default single single-post postid-%(k)d has-sidebar">
<div id="page" class="site"><a class="skip-link screen-reader-text" href="#primary">Skip to content</a>
<header id="masthead" class="site-header"><div class="site-branding"><p class="site-title"><a href="/">Wiki Dispatch</a></p></div>
<nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu">%(nav)s</ul></nav></header>
<div id="content" class="site-content"><main id="primary" class="site-main">
<article id="post-%(k)d" class="post-%(k)d post type-post status-publish format-standard hentry category-news">
<header class="entry-header"><h1 class="entry-title">%(t)s</h1><div class="entry-meta"><span class="posted-on">
<time class="entry-date published" datetime="%(d)sT08:00:00+00:00">%(d)s</time></span><span class="byline"> by
<span class="author vcard"><a class="url fn n" href="/author/staff/">Staff writer</a></span></span></div></header>
<div class="entry-content">
%(body)s
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3><ul><li class="share-twitter"><a href="?share=twitter">Twitter</a></li><li class="share-facebook"><a href="?share=facebook">Facebook</a></li></ul></div>
<div id="jp-relatedposts" class="jp-relatedposts"><h3>Related</h3><ul>%(rel)s</ul></div>
</div></article>
<div id="comments" class="comments-area"><h2 class="comments-title">Comments</h2><ol class="comment-list">
<li class="comment"><div class="comment-content"><p>%(c)s</p></div></li></ol>
<div id="respond" class="comment-respond"><form id="commentform"><textarea name="comment"></textarea></form></div></div>
</main><aside id="secondary" class="widget-area"><section class="widget widget_recent_entries"><h2 class="widget-title">Recent Posts</h2><ul>%(rel)s</ul></section></aside></div>
<footer id="colophon" class="site-footer"><div class="site-info">Proudly powered by WordPress</div></footer></div>
<script src="/wp-content/plugins/jetpack/_inc/build/sharedaddy/sharing.min.js"></script>
</body></html>
""" % {"t": html.escape(a["title"]), "ld": ld, "css": css(90), "js": script_blob(60, k),
       "k": k, "nav": nav(40), "d": a["date"], "body": body, "rel": related(others),
       "c": html.escape(others[0] if others else "")}


def newssite(a, others, k):
    body = "\n".join('<p class="c-paragraph">%s</p>' % html.escape(p) for i, p in enumerate(paragraphs(a["text"])))
    state = json.dumps({"article": {"id": k, "headline": a["title"], "section": "world",
                                    "related": others, "tags": SECTIONS},
                        "ads": {"slots": ["top", "mid", "bottom"] * 30},
                        "user": {"consent": None, "segments": list(range(200))}})
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": a["title"],
                     "datePublished": a["date"] + "T06:00:00Z", "author": [{"@type": "Person", "name": "Reporter"}],
                     "publisher": {"@type": "Organization", "name": "The Wiki Ledger"}})
    return """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>%(t)s | The Wiki Ledger</title>
<meta property="og:site_name" content="The Wiki Ledger"><meta property="og:title" content="%(t)s">
<meta property="og:url" content="%(u)s"><meta property="article:published_time" content="%(d)sT06:00:00Z">
<script type="application/ld+json">%(ld)s</script>
<script>window.__PRELOADED_STATE__=%(state)s;</script>
<script>%(js)s</script>
<style>%(css)s</style></head>
<body class="article-page"><div class="c-cookie-consent" id="onetrust-banner-sdk"><p>We and our partners use cookies to personalise content and ads.</p><button>Accept all</button></div>
<header class="c-masthead"><a href="/" class="c-logo">The Wiki Ledger</a><nav class="c-nav"><ul>%(nav)s</ul></nav></header>
<main id="main-content"><article class="c-article"><div class="c-article__header"><span class="c-kicker">World</span>
<h1 class="c-headline">%(t)s</h1><p class="c-byline">By Reporter</p><time class="c-timestamp" datetime="%(d)sT06:00:00Z">%(d)s</time></div>
<div class="c-share"><a href="#">Share on X</a> <a href="#">Share on Facebook</a></div>
<figure class="c-lead-image"><img src="/img/%(k)d.jpg" alt=""><figcaption>Photograph: Agency</figcaption></figure>
<div class="article-body" itemprop="articleBody">
%(body)s
<div class="ad-slot ad-slot--mid"><p>Advertisement</p></div>
<div class="c-newsletter-signup"><h3>Get the briefing</h3><p>Sign up to our newsletter.</p></div>
</div></article>
<section class="c-most-read"><h2>Most read</h2><ol>%(rel)s</ol></section></main>
<footer class="c-footer"><nav><ul>%(nav)s</ul></nav><p>&copy; The Wiki Ledger</p></footer>
<script async src="https://ads.example/tag.js"></script></body></html>
""" % {"t": html.escape(a["title"], quote=True), "u": html.escape(a["url"], quote=True),
       "d": a["date"], "ld": ld, "state": state, "js": script_blob(70, k), "css": css(70),
       "nav": nav(80), "k": k, "body": body, "rel": related(others)}


def blog(a, others, k):
    body = "<br><br>\n".join(html.escape(p) for p in paragraphs(a["text"]))
    return """<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>%(t)s - A Wiki Notebook</title><style>%(css)s</style><script>%(js)s</script></head>
<body><div id="wrapper"><div id="header"><h2><a href="/">A Wiki Notebook</a></h2></div>
<div id="navbar"><ul>%(nav)s</ul></div><div id="main"><div class="post">
<h1 class="post-title">%(t)s</h1><div class="post-header">Posted by <a rel="author" href="/me">Tom</a> on <time datetime="%(d)s">%(d)s</time></div>
<div class="post-body">%(body)s</div><div class="post-footer">Labels: news</div></div></div>
<div id="sidebar"><h2>Blog Archive</h2><ul>%(rel)s</ul></div></div></body></html>
""" % {"t": html.escape(a["title"]), "css": css(40), "js": script_blob(30, k), "nav": nav(20),
       "d": a["date"], "body": body, "rel": related(others)}


def main(argv):
    if len(argv) < 3:
        sys.stderr.write(__doc__)
        return 2
    out, min_mb, csvs = argv[0], float(argv[1]), argv[2:]
    arts = []
    for path in csvs:
        with open(path, newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                if row["text"].strip():
                    arts.append(row)
    os.makedirs(os.path.join(out, "pages"), exist_ok=True)
    templates = [wordpress, newssite, blog]
    total, k = 0, 0
    warc = open(os.path.join(out, "pages.warc.gz"), "wb")
    jl = open(os.path.join(out, "pages.jsonl"), "w", encoding="utf-8")
    while total < min_mb * 1e6:
        for i, a in enumerate(arts):
            others = [arts[(i + j) % len(arts)]["title"] for j in range(1, 9)]
            page = templates[k % 3](a, others, k).encode("utf-8")
            with open(os.path.join(out, "pages", "%05d.html" % k), "wb") as f:
                f.write(page)
            uri = "https://news.example/%d" % k
            for r in make_warc.page_records(uri, page):
                warc.write(gzip.compress(r, compresslevel=6, mtime=0))
            jl.write(json.dumps({"id": str(k), "date": a["date"], "title": a["title"],
                                 "text": "\n\n".join(paragraphs(a["text"])), "url": uri},
                                ensure_ascii=False) + "\n")
            total += len(page)
            k += 1
            if total >= min_mb * 1e6:
                break
    warc.close()
    jl.close()
    sys.stderr.write("gen-html-corpus: %d pages, %.1f MB of HTML\n" % (k, total / 1e6))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
