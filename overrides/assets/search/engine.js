/* The search engine behind Material's search dialog, loaded into the search worker by worker.js
   (which speaks Material's message protocol) only when the reader opens search or types.
   createEngine(config, post) returns { prefetch(), query(text) }; query results go to post().

   - Index: the reader's language only, sharded (scripts/sitelib/SEARCH_INDEX.md): opening search
     fetches meta.json, whose version must be the one this engine was built with (else search says
     it is unavailable); a query fetches the key shards its words need, in passes that stop once they
     have enough (see rank), then the result fragments of the best pages (at most MAX_PAGES).
   - Chinese: a typed run is cut at question and function words (怎么, 如何, 吗, 的 ...); each piece
     is matched through its character pairs: all pairs in one field count as the word; when no page
     has every word, every character must occur and the pieces found score less.
     Mixed queries ("FM卡", "eSIM注销") work the same.
   - English: Porter stems on both sides (cancelled = cancelling = cancel); the last word typed also
     matches as a prefix from its third letter, so results appear while typing.
   - Every query word must occur somewhere in a page; failing that, the pages with most words are
     listed and the missing words are shown struck through (Material's stock "missing" display).
   - Ranking: alias > page title > section heading > description > body text, plus a bonus when the
     whole query is an alias or occurs in a title or heading. Section hits link to the section anchor. */
var WEIGHT = { aliases: 12, title: 8, heading: 5, description: 3, text: 1 };
var MAX_PAGES = 10;  // results fetched and listed: Material draws the first ten at once
/* The index format: version, field bits, Han ranges, token pattern, key groups, hash, postings layout,
   folders. The build writes it here from scripts/sitelib/searchindex.py (FORMAT); the source only
   names it. */
var FORMAT = "__SEARCH_INDEX_FORMAT__";
var BITS = Object.keys(FORMAT.bits).map(function (name) { return [FORMAT.bits[name], name]; });
var DOC_MASK = (1 << FORMAT.docShift) - 1;
var TIER = FORMAT.tiers;   // key shard folders: strong (titles, headings, descriptions, aliases), text
/* Chinese: cut points inside a typed run (kept to words that rarely sit inside content words). */
var STOP = {
  zh: "怎么办 怎么样 怎么 怎样 如何 为什么 什么 哪里 哪儿 在哪 请问 一下 可不可以 可以 能否 能不能 是否 " +
      "吗 呢 吧 啊 呀 的 了 和 与 及 或者 我的 我",
  en: "a an the to of how do does did i my me is are can could should what which where when why for " +
      "in on at and or with from it its this that be if my your you"
};

/* loads: path -> promise (fetches in flight or done); shards: path -> parsed shard. */
var state = { base: null, meta: null, loads: new Map(), shards: new Map(),
              latest: null, stop: {}, stopHan: /$^/ };

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
    // The stemmer is loaded with the first Latin word: a search in Chinese never needs it.
    if (/^[a-z]+$/.test(word) && !self.porterStem) importScripts("stemmer.js");
    s = /^[a-z]+$/.test(word) ? self.porterStem(word) : word;
    stemCache.set(word, s);
  }
  return s;
}

/* Index layout (FORMAT, as scripts/sitelib/searchindex.py writes it). */
var IS_HAN = new RegExp("^[" + FORMAT.han + "]", "u");
function groupOf(key) { return IS_HAN.test(key) ? key : key.slice(0, FORMAT.groupPrefix); }
function fnv1a(s) {
  var h = FORMAT.fnv[0];
  for (var ch of s) h = Math.imul(h ^ ch.codePointAt(0), FORMAT.fnv[1]) >>> 0;
  return h;
}
function getJSON(path) {
  var url = state.base + path;
  return fetch(url).then(function (r) { if (!r.ok) throw new Error(r.status + " " + url); return r.json(); });
}
/* Cached fetch that forgets a failure, so the next keystroke retries. */
function cached(key, load) {
  if (!state.loads.has(key)) state.loads.set(key, load().catch(function (err) { state.loads.delete(key); throw err; }));
  return state.loads.get(key);
}
function loadMeta() {
  if (!state.base) return Promise.reject(new Error("search index not configured"));
  return cached("meta.json", function () {
    return getJSON("meta.json").then(function (meta) {
      if (meta.version !== FORMAT.version)
        throw new Error("search index format " + meta.version + ", this engine reads " + FORMAT.version);
      return meta;
    });
  }).then(function (meta) { state.meta = meta; return meta; });
}
function shardPath(tier, group) { return tier + "/" + fnv1a(group) % state.meta.shards[tier] + ".json"; }
function loadShards(tier, groups) {
  return Promise.all(groups.map(function (group) {
    var path = shardPath(tier, group);
    return cached(path, function () {
      return getJSON(path).then(function (shard) { state.shards.set(path, shard); return shard; });
    });
  }));
}
/* The loaded shards of the tiers in use that hold a group's keys. */
function shardsOf(group, tiers) {
  return tiers.map(function (tier) { return state.shards.get(shardPath(tier, group)) || {}; });
}

/* Postings: [page delta, n, (doc << docShift | field bits) * n, ...] -> calls fn(page, doc, bits). */
function eachPosting(list, fn) {
  for (var i = 0, page = 0; i < list.length;) {
    page += list[i];
    var n = list[i + 1];
    for (i += 2; n > 0; n--, i++) fn(page, list[i] >> FORMAT.docShift, list[i] & DOC_MASK);
  }
}
function fieldName(bit, doc) { return bit === FORMAT.bits.title && doc > 0 ? "heading" : BITS.find(function (b) { return b[0] === bit; })[1]; }

/* Hits of one term: "page:doc" -> { page, doc, fields: {name: quality}, forms: [..] }. */
function addHit(hits, page, doc, bit, quality, forms) {
  var id = page + ":" + doc, hit = hits.get(id);
  if (!hit) hits.set(id, hit = { page: page, doc: doc, fields: {}, forms: [] });
  var name = fieldName(bit, doc);
  hit.fields[name] = Math.max(hit.fields[name] || 0, quality);
  forms.forEach(function (f) { if (hit.forms.indexOf(f) < 0) hit.forms.push(f); });
}
function eachBit(bits, fn) { BITS.forEach(function (b) { if (bits & b[0]) fn(b[0]); }); }

/* Keys (Han) or key groups (Latin) a term reads: its character pairs, then (for a lone character,
   or when partial matches are wanted) its characters; or a word's first three letters (all words
   sharing them sit in one shard, for stems and prefixes). */
function groupsOfTerm(term, partial) {
  if (!term.han) return [groupOf(term.text)];
  var chars = Array.from(term.text), pairs = [];
  for (var i = 0; i + 1 < chars.length; i++) pairs.push(chars[i] + chars[i + 1]);
  return pairs.length && !partial ? pairs : pairs.concat(chars);
}

function latinHits(term, tiers) {
  var hits = new Map(), group = groupsOfTerm(term)[0];
  shardsOf(group, tiers).forEach(function (shard) {
    Object.keys(shard).forEach(function (word) {
      if (groupOf(word) !== group) return;
      if (stemOf(word) !== term.stem && !(term.prefix && term.text.length >= 3 && word.startsWith(term.text))) return;
      eachPosting(shard[word], function (page, doc, bits) {
        eachBit(bits, function (bit) { addHit(hits, page, doc, bit, 1, [word]); });
      });
    });
  });
  return hits;
}

/* Where a key occurs, over the tiers in use: "page:doc" -> field bits. */
function places(key, tiers) {
  var out = new Map();
  shardsOf(key, tiers).forEach(function (shard) {
    if (shard[key]) eachPosting(shard[key], function (page, doc, bits) {
      var id = page + ":" + doc;
      out.set(id, (out.get(id) || 0) | bits);
    });
  });
  return out;
}

/* A Chinese chunk: quality 1 when all its character pairs occur in one field; else (partial), when
   each of its characters does, the sum of squared piece lengths over the squared chunk length
   (销户 + 停机 beats 销, 户, 停, 机). */
function hanHits(term, tiers, partial) {
  var hits = new Map(), chars = Array.from(term.text), L = chars.length;
  var keys = groupsOfTerm(term, partial).map(function (key) { return places(key, tiers); });
  var pairs = keys.slice(0, L - 1), singles = keys.slice(L - 1);
  // Candidates: where every character occurs, or without partial matches, where every pair does.
  var need = singles.length ? singles : pairs;
  need[0].forEach(function (first, id) {
    var at = id.split(":"), page = +at[0], doc = +at[1], every = first;
    need.forEach(function (p) { every &= p.get(id) || 0; });
    eachBit(every, function (bit) {
      var have = pairs.map(function (p) { return ((p.get(id) || 0) & bit) !== 0; });
      if (have.every(Boolean)) return addHit(hits, page, doc, bit, 1, [term.text]);
      var sum = 0, forms = [];
      for (var i = 0, j; i < L; i = j + 1) {
        for (j = i; j < L - 1 && have[j]; j++);
        sum += (j - i + 1) * (j - i + 1);
        if (j > i) forms.push(chars.slice(i, j + 1).join(""));
      }
      addHit(hits, page, doc, bit, sum / (L * L), forms);
    });
  });
  return hits;
}

/* Query -> terms. Latin words (stemmed); Chinese runs cut at question and function words
   ("物联网卡怎么注销" -> 物联网卡, 注销). */
var TOKEN = new RegExp(FORMAT.token, "gu"), POSSESSIVE = new RegExp(FORMAT.possessive);
function parse(query) {
  var n = norm(query), terms = [], seen = {}, m, latinEnd = -1;
  function add(term) { if (!seen[term.text]) { seen[term.text] = true; terms.push(term); } }
  TOKEN.lastIndex = 0;
  while ((m = TOKEN.exec(n))) {
    if (m[1]) {
      var run = m[1];
      // A card named in Latin letters: "smart卡注销" is smart卡 + 注销, so 卡 stands on its own.
      if (m.index === latinEnd && run.length > 1 && run[0] === "卡") { add({ text: "卡", han: true }); run = run.slice(1); }
      var chunks = run.split(state.stopHan).filter(Boolean);
      (chunks.length ? chunks : [run]).forEach(function (chunk) { add({ text: chunk, han: true }); });
    } else {
      var word = m[2].replace(POSSESSIVE, "");
      add({ text: word, han: false, stem: stemOf(word), prefix: false });
      latinEnd = m.index + m[0].length;
    }
  }
  var kept = terms.filter(function (t) { return t.han || !state.stop[t.text]; });
  if (kept.length) terms = kept;
  // The word being typed: match it as a prefix too, unless the reader already typed a space.
  var last = terms[terms.length - 1];
  if (last && !last.han && !/\s$/.test(query) && n.trim().endsWith(last.text)) last.prefix = true;
  return { terms: terms, compact: n.replace(/\s+/g, "") };
}
function groupsOf(terms, partial) {
  var groups = [];
  terms.forEach(function (t) {
    groupsOfTerm(t, partial).forEach(function (g) { if (groups.indexOf(g) < 0) groups.push(g); });
  });
  return groups;
}

var STRONG = { aliases: true, title: true, heading: true };
/* Pages ranked on the postings alone: per term its best weight anywhere on the page, the share of
   terms found in an alias, title or heading, and a little for each further matching section. */
function rankPages(q, tiers, partial) {
  var pages = new Map();
  q.terms.forEach(function (term) {
    (term.han ? hanHits(term, tiers, partial) : latinHits(term, tiers)).forEach(function (hit) {
      var page = pages.get(hit.page);
      if (!page) pages.set(hit.page, page = { number: hit.page, docs: new Map(), best: {}, strong: {} });
      var doc = page.docs.get(hit.doc);
      if (!doc) page.docs.set(hit.doc, doc = { number: hit.doc, score: 0, forms: [] });
      var best = 0;
      Object.keys(hit.fields).forEach(function (name) {
        var quality = hit.fields[name];
        best = Math.max(best, WEIGHT[name] * quality);
        if (STRONG[name] && quality === 1) page.strong[term.text] = true;
      });
      doc.score += best;
      hit.forms.forEach(function (f) { if (doc.forms.indexOf(f) < 0) doc.forms.push(f); });
      page.best[term.text] = Math.max(page.best[term.text] || 0, best);
    });
  });
  var list = [];
  pages.forEach(function (page) {
    var spread = 0;
    page.docs.forEach(function (doc) { if (doc.number > 0) spread += doc.score; });
    var terms = Object.keys(page.best);
    var cover = Object.keys(page.strong).length / q.terms.length;
    page.hits = terms.length;
    page.score = terms.reduce(function (acc, t) { return acc + page.best[t]; }, 0) +
                 10 * cover * cover + Math.min(spread * 0.05, 5);
    list.push(page);
  });
  var most = list.reduce(function (m, p) { return Math.max(m, p.hits); }, 0);
  // Every word required; if no page has them all, keep the pages with the most (missing ones struck).
  list = list.filter(function (p) { return p.hits === most; }).sort(function (a, b) { return b.score - a.score; });
  list.complete = most === q.terms.length;
  return list;
}

/* Bonus when the whole query is an alias (or most of one) or occurs in the title or a heading;
   needs the page's fragment, so it reorders the pages already chosen. Returns the page's bonus and
   adds each document's own to its score (Material keeps sections that beat the page open). */
function phraseBonus(page, fragment, q) {
  var compact = q.compact, squash = function (s) { return norm(s).replace(/\s+/g, ""); };
  if (compact.length < 2) return 0;
  var article = 0;
  (fragment.a || []).forEach(function (alias) {
    var a = squash(alias), share = a.length / compact.length;
    if (a === compact) article = Math.max(article, 40);
    else if (a.indexOf(compact) >= 0) article = Math.max(article, 15);
    else if (a.length > 1 && compact.indexOf(a) >= 0) article = Math.max(article, 20 * share * share);
  });
  if (squash(fragment.t).indexOf(compact) >= 0) article = Math.max(article, 12);
  var bonus = article;
  page.docs.forEach(function (doc) {
    var section = sectionOf(fragment, doc.number);
    var own = doc.number === 0 ? article : section && squash(section[1]).indexOf(compact) >= 0 ? 6 : 0;
    doc.score += own;
    bonus = Math.max(bonus, own);
  });
  return bonus;
}

/* [id, heading] of a page's document number doc (1..), or null for the page itself; sections that
   several pages share are numbers into meta.json's common list. */
function sectionOf(fragment, doc) {
  var section = doc > 0 ? fragment.s[doc - 1] : null;
  return typeof section === "number" ? state.meta.common[section] : section;
}

function highlighter(forms) {
  if (!forms.length) return null;
  forms = forms.slice().sort(function (a, b) { return b.length - a.length; });
  return new RegExp("(" + forms.map(function (f) { return escapeRegExp(escapeHTML(f)); }).join("|") + ")", "gi");
}
function mark(html, re) {
  return re ? html.replace(re, "<mark data-md-highlight>$1</mark>") : html;
}

function items(page, fragment, q) {
  var forms = [];
  page.docs.forEach(function (doc) { doc.forms.forEach(function (f) { if (forms.indexOf(f) < 0) forms.push(f); }); });
  var re = highlighter(forms), terms = {};
  forms.forEach(function (f) { terms[f] = true; });
  q.terms.forEach(function (t) { if (!page.best[t.text]) terms[t.text] = false; });
  var article = page.docs.get(0);
  var group = [{ location: fragment.u, title: mark(escapeHTML(fragment.t), re),
                 text: fragment.d ? "<p>" + mark(escapeHTML(fragment.d), re) + "</p>" : "",
                 score: article ? article.score : 0, terms: terms }];
  page.docs.forEach(function (doc) {
    var section = sectionOf(fragment, doc.number);
    if (section) group.push({ location: fragment.u + "#" + section[0], title: mark(escapeHTML(section[1]), re),
                              text: "", score: doc.score, terms: terms });
  });
  // Material draws the first item's score as the bar for sections shown open: keep best first.
  return group.sort(function (a, b) { return b.score - a.score; });
}

/* Rank in up to three passes, each fetching more, stopping once it has enough: (1) whole words in
   titles, headings, descriptions and aliases, until MAX_PAGES pages have every word; (2) whole
   words anywhere, if any page has every word (and each Chinese run of three or more characters is
   whole in some title, heading or alias); (3) single Chinese characters too, for partial matches:
   "手表卡注销" typed as one run is found in pages with 手表卡 and 注销 apart. */
function rank(q) {
  var whole = groupsOf(q.terms, false);
  return loadShards(TIER.strong, whole).then(function () {
    var pages = rankPages(q, [TIER.strong], false);
    if (pages.complete && pages.length >= MAX_PAGES) return pages;
    return loadShards(TIER.text, whole).then(function () {
      pages = rankPages(q, [TIER.strong, TIER.text], false);
      // A Chinese run of three or more characters may be words typed together (手表卡注销) rather
      // than one word: unless a title, heading or alias has it whole, look for its pieces too.
      var together = q.terms.some(function (t) {
        return t.han && Array.from(t.text).length > 2 && !pages.some(function (p) { return p.strong[t.text]; });
      });
      if ((pages.complete && (pages.length >= MAX_PAGES || !together)) || !q.terms.some(function (t) { return t.han; }))
        return pages;
      var partial = groupsOf(q.terms, true);
      return Promise.all([loadShards(TIER.strong, partial), loadShards(TIER.text, partial)]).then(function () {
        return rankPages(q, [TIER.strong, TIER.text], true);
      });
    });
  });
}

function search(query) {
  var q = parse(query);
  if (!q.terms.length) return Promise.resolve({ items: [] });
  return loadMeta().then(function () { return rank(q); }).then(function (pages) {
    return Promise.all(pages.slice(0, MAX_PAGES).map(function (page) {
      var path = FORMAT.fragments + "/" + page.number + ".json";
      return cached(path, function () { return getJSON(path); }).then(function (fragment) {
        page.score += phraseBonus(page, fragment, q);
        return { page: page, fragment: fragment };
      });
    }));
  }).then(function (found) {
    found.sort(function (a, b) { return b.page.score - a.page.score; });
    return { items: found.map(function (f) { return items(f.page, f.fragment, q); }) };
  });
}

/* createEngine(config, post, status): post(result) answers a query; status({ unavailable, reason })
   tells the page when the index cannot be loaded (a failed fetch, or an index of another format
   version) and again when it can, so the dialog says so instead of "no results". */
self.createEngine = function (config, post, status) {
  var failed = false;
  function failure(err) {
    failed = true;
    status({ unavailable: true, reason: String(err && err.message || err) });
  }
  function success() {
    if (failed) status({ unavailable: false });
    failed = false;
  }
  state.base = config.index || null;
  STOP.en.split(" ").forEach(function (w) { state.stop[w] = true; });
  state.stopHan = new RegExp(STOP.zh.split(" ").sort(function (a, b) { return b.length - a.length; }).join("|"), "g");
  return {
    prefetch: function () { loadMeta().then(success, failure); },
    query: function (text) {
      state.latest = text;
      if (!String(text).trim()) return post({ items: [] });
      search(text).then(function (result) {
        success();
        if (state.latest === text) post(result);
      }, function (err) {
        failure(err);
        if (state.latest === text) post({ items: [] });
      });
    }
  };
};
