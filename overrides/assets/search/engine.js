/* The search engine behind Material's search dialog, loaded into the search worker by worker.js
   (which speaks Material's message protocol) only when the reader opens search or types.
   createEngine(config, post) returns { prefetch(), query(text) }; query results go to post().

   - Index: the reader's language only, sharded (scripts/sitelib/SEARCH_INDEX.md): opening search
     fetches meta.json, whose version must be the one this engine was built with (else search says
     it is unavailable); a query fetches the key shards its words need, in passes that stop once they
     have enough (see rank), then the result fragments of the best pages (at most MAX_PAGES).
   - Chinese: a typed run is cut at question and function words (怎么, 如何, 吗, 的 ...); each piece
     is matched through its character pairs: all pairs in one field count as the word; the pieces
     found score less. Mixed queries ("FM卡", "eSIM注销") work the same.
   - English: Porter stems on both sides (cancelled = cancelling = cancel); the last word typed also
     matches as a prefix from its third letter, so results appear while typing.
   - Pages with every query word come first; when none has them all, pages rank by the words they
     have, weighted by rarity, and the missing words are shown struck through (at most MAX_MISSING).
   - A word found nowhere (a Chinese word nowhere whole) loads variants.js: Traditional characters,
     homophone typos, typed pinyin, English typos, long runs cut into pieces.
   - Ranking: alias > page title > section heading > description > body text, plus a bonus when the
     whole query is an alias or occurs in a title or heading. Section hits link to the section anchor. */
var WEIGHT = { aliases: 12, title: 8, heading: 5, description: 3, text: 1 };
var MAX_PAGES = 10;  // results fetched and listed: Material draws the first ten at once
var MAX_MISSING = 10;  // missing words shown struck through: Material draws them in quadratic time
var LONG_RUN = 3;  // a Chinese run longer than this may hold words the site never uses
var VARIANT_QUALITY = 0.9;  // a variant's match (variants.js) against the word as typed
var INCOMPLETE_SHARE = 0.8;  // of a page's score when it lacks a word that other pages have
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
      "吗 呢 吧 啊 呀 的 了 和 与 及 或者 我的 我 以后 之后 以前 还能 还会 还是 会不会 要不要 是不是 有没有 " +
      "这个 那个 这些 那些 一个 彻底 已经 不想 想要 应该",
  en: "a an the to of how do does did i my me is are can could should what which where when why for " +
      "in on at and or with from it its this that be if my your you will would was were about there " +
      "any all get got just so than then"
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
  return pairs.length && !(partial && needsChars(term, pairs)) ? pairs : pairs.concat(chars);
}
/* A long run in pieces is found through its pairs: its characters are fetched only when the site has
   none of its pairs (each fetched shard costs bytes; a short run needs them all). */
function needsChars(term, pairs) {
  return pairs.length < LONG_RUN || !pairs.some(function (pair) {
    return [TIER.strong, TIER.text].some(function (tier) {
      var shard = state.shards.get(shardPath(tier, pair));
      return !!shard && Object.prototype.hasOwnProperty.call(shard, pair);
    });
  });
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

/* A Chinese chunk: quality 1 when all its character pairs occur in one field; else (partial), the
   sum of squared lengths of the pieces a field has (runs of its pairs, or single characters) over
   the squared chunk length (销户 + 停机 beats 销, 户, 停, 机). A short chunk (up to three characters)
   needs every character in the field; a long one (a question typed as one run) needs only some, so
   words the site never uses do not hide the pages that have the others. */
function hanHits(term, tiers, partial) {
  var hits = new Map(), chars = Array.from(term.text), L = chars.length;
  var keys = groupsOfTerm(term, partial).map(function (key) { return places(key, tiers); });
  var pairs = keys.slice(0, L - 1), singles = keys.slice(L - 1);
  var strict = !partial || L <= LONG_RUN;
  // Candidates: where every pair occurs (whole words), every character (a short chunk in pieces),
  // or, for a long chunk in pieces, any of its pairs (any character only when the site has none).
  var need = singles.length ? singles : pairs;
  var anyPair = unionOf(pairs);
  var candidates = strict ? need[0] : anyPair.size ? anyPair : unionOf(singles);
  candidates.forEach(function (_, id) {
    var at = id.split(":"), page = +at[0], doc = +at[1], any = 0, every = ~0;
    need.forEach(function (p) { var b = p.get(id) || 0; every &= b; any |= b; });
    eachBit(strict ? every : any, function (bit) {
      var have = pairs.map(function (p) { return ((p.get(id) || 0) & bit) !== 0; });
      if (have.every(Boolean)) return addHit(hits, page, doc, bit, 1, [term.text]);
      var sum = 0, forms = [];
      for (var i = 0, j; i < L; i = j + 1) {
        for (j = i; j < L - 1 && have[j]; j++);
        if (j > i || strict || (singles.length && (singles[i].get(id) || 0) & bit)) sum += (j - i + 1) * (j - i + 1);
        if (j > i) forms.push(chars.slice(i, j + 1).join(""));
      }
      addHit(hits, page, doc, bit, sum / (L * L), forms);
    });
  });
  return hits;
}
function unionOf(maps) {
  var out = new Map();
  maps.forEach(function (m) { m.forEach(function (bits, id) { out.set(id, (out.get(id) || 0) | bits); }); });
  return out;
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
  return { terms: terms, compact: n.replace(/\s+/g, ""), raw: query };
}
function groupsOf(terms, partial) {
  var groups = [];
  terms.forEach(function (term) {
    [term].concat(term.alts || []).forEach(function (t) {
      groupsOfTerm(t, partial).forEach(function (g) { if (groups.indexOf(g) < 0) groups.push(g); });
    });
  });
  return groups;
}
/* A term typed in Chinese, or with a Chinese variant. */
function isHan(term) { return term.han || (term.alts || []).some(function (alt) { return alt.han; }); }

/* Hits of a term and of its variants (variants.js: the Simplified form, a homophone's word, the
   word pinyin reads as, the word a typo was meant to be), each variant's worth a little less. */
function termHits(term, tiers, partial) {
  var hits = term.han ? hanHits(term, tiers, partial) : latinHits(term, tiers);
  (term.alts || []).forEach(function (alt) {
    (alt.han ? hanHits(alt, tiers, partial) : latinHits(alt, tiers)).forEach(function (hit) {
      Object.keys(hit.fields).forEach(function (name) {
        var bit = FORMAT.bits[name === "heading" ? "title" : name];
        addHit(hits, hit.page, hit.doc, bit, hit.fields[name] * VARIANT_QUALITY, hit.forms);
      });
    });
  });
  return hits;
}

var STRONG = { aliases: true, title: true, heading: true };
/* Pages ranked on the postings alone: per term its best weight anywhere on the page, the share of
   terms found in an alias, title or heading, and a little for each further matching section. When
   no page has every term, every page with some is ranked, each term counting by how rare it is on
   the site (a word on few pages tells more than one on all). q.found: per term, its best quality. */
function rankPages(q, tiers, partial) {
  var pages = new Map(), pagesOf = {};
  q.found = {};
  q.terms.forEach(function (term) {
    pagesOf[term.text] = new Set();
    termHits(term, tiers, partial).forEach(function (hit) {
      pagesOf[term.text].add(hit.page);
      var page = pages.get(hit.page);
      if (!page) pages.set(hit.page, page = { number: hit.page, docs: new Map(), best: {}, strong: {} });
      var doc = page.docs.get(hit.doc);
      if (!doc) page.docs.set(hit.doc, doc = { number: hit.doc, score: 0, forms: [] });
      var best = 0;
      Object.keys(hit.fields).forEach(function (name) {
        var quality = hit.fields[name];
        best = Math.max(best, WEIGHT[name] * quality);
        q.found[term.text] = Math.max(q.found[term.text] || 0, quality);
        if (STRONG[name] && quality >= VARIANT_QUALITY) page.strong[term.text] = true;
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
  var n = q.terms.length, complete = most === n;
  // Pages with every word come first, unless a page lacking one has the others in far better places
  // (stop my sim card for good: the SIM card page lacks "good"); if no page has every word, pages
  // rank by the rarity-weighted words they have. Missing words are shown struck through.
  list.forEach(function (page) {
    if (!complete) page.score = weightedScore(page, pagesOf, q);
    else if (page.hits < n) page.score *= page.hits * page.hits / (n * n) * INCOMPLETE_SHARE;
  });
  list.sort(function (a, b) { return b.score - a.score; });
  list.complete = complete;
  list.whole = list.filter(function (p) { return p.hits === n; }).length;
  return list;
}

function weightedScore(page, pagesOf, q) {
  var total = state.meta.pages || 1, score = 0;
  Object.keys(page.best).forEach(function (t) {
    score += page.best[t] * Math.log(1 + total / Math.max(1, pagesOf[t].size));
  });
  return score * page.hits / q.terms.length + 10 * Object.keys(page.strong).length / q.terms.length;
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
  q.terms.filter(function (t) { return !page.best[t.text]; }).slice(0, MAX_MISSING)
    .forEach(function (t) { terms[t.text] = false; });
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
  if (q.varied) return rankAll(q);
  var whole = groupsOf(q.terms, false);
  return loadShards(TIER.strong, whole).then(function () {
    var pages = rankPages(q, [TIER.strong], false);
    if (pages.whole >= MAX_PAGES) return pages;
    return loadShards(TIER.text, whole).then(function () {
      pages = rankPages(q, [TIER.strong, TIER.text], false);
      // A Chinese run of three or more characters may be words typed together (手表卡注销) rather
      // than one word: unless a title, heading or alias has it whole, look for its pieces too.
      // (A run found whole in body text only is looked for in pieces too: 查询名下号码 is in much text,
      // 查询 and 名下 in one title.)
      function apart(longer) {
        return q.terms.some(function (t) {
          return isHan(t) && Array.from(t.text).length > longer && !pages.some(function (p) { return p.strong[t.text]; });
        });
      }
      if ((pages.complete && (!apart(2) || (pages.length >= MAX_PAGES && !apart(LONG_RUN)))) || !q.terms.some(isHan))
        return pages;
      var partial = groupsOf(q.terms, true);
      return Promise.all([loadShards(TIER.strong, partial), loadShards(TIER.text, partial)]).then(function () {
        return rankPages(q, [TIER.strong, TIER.text], true);
      });
    });
  });
}

/* A term found nowhere, or (Chinese) nowhere whole: worth asking variants.js for another form. */
function weakTerms(q) {
  return q.terms.filter(function (t) { return (q.found[t.text] || 0) < (t.han ? 1 : VARIANT_QUALITY); });
}
/* Rank as typed; if some word finds too little, load variants.js (and its tables, only now), which
   ranks again with the forms the reader may have meant: { q, pages }. */
/* A query with variants (variants.js) is matched in pieces anyway: fetch it all in one pass. */
function rankAll(q) {
  var all = groupsOf(q.terms, true);
  return Promise.all([loadShards(TIER.strong, all), loadShards(TIER.text, all)]).then(function () {
    return rankPages(q, [TIER.strong, TIER.text], true);
  });
}
function rankWithVariants(q) {
  return rank(q).then(function (pages) {
    if (!weakTerms(q).length) return { q: q, pages: pages };
    if (!self.searchVariants) importScripts("variants.js");
    return self.searchVariants.rescue(q, pages);
  });
}

function search(query) {
  var q = parse(query);
  if (!q.terms.length) return Promise.resolve({ items: [] });
  return loadMeta().then(function () { return rankWithVariants(q); }).then(function (ranked) {
    var pages = ranked.pages;
    q = ranked.q;
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
