/* Porter (1980) English stemmer: cancelled, cancelling, cancellation -> cancel; deleting -> delet;
   profiles -> profil. Loaded by engine.js (importScripts) for the first Latin word; defines self.porterStem. */
(function (root) {
  "use strict";
  var step2list = {
    ational: "ate", tional: "tion", enci: "ence", anci: "ance", izer: "ize", bli: "ble", alli: "al",
    entli: "ent", eli: "e", ousli: "ous", ization: "ize", ation: "ate", ator: "ate", alism: "al",
    iveness: "ive", fulness: "ful", ousness: "ous", aliti: "al", iviti: "ive", biliti: "ble", logi: "log"
  };
  var step3list = { icate: "ic", ative: "", alize: "al", iciti: "ic", ical: "ic", ful: "", ness: "" };
  var c = "[^aeiou]", v = "[aeiouy]", C = c + "[^aeiouy]*", V = v + "[aeiou]*";
  var mgr0 = new RegExp("^(" + C + ")?" + V + C);                       // m > 0
  var meq1 = new RegExp("^(" + C + ")?" + V + C + "(" + V + ")?$");      // m = 1
  var mgr1 = new RegExp("^(" + C + ")?" + V + C + V + C);               // m > 1
  var sV = new RegExp("^(" + C + ")?" + v);                             // has a vowel
  var cvc = new RegExp("^" + C + v + "[^aeiouwxy]$");

  function stem(w) {
    if (w.length < 3) return w;
    var m, stemPart, suffix, re, re2, re3, re4;
    var first = w.charAt(0);
    if (first === "y") w = "Y" + w.slice(1);

    // Step 1a
    re = /^(.+?)(ss|i)es$/; re2 = /^(.+?)([^s])s$/;
    if (re.test(w)) w = w.replace(re, "$1$2");
    else if (re2.test(w)) w = w.replace(re2, "$1$2");

    // Step 1b
    re = /^(.+?)eed$/; re2 = /^(.+?)(ed|ing)$/;
    if (re.test(w)) {
      m = re.exec(w);
      if (mgr0.test(m[1])) w = w.slice(0, -1);
    } else if (re2.test(w)) {
      m = re2.exec(w); stemPart = m[1];
      if (sV.test(stemPart)) {
        w = stemPart;
        re3 = /(at|bl|iz)$/; re4 = /([^aeiouylsz])\1$/;
        if (re3.test(w)) w += "e";
        else if (re4.test(w)) w = w.slice(0, -1);
        else if (cvc.test(w)) w += "e";
      }
    }

    // Step 1c
    re = /^(.+?[^aeiou])y$/;
    if (re.test(w)) { m = re.exec(w); w = m[1] + "i"; }

    // Step 2
    re = /^(.+?)(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism|iveness|fulness|ousness|aliti|iviti|biliti|logi)$/;
    if (re.test(w)) {
      m = re.exec(w); stemPart = m[1]; suffix = m[2];
      if (mgr0.test(stemPart)) w = stemPart + step2list[suffix];
    }

    // Step 3
    re = /^(.+?)(icate|ative|alize|iciti|ical|ful|ness)$/;
    if (re.test(w)) {
      m = re.exec(w); stemPart = m[1]; suffix = m[2];
      if (mgr0.test(stemPart)) w = stemPart + step3list[suffix];
    }

    // Step 4
    re = /^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)$/;
    re2 = /^(.+?)(s|t)(ion)$/;
    if (re.test(w)) {
      m = re.exec(w);
      if (mgr1.test(m[1])) w = m[1];
    } else if (re2.test(w)) {
      m = re2.exec(w); stemPart = m[1] + m[2];
      if (mgr1.test(stemPart)) w = stemPart;
    }

    // Step 5
    re = /^(.+?)e$/;
    if (re.test(w)) {
      m = re.exec(w); stemPart = m[1];
      if (mgr1.test(stemPart) || (meq1.test(stemPart) && !cvc.test(stemPart))) w = stemPart;
    }
    if (/ll$/.test(w) && mgr1.test(w)) w = w.slice(0, -1);

    if (first === "y") w = "y" + w.slice(1);
    return w;
  }
  root.porterStem = stem;
})(typeof self !== "undefined" ? self : this);
