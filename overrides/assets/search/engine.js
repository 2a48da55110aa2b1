/* The search engine behind Material's search dialog, loaded into the search worker by worker.js
   (which speaks Material's message protocol) only when the reader opens search or types.
   createEngine(config, post) returns { prefetch(), query(text) }; query results go to post().

   - Index: only the reader's language (search/<lang>.json, written by scripts/hooks/search.py),
     fetched on prefetch() (the reader opened search) or on the first query.
   - Chinese: a typed run is cut at question and function words (怎么, 如何, 吗, 的 ...) and each piece
     must occur in the page as a substring, so no word list or build-time segmentation is needed.
     Mixed queries ("FM卡", "eSIM注销") work the same.
   - English: Porter stems on both sides (cancelled = cancelling = cancel); the last word typed also
     matches as a prefix, so results appear while typing.
   - Every query word must occur somewhere in a page; failing that, the pages with most words are
     listed and the missing words are shown struck through (Material's stock "missing" display).
   - Ranking: alias > page title > section heading > description > body text, plus a bonus when the
     whole query is an alias or occurs in a title or heading. Section hits link to the section anchor. */
var WEIGHT = { aliases: 12, title: 8, heading: 5, description: 3, text: 1 };
/* Chinese: cut points inside a typed run (kept to words that rarely sit inside content words). */
var STOP = {
  zh: "怎么办 怎么样 怎么 怎样 如何 为什么 什么 哪里 哪儿 在哪 请问 一下 可不可以 可以 能否 能不能 是否 " +
      "吗 呢 吧 啊 呀 的 了 和 与 及 或者 我的 我",
  en: "a an the to of how do does did i my me is are can could should what which where when why for " +
      "in on at and or with from it its this that be if my your you"
};
var SNIPPET = 160;

var state = { indexUrl: null, docs: null, loading: null, latest: null, stop: {}, stopHan: /$^/ };

function norm(s) { return String(s || "").normalize("NFKC").toLowerCase(); }
function escapeHTML(s) {
  return String(s).replace(/[&<>"']/g, function (ch) {
    return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[ch];
  });
}
function escapeRegExp(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

var stemCache = new Map();
function stemOf(word) {
  var s = stemCache.get(word);
  if (s === undefined) {
    s = /^[a-z]+$/.test(word) ? self.porterStem(word) : word;
    stemCache.set(word, s);
  }
  return s;
}

var WORD = /[a-z0-9\u00df-\u024f]+(?:['\u2019][a-z]+)*/g;
/* A searchable field: its normalised text and, for Latin words, stem -> surface forms. */
function field(text) {
  var n = norm(text), stems = new Map(), m;
  WORD.lastIndex = 0;
  while ((m = WORD.exec(n))) {
    var word = m[0].replace(/['\u2019]s$/, "");
    var stem = stemOf(word);
    var forms = stems.get(stem);
    if (!forms) stems.set(stem, forms = new Map());
    forms.set(word, (forms.get(word) || 0) + 1);
  }
  return { n: n, stems: stems };
}

function prepare(raw) {
  var pages = [], byPath = new Map();
  raw.forEach(function (doc) {
    var path = doc.location.split("#")[0];
    var page = byPath.get(path);
    var entry = { doc: doc, fields: [] };
    if (!page || doc.location.indexOf("#") < 0) {
      page = { path: path, article: entry, sections: [] };
      byPath.set(path, page);
      pages.push(page);
      if (doc.aliases) entry.fields.push(["aliases", field(doc.aliases.join(" \u2016 ")), doc.aliases.map(norm)]);
      entry.fields.push(["title", field(doc.title)]);
      if (doc.description) entry.fields.push(["description", field(doc.description)]);
    } else {
      page.sections.push(entry);
      entry.fields.push(["heading", field(doc.title)]);
    }
    entry.fields.push(["text", field(doc.text)]);
  });
  return pages;
}

/* Query -> terms. Latin words (stemmed); Chinese runs cut at question and function words
   ("物联网卡怎么注销" -> 物联网卡, 注销). No word list needed: each Chinese chunk is matched against the
   page text itself (see match), which works the same in every browser. */
var TOKEN = /(\p{Script=Han}+)|([a-z0-9\u00df-\u024f]+(?:['\u2019][a-z]+)*)/gu;
function parse(query) {
  var n = norm(query), terms = [], seen = {}, m;
  function add(term) { if (!seen[term.text]) { seen[term.text] = true; terms.push(term); } }
  TOKEN.lastIndex = 0;
  while ((m = TOKEN.exec(n))) {
    if (m[1]) {
      var chunks = m[1].split(state.stopHan).filter(Boolean);
      (chunks.length ? chunks : [m[1]]).forEach(function (chunk) { add({ text: chunk, han: true }); });
    } else {
      var word = m[2].replace(/['\u2019]s$/, "");
      add({ text: word, han: false, stem: stemOf(word), prefix: false });
    }
  }
  var kept = terms.filter(function (t) { return t.han || !state.stop[t.text]; });
  if (kept.length) terms = kept;
  // The word being typed: match it as a prefix too, unless the reader already typed a space.
  var last = terms[terms.length - 1];
  if (last && !last.han && !/\s$/.test(query) && n.trim().endsWith(last.text)) last.prefix = true;
  return { terms: terms, phrase: n.replace(/\s+/g, " ").trim(), compact: n.replace(/\s+/g, "") };
}

/* A Chinese chunk in a field: every character must occur; quality is 1 for the chunk as a phrase,
   less when only pieces of it occur (sum of squared piece lengths), so 销户 + 停机 beats 销, 户, 停, 机. */
function matchHan(text, f) {
  var count = 0, i, j;
  for (i = f.n.indexOf(text); i >= 0 && count < 20; i = f.n.indexOf(text, i + text.length)) count++;
  if (count) return { count: count, quality: 1, forms: [text] };
  for (i = 0; i < text.length; i++) if (f.n.indexOf(text[i]) < 0) return { count: 0, quality: 0, forms: [] };
  var forms = [], sum = 0;
  for (i = 0; i < text.length; i = j) {
    for (j = text.length; j > i + 1 && f.n.indexOf(text.slice(i, j)) < 0; j--);
    if (j === i + 1) j = i + 1;
    if (j - i > 1) forms.push(text.slice(i, j));
    sum += (j - i) * (j - i);
  }
  return { count: 1, quality: sum / (text.length * text.length), forms: forms };
}

/* Occurrences of a term in a field, and the surface forms that matched (for highlighting). */
function match(term, f) {
  if (term.han) return matchHan(term.text, f);
  var count = 0, forms = [];
  var exact = f.stems.get(term.stem);
  if (exact) exact.forEach(function (c, word) { count += c; forms.push(word); });
  if (term.prefix && term.text.length >= 2)
    f.stems.forEach(function (wordsOfStem) {
      wordsOfStem.forEach(function (c, word) {
        if (word !== term.text && word.startsWith(term.text) && forms.indexOf(word) < 0) {
          count += c; forms.push(word);
        }
      });
    });
  if (!count && /[0-9]/.test(term.text) && f.n.indexOf(term.text) >= 0) {   // numbers inside longer runs
    count = 1; forms.push(term.text);
  }
  return { count: count, quality: 1, forms: forms };
}

/* Score one document: per term, its best field; plus a bonus when the whole query is an alias
   (or most of one) or occurs in a title or heading. */
var STRONG = { aliases: true, title: true, heading: true };
function scoreEntry(entry, q) {
  var score = 0, found = {}, strong = {}, forms = {};
  q.terms.forEach(function (term) {
    var best = 0;
    entry.fields.forEach(function (fl) {
      var r = match(term, fl[1]);
      if (!r.count) return;
      var s = WEIGHT[fl[0]] * r.quality * (1 + Math.min(r.count - 1, 4) * 0.1);
      if (s > best) best = s;
      if (STRONG[fl[0]] && r.quality === 1) strong[term.text] = true;
      r.forms.forEach(function (form) { forms[form] = true; });
    });
    if (best) { score += best; found[term.text] = best; }
  });
  var phrase = 0;
  if (q.terms.length && q.compact.length > 1) entry.fields.forEach(function (fl) {
    if (fl[0] === "aliases") {
      fl[2].forEach(function (alias) {
        var a = alias.replace(/\s+/g, ""), share = a.length / q.compact.length;
        if (a === q.compact) phrase = Math.max(phrase, 40);
        else if (a.indexOf(q.compact) >= 0) phrase = Math.max(phrase, 15);
        else if (a.length > 1 && q.compact.indexOf(a) >= 0) phrase = Math.max(phrase, 20 * share * share);
      });
    } else if ((fl[0] === "title" || fl[0] === "heading") && fl[1].n.replace(/\s+/g, "").indexOf(q.compact) >= 0) {
      phrase = Math.max(phrase, fl[0] === "title" ? 12 : 6);
    }
  });
  return { score: score + phrase, phrase: phrase, found: found, strong: strong, forms: Object.keys(forms) };
}

function highlighter(forms) {
  if (!forms.length) return null;
  forms = forms.slice().sort(function (a, b) { return b.length - a.length; });
  return new RegExp("(" + forms.map(function (f) { return escapeRegExp(escapeHTML(f)); }).join("|") + ")", "gi");
}
function mark(html, re) {
  return re ? html.replace(re, "<mark data-md-highlight>$1</mark>") : html;
}
function snippet(text, forms) {
  var n = norm(text), at = -1;
  forms.forEach(function (f) { var i = n.indexOf(f); if (i >= 0 && (at < 0 || i < at)) at = i; });
  if (text.length <= SNIPPET) return text.trim();
  var start = Math.max(0, at - 40);
  var out = text.slice(start, start + SNIPPET).trim();
  return (start > 0 ? "… " : "") + out + (start + SNIPPET < text.length ? " …" : "");
}

function item(entry, result, q) {
  var re = highlighter(result.forms), doc = entry.doc, terms = {};
  result.forms.forEach(function (f) { terms[f] = true; });
  q.terms.forEach(function (t) { if (!result.found[t.text] && !result.pageFound[t.text]) terms[t.text] = false; });
  var text = doc.text ? "<p>" + mark(escapeHTML(snippet(doc.text, result.forms)), re) + "</p>" : "";
  return { location: doc.location, title: mark(escapeHTML(doc.title), re), text: text,
           score: result.score, terms: terms };
}

function search(query) {
  var q = parse(query);
  if (!q.terms.length || !state.docs) return { items: [] };
  var pages = [];
  state.docs.forEach(function (page) {
    var article = scoreEntry(page.article, q);
    var sections = page.sections.map(function (s) { return { entry: s, result: scoreEntry(s, q) }; });
    var all = [article].concat(sections.map(function (s) { return s.result; }));
    // Page score: per term, its best weight anywhere on the page; the share of terms found in an
    // alias, title or heading; the best phrase bonus; a little for each further matching section.
    var best = {}, strong = {}, phrase = 0, spread = 0;
    all.forEach(function (r) {
      Object.keys(r.found).forEach(function (t) { best[t] = Math.max(best[t] || 0, r.found[t]); });
      Object.assign(strong, r.strong);
      phrase = Math.max(phrase, r.phrase);
      if (r !== article) spread += r.score;
    });
    var hits = Object.keys(best).length;
    if (!hits) return;
    var sum = Object.keys(best).reduce(function (acc, t) { return acc + best[t]; }, 0);
    var cover = Object.keys(strong).length / q.terms.length;
    all.forEach(function (r) { r.pageFound = best; });
    pages.push({ page: page, hits: hits, article: article, sections: sections,
                 score: sum + 10 * cover * cover + phrase + Math.min(spread * 0.05, 5) });
  });
  var most = pages.reduce(function (m, p) { return Math.max(m, p.hits); }, 0);
  // Every word required; if no page has them all, keep the pages with the most (missing ones struck).
  pages = pages.filter(function (p) { return p.hits === most; })
    .sort(function (a, b) { return b.score - a.score; });
  var items = pages.map(function (p) {
    var group = [item(p.page.article, p.article, q)];
    p.sections.filter(function (s) { return s.result.score > 0; })
      .sort(function (a, b) { return b.result.score - a.result.score; })
      .forEach(function (s) { group.push(item(s.entry, s.result, q)); });
    // Material draws the first item's score as the bar for sections shown open: keep best first.
    group.sort(function (a, b) { return b.score - a.score; });
    return group;
  });
  return { items: items };
}

function load() {
  if (!state.loading && state.indexUrl) {
    state.loading = fetch(state.indexUrl)
      .then(function (r) { if (!r.ok) throw new Error(r.status + " " + state.indexUrl); return r.json(); })
      .then(function (data) { state.docs = prepare(data.docs || []); })
      .catch(function (err) { state.loading = null; throw err; });
  }
  return state.loading || Promise.reject(new Error("search index not configured"));
}

self.createEngine = function (config, post) {
  state.indexUrl = config.index || null;
  state.stop = {};
  STOP.en.split(" ").forEach(function (w) { state.stop[w] = true; });
  state.stopHan = new RegExp(STOP.zh.split(" ").sort(function (a, b) { return b.length - a.length; }).join("|"), "g");
  return {
    prefetch: function () { load().catch(function () {}); },
    query: function (text) {
      state.latest = text;
      if (!String(text).trim()) return post({ items: [] });
      load().then(function () {
        if (state.latest === text) post(search(text));
      }, function () { post({ items: [] }); });
    }
  };
};
