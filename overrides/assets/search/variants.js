/* What readers type differently from the site's words. engine.js loads this file (into the same
   worker, so it uses the engine's functions: cached, getJSON, parse, rank, weakTerms, state,
   shardPath, groupOf, stemOf, fnv1a) only when a query word finds nothing, or a Chinese word nothing whole; the tables
   it reads (scripts/sitelib/searchvariants.py, under v/) are fetched only then, and only the
   shards the query's words need.

   rescue(q, pages) resolves to { q, pages }: q's weak terms with their variants (term.alts), ranked
   again, and a long Chinese run no field has whole cut into pieces (inPieces); or q and pages as they
   were when nothing better is found. The variants:
   1. Traditional characters: the whole query is read again in Simplified characters, one character
      at a time (v/t.json), and ranked as if typed so.
   2. Homophone typos (注消, 保好, 销护): where two characters typed side by side are a pair the site
      never has, the characters that read the same (v/c/) and form pairs the site uses (v/p/) are
      tried; the spelling keeping most typed characters and most site pairs wins.
   3. Pinyin typed as such (zhuxiao, wulianwangka): a Latin word found nowhere that cuts into
      syllables is read as the site's pairs of those syllables, chained into one word.
   4. English typos: a word of five or more letters found nowhere matches the site's words one
      letter away (wrong, missing, extra or two swapped): those sharing its first three letters are
      in the key shard already fetched; the others come from v/e/, by the letters after the third. */
var VARIANT_READINGS = 3;   // readings tried per character (most used first)
var MIN_TYPO = 5;           // shortest English word corrected
var MAX_TYPO_WORDS = 4;     // site words kept as a typo's variants
var PAIR_SCORE = 3, KEEP_SCORE = 1;   // a site pair; a typed character kept
var VARIANTS = FORMAT.variants;   // the tables' folder (scripts/sitelib/searchindex.py: FORMAT)
var variants = { meta: null, t2s: null, syllables: null, longest: 0 };

function loadVariantMeta() {
  return Promise.all([cached(VARIANTS + "/meta.json", function () { return getJSON(VARIANTS + "/meta.json"); }),
                      cached(VARIANTS + "/t.json", function () { return getJSON(VARIANTS + "/t.json"); })]).then(function (loaded) {
    if (variants.meta) return;
    var chars = Array.from(loaded[1]);
    variants.t2s = new Map();
    for (var i = 0; i + 1 < chars.length; i += 2) variants.t2s.set(chars[i], chars[i + 1]);
    variants.meta = loaded[0];
  });
}
/* The syllables of pinyin, fetched with the first Latin word found nowhere. */
function loadSyllables() {
  return cached(VARIANTS + "/s.json", function () { return getJSON(VARIANTS + "/s.json"); }).then(function (list) {
    if (!variants.syllables) {
      variants.syllables = new Set(list.split(" "));
      variants.syllables.forEach(function (s) { variants.longest = Math.max(variants.longest, s.length); });
    }
  });
}
/* A table's shards for some keys, then the table entry of each key (undefined when none). */
function lookup(folder, keys) {
  var paths = keys.map(function (key) { return VARIANTS + "/" + folder + "/" + fnv1a(key) % variants.meta.shards[folder] + ".json"; });
  return Promise.all(paths.map(function (path) {
    return cached(path, function () { return getJSON(path); });
  })).then(function (shards) {
    return keys.map(function (key, i) { return own(shards[i], key) ? shards[i][key] : undefined; });
  });
}

/* 1. Traditional -> Simplified, character by character. */
function simplified(text) {
  return Array.from(text).map(function (ch) { return variants.t2s.get(ch) || ch; }).join("");
}

/* The best chain of characters over positions 0..n-1: cands[i] the characters tried at i, keep(i, c)
   the score of c at i, link(i, a, b) the score of a at i followed by b. Viterbi. */
function bestChain(cands, keep, link) {
  var scores = cands[0].map(function (c) { return keep(0, c); }), back = [];
  for (var i = 1; i < cands.length; i++) {
    var next = [], from = [];
    cands[i].forEach(function (b) {
      var best = -Infinity, arg = 0;
      cands[i - 1].forEach(function (a, k) {
        var s = scores[k] + link(i - 1, a, b);
        if (s > best) { best = s; arg = k; }
      });
      next.push(best + keep(i, b));
      from.push(arg);
    });
    scores = next;
    back.push(from);
  }
  var at = scores.indexOf(Math.max.apply(null, scores)), out = [cands[cands.length - 1][at]];
  for (var j = back.length - 1; j >= 0; j--) { at = back[j][at]; out.unshift(cands[j][at]); }
  return { text: out.join(""), score: Math.max.apply(null, scores) };
}

/* Site pairs by reading, for each position: pairs[i] = { "注销": rank, ... } for positions i, i+1. */
function pairsByReading(readings) {
  var keys = [], where = [];
  for (var i = 0; i + 1 < readings.length; i++) {
    readings[i].forEach(function (a) {
      readings[i + 1].forEach(function (b) { keys.push(a + " " + b); where.push(i); });
    });
  }
  return lookup("p", keys).then(function (found) {
    var pairs = readings.slice(1).map(function () { return new Map(); });
    found.forEach(function (list, k) {
      Array.from(list || "").forEach(function (ch, n, all) {
        if (n % 2) return;
        var pair = ch + all[n + 1], map = pairs[where[k]];
        if (!map.has(pair)) map.set(pair, n / 2);
      });
    });
    return pairs;
  });
}
function chainOver(typed, pairs, keepTyped) {
  var cands = typed.map(function (ch) { return keepTyped ? [ch] : []; });
  pairs.forEach(function (map, i) {
    map.forEach(function (_, pair) {
      var ab = Array.from(pair);
      if (cands[i].indexOf(ab[0]) < 0) cands[i].push(ab[0]);
      if (cands[i + 1].indexOf(ab[1]) < 0) cands[i + 1].push(ab[1]);
    });
  });
  if (cands.some(function (c) { return !c.length; })) return null;
  var chain = bestChain(cands, function (i, c) { return keepTyped && c === typed[i] ? KEEP_SCORE : 0; },
    function (i, a, b) {
      var rank = pairs[i].get(a + b);
      if (rank !== undefined) return PAIR_SCORE - rank * 0.1;
      if (onSite(a + b)) return PAIR_SCORE - 1;
      // A character changed must stand in a site pair with each neighbour (彻底注销 does not
      // become 彻地注销 for the sake of 地注 alone).
      return a === typed[i] && b === typed[i + 1] ? 0 : -Infinity;
    });
  return chain.score > -Infinity ? chain : null;
}

/* 2. A Chinese chunk with a pair the site never has: the homophone spelling that reads best. */
function homophone(text) {
  var chars = Array.from(text);
  var unknown = chars.slice(1).map(function (ch, i) { return !onSite(chars[i] + ch); });
  if (!unknown.some(Boolean)) return Promise.resolve(null);
  return lookup("c", chars).then(function (found) {
    var readings = found.map(function (r, i) {
      var near = unknown[i] || unknown[i - 1];
      return r && near ? r.split(" ").slice(0, VARIANT_READINGS) : [];
    });
    return pairsByReading(readings).then(function (pairs) {
      var chain = chainOver(chars, pairs, true);
      return chain && chain.text !== text ? chain.text : null;
    });
  });
}

/* 3. Pinyin: the syllables of a word, fewest first (xian, not xi an); null when it is not pinyin. */
function syllablesOf(word) {
  var best = [[]];
  for (var end = 1; end <= word.length; end++) {
    best[end] = null;
    for (var len = 1; len <= Math.min(variants.longest, end); len++) {
      var head = best[end - len], piece = word.slice(end - len, end);
      if (head && variants.syllables.has(piece) && (!best[end] || head.length + 1 < best[end].length))
        best[end] = head.concat([piece]);
    }
  }
  return best[word.length];
}
function fromPinyin(word) {
  if (!/^[a-z]{2,}$/.test(word)) return Promise.resolve(null);
  return loadSyllables().then(function () { return pinyinChain(syllablesOf(word)); });
}
function pinyinChain(syllables) {
  if (!syllables || syllables.length < 2) return null;
  return pairsByReading(syllables.map(function (s) { return [s]; })).then(function (pairs) {
    if (pairs.some(function (map) { return !map.size; })) return null;
    var chain = chainOver(syllables.map(function () { return ""; }), pairs, false);
    return chain ? chain.text : null;
  });
}

/* 4. English typos: optimal string alignment distance of at most one. */
function oneEditApart(a, b) {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  var i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
function typoWords(word) {
  if (word.length < MIN_TYPO || !/^[a-z]+$/.test(word)) return Promise.resolve([]);
  var near = [];
  [TIER.strong, TIER.text].forEach(function (tier) {
    var shard = state.shards.get(shardPath(tier, groupOf(word))) || {};
    Object.keys(shard).forEach(function (key) { if (oneEditApart(word, key) && near.indexOf(key) < 0) near.push(key); });
  });
  if (near.length) return Promise.resolve(near.slice(0, MAX_TYPO_WORDS));
  return lookup("e", [word.slice(2), word.slice(3), word.slice(4)]).then(function (lists) {
    lists.forEach(function (list) {
      (list || []).forEach(function (key) { if (oneEditApart(word, key) && near.indexOf(key) < 0) near.push(key); });
    });
    return near.slice(0, MAX_TYPO_WORDS);
  });
}

/* Variants of one weak term: a list of terms (maybe empty). */
function variantsOf(term) {
  if (term.han) {
    return homophone(term.text).then(function (text) { return text ? [{ text: text, han: true }] : []; });
  }
  return Promise.all([fromPinyin(term.text), typoWords(term.text)]).then(function (found) {
    var out = found[0] ? [{ text: found[0], han: true }] : [];
    return out.concat(found[1].map(function (word) { return { text: word, han: false, stem: stemOf(word), prefix: false }; }));
  });
}

function withVariants(q) {
  var weak = weakTerms(q);
  return Promise.all(weak.map(variantsOf)).then(function (found) {
    if (!found.some(function (list) { return list.length; })) return null;
    var better = { terms: q.terms.slice(), compact: q.compact, raw: q.raw, found: {}, varied: true };
    weak.forEach(function (term, i) {
      if (!found[i].length) return;
      var at = better.terms.indexOf(term);
      better.terms[at] = Object.assign({}, term, { alts: found[i] });
      // The phrase bonus (an alias typed whole) reads the query as the reader meant it.
      better.compact = better.compact.split(term.text).join(found[i][0].text);
    });
    return better;
  });
}

/* The Chinese run of a weak term: its own text, or its Chinese variant's. */
function hanRunOf(term) {
  var alt = (term.alts || []).find(function (a) { return a.han; });
  return alt ? alt.text : term.han ? term.text : null;
}
/* Whether the site has a key (a character pair, a word), in the shards already fetched. */
function onSite(key) {
  return [TIER.strong, TIER.text].some(function (tier) {
    var shard = state.shards.get(shardPath(tier, groupOf(key)));
    return !!shard && own(shard, key);
  });
}
/* A long Chinese run no field has whole is words typed together: cut it where two neighbouring
   characters never stand side by side on the site (卖卡给别人犯法 -> 卖卡给别人, 犯法); q with the
   pieces as its terms, or null when no run is cut. */
function inPieces(q) {
  var weak = weakTerms(q), terms = [], seen = {}, cut = false;
  function add(term) { if (!own(seen, term.text)) { seen[term.text] = true; terms.push(term); } }
  q.terms.forEach(function (term) {
    var run = weak.indexOf(term) >= 0 ? hanRunOf(term) : null, chars = run ? Array.from(run) : [];
    if (chars.length <= LONG_RUN) return add(term);
    var piece = chars[0], pieces = [];
    for (var i = 1; i < chars.length; i++) {
      if (onSite(chars[i - 1] + chars[i])) piece += chars[i];
      else { pieces.push(piece); piece = chars[i]; }
    }
    pieces.push(piece);
    if (pieces.length === 1) return add(term);
    cut = true;
    pieces.forEach(function (text) { add({ text: text, han: true }); });
  });
  return cut ? { terms: terms, compact: q.compact, raw: q.raw } : null;
}
function own(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }


/* Rank with the variants of the weak words (Traditional characters first), then cut long runs. */
function rescue(q, pages) {
  return improve(q).then(function (better) {
    if (!better) return { q: q, pages: pages };
    return rank(better).then(function (found) {
      return found.length ? { q: better, pages: found } : { q: q, pages: pages };
    });
  }).then(function (ranked) {
    var pieces = inPieces(ranked.q);
    if (!pieces) return ranked;
    return rank(pieces).then(function (found) { return found.length ? { q: pieces, pages: found } : ranked; });
  });
}
function improve(q) {
  return loadVariantMeta().then(function () {
    var typed = q.terms.map(function (t) { return t.text; }).join(" ");
    if (simplified(typed) === typed) return withVariants(q);
    // Traditional characters: rank the Simplified query as typed, then its own weak words.
    var simple = parse(simplified(q.raw));
    return rank(simple).then(function () {
      return weakTerms(simple).length ? withVariants(simple).then(function (b) { return b || simple; }) : simple;
    });
  });
}

self.searchVariants = { rescue: rescue };
