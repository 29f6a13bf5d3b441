/**
 * 一网通查: the search function of the site. The search page and the tests call it; nothing else searches.
 *
 *   import { search } from "<site>/assets/gongkai/search.js";
 *   const answer = await search("國發〔2016〕12號", {
 *     filters: { 文种: ["通知", "决定"], 年份: ["2024"] },  // values of one filter are alternatives
 *     sort: "relevance",                                   // or "date" (newest first)
 *     page: 1, pageSize: 10,
 *   });
 *   // answer.total: how many documents match; answer.results: this page of them, best first, each
 *   //   { url, title, titleHtml, number, date, state, excerptHtml, phrase }
 *   //   (titleHtml and excerptHtml are escaped HTML with <mark> around the match;
 *   //    phrase: the query was found as written, not only word by word);
 *   // answer.counts: { filter name: { value: number of matching documents } } for the browse facets.
 *
 * An empty query browses: every document that passes the filters, newest first.
 *
 * How a query is read, the same way gongkai/search/text.py reads documents at index time:
 * traditional characters fold to simplified (the table is built from OpenCC with the index), full-width
 * letters and digits to ASCII, punctuation such as 〔〕 [] () 【】 is dropped, and Chinese is cut into
 * overlapping bigrams. Documents that hold the query as a phrase (its bigrams at consecutive positions)
 * come first, then documents that hold all its words anywhere; Pagefind ranks each group, with the
 * title and the 发文字号 weighted above the body.
 */

const BUNDLE = new URL("../../pagefind/", import.meta.url);
const SITE_ROOT = new URL("../../", import.meta.url);
const SORT_KEY = "发布日期";
// Ranking, tuned on the corpus benchmark (benchmarks/search_quality.py): a match in the title or the
// 发文字号 (the bigram "title" and "wh" meta fields) outweighs mentions in a body, and long documents
// (laws are long) are penalised less than Pagefind's default. Meta fields shown in results don't count.
const RANKING = {
  pageLength: 0.3,
  metaWeights: { title: 20.0, wh: 10.0, 标题: 0.0, 发文字号: 0.0, 发布日期: 0.0, 有效性: 0.0 },
};
const EXCERPT_LENGTH = 110;

const CJK = /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\u{20000}-\u{3FFFF}]/u;
const WORD = /[\p{L}\p{N}]/u;
const OPENING = /[\p{Ps}\p{Pi}]/u;

let foldTable = null;
let engine = null;

/** Load the folding table; `fold` and `tokens` need it. Called by `search`; tests call it first. */
export async function ready() {
  if (!foldTable) {
    const response = await fetch(new URL("gongkai-fold.json", BUNDLE));
    if (!response.ok) throw new Error(`一网通查：无法读取 ${response.url}（${response.status}）`);
    const { from, to } = await response.json();
    const table = new Map();
    const source = [...from];
    const target = [...to];
    source.forEach((char, i) => table.set(char, target[i]));
    foldTable = table;
  }
}

/** Fold character by character (same length, position for position), as text.py's `fold`. */
export function fold(text) {
  let out = "";
  for (const char of text) out += foldTable.get(char) ?? char;
  return out;
}

const isCjk = (char) => CJK.test(char);
const isWordChar = (char) => WORD.test(char);

/** The words of `text`, as text.py's `tokens`: CJK bigrams, other words whole, punctuation glued on. */
export function tokens(text) {
  const words = [];
  let run = [];
  let runIsCjk = false;
  let opening = "";
  const closeRun = () => {
    if (!run.length) return;
    const start = words.length;
    if (runIsCjk && run.length > 1) {
      for (let i = 0; i + 1 < run.length; i++) words.push(run[i] + run[i + 1]);
    } else {
      words.push(run.join(""));
    }
    words[start] = opening + words[start];
    opening = "";
    run = [];
  };
  for (const char of fold(text)) {
    if (isCjk(char) || isWordChar(char)) {
      if (run.length && isCjk(char) !== runIsCjk) closeRun();
      runIsCjk = isCjk(char);
      run.push(char);
      continue;
    }
    closeRun();
    if (/\s/u.test(char)) continue;
    if (opening || !words.length || OPENING.test(char)) opening += char;
    else words[words.length - 1] += char;
  }
  closeRun();
  if (opening) words.push(opening);
  return words;
}

/** The letters, digits and ideographs of a word, without its punctuation: what Pagefind indexes. */
const core = (word) => [...word].filter((c) => isCjk(c) || isWordChar(c)).join("");

/** Text folded and lower-cased, with only its letters, digits and ideographs: for comparing titles. */
const letters = (text) => core(fold(text).toLowerCase()).replace(/\s/gu, "");

async function pagefind() {
  if (!engine) {
    engine = (async () => {
      await ready();
      const module = await import(new URL("pagefind.js", BUNDLE).href);
      // Pagefind takes the query language from <html lang>; for "zh" it would cut our bigrams again with
      // Intl.Segmenter. The index holds pre-cut words (lang "zxx"), so say that while the instance is made.
      const html = document.documentElement;
      const lang = html.getAttribute("lang");
      html.setAttribute("lang", "zxx");
      let instance;
      try {
        instance = module.createInstance({ basePath: BUNDLE.pathname, baseUrl: SITE_ROOT.pathname });
      } finally {
        if (lang === null) html.removeAttribute("lang");
        else html.setAttribute("lang", lang);
      }
      await instance.options({ ranking: RANKING });
      await instance.init();
      await instance.filters(); // loads the filter indexes, without which results carry no counts
      return instance;
    })();
    engine.catch(() => {
      engine = null;
    });
  }
  return engine;
}

function pagefindFilters(filters) {
  const out = {};
  for (const [name, values] of Object.entries(filters || {})) {
    const list = (Array.isArray(values) ? values : [values]).filter(Boolean);
    if (list.length) out[name] = { any: list };
  }
  return out;
}

/** Search the site. See the comment at the top of this file. */
export async function search(query, { filters = {}, sort = "relevance", page = 1, pageSize = 10 } = {}) {
  const instance = await pagefind();
  const words = tokens(query || "").filter((word) => core(word));
  const options = { filters: pagefindFilters(filters) };
  if (sort === "date" || !words.length) options.sort = { [SORT_KEY]: "desc" };

  let ranked;
  let phraseIds = new Set();
  let counts;
  if (!words.length) {
    const all = await instance.search(null, options);
    ranked = all.results;
    counts = all.filters;
  } else {
    const terms = words.map(core).join(" ");
    const [phrase, all] = await Promise.all([
      instance.search(`"${terms}"`, options),
      instance.search(terms, options),
    ]);
    phraseIds = new Set(phrase.results.map((r) => r.id));
    counts = all.filters;
    if (options.sort) {
      ranked = all.results;
    } else {
      const rest = all.results.filter((r) => !phraseIds.has(r.id));
      ranked = [...phrase.results, ...rest];
    }
  }

  const first = (Math.max(1, page) - 1) * pageSize;
  const shown = ranked.slice(first, first + pageSize);
  let results = await Promise.all(
    shown.map(async (hit) => present(await hit.data(), query || "", phraseIds.has(hit.id))),
  );
  if (words.length && !options.sort) {
    // Pagefind ranks by words; of the documents it put on this page, the one whose title or 发文字号 is
    // the query, then those whose title or 发文字号 holds it, come first (a law before the rules citing it).
    const wanted = letters(query);
    const closeness = (result) => {
      const fields = [letters(result.title), letters(result.number || "")];
      if (fields.includes(wanted)) return 0;
      return fields.some((field) => field.includes(wanted)) ? 1 : 2;
    };
    results = results.map((r, i) => [closeness(r), i, r]).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map((x) => x[2]);
  }
  return { total: ranked.length, results, counts: counts || {} };
}

function present(data, query, phrase) {
  const meta = data.meta || {};
  const body = decode(stripLeading(stripLeading(data.content || "", meta.title), meta.wh));
  const title = meta["标题"] || "";
  return {
    url: data.url,
    title,
    titleHtml: highlight(title, query, Infinity),
    number: meta["发文字号"] || null,
    date: meta["发布日期"] || null,
    state: meta["有效性"] || null,
    excerptHtml: highlight(body, query, EXCERPT_LENGTH),
    phrase,
  };
}

/** Pagefind's stored text begins with the title and 发文字号 streams, each closed by ". ". */
function stripLeading(content, stream) {
  if (!stream) return content;
  const trimmed = content.trimStart();
  if (!trimmed.startsWith(stream)) return content;
  return trimmed.slice(stream.length).replace(/^\.?\s*/u, "");
}

/** Turn a token stream back into text: overlapping bigrams share a character; other word breaks were spaces. */
export function decode(stream) {
  let text = "";
  let previous = null; // the core of the previous word, when it was a bigram not followed by punctuation
  for (const word of stream.split(/\s+/u)) {
    if (!word) continue;
    const chars = [...word];
    const wordCore = core(word);
    const coreChars = [...wordCore];
    const startsWithCore = chars[0] === coreChars[0];
    if (previous && startsWithCore && coreChars.length === 2 && isCjk(coreChars[0]) && coreChars[0] === [...previous][1]) {
      text += chars.slice(1).join("");
    } else {
      // Words of one kind meeting without punctuation were apart in the text; CJK next to a digit was not.
      const last = [...text].pop();
      const wordish = (c) => c && (isCjk(c) || isWordChar(c));
      if (wordish(last) && wordish(chars[0]) && isCjk(last) === isCjk(chars[0])) text += " ";
      text += word;
    }
    const endsWithCore = chars[chars.length - 1] === coreChars[coreChars.length - 1];
    previous = coreChars.length === 2 && coreChars.every(isCjk) && endsWithCore ? wordCore : null;
  }
  return text;
}

// Lower case that keeps one character one character, so positions still line up.
const lower = (char) => {
  const low = char.toLowerCase();
  return [...low].length === 1 ? low : char;
};

const escapeHtml = (text) =>
  text.replace(/[&<>"']/gu, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

/**
 * `text` (or a window of about `length` characters of it) as HTML, with the query marked.
 * The query's parts (as typed, split at spaces) are looked for in the folded text, ignoring punctuation;
 * when no part is there as a whole, its bigrams are marked instead.
 */
export function highlight(text, query, length) {
  const chars = [...text];
  const folded = [...fold(text)].map(lower);
  // The searchable characters of the text and where each one is.
  const letters = [];
  const at = [];
  folded.forEach((char, i) => {
    if (isCjk(char) || isWordChar(char)) {
      letters.push(char);
      at.push(i);
    }
  });
  const haystack = letters.join("");
  const parts = (query || "")
    .split(/\s+/u)
    .map((part) => [...fold(part)].map(lower).filter((c) => isCjk(c) || isWordChar(c)).join(""))
    .filter(Boolean);
  let needles = parts.filter((part) => haystack.includes(part));
  if (!needles.length) needles = [...new Set(parts.flatMap((part) => tokens(part).map(core)))];
  const marked = new Array(chars.length).fill(false);
  let firstHit = -1;
  for (const needle of needles) {
    const size = [...needle].length;
    let from = 0;
    for (;;) {
      const index = haystack.indexOf(needle, from);
      if (index < 0 || !needle) break;
      // indexOf counts UTF-16 units; count characters instead.
      const start = [...haystack.slice(0, index)].length;
      for (let k = start; k < start + size; k++) marked[at[k]] = true;
      if (firstHit < 0 || at[start] < firstHit) firstHit = at[start];
      from = index + needle.length;
    }
  }
  let begin = 0;
  let end = chars.length;
  if (Number.isFinite(length) && chars.length > length) {
    begin = Math.max(0, Math.min((firstHit < 0 ? 0 : firstHit) - Math.floor(length / 5), chars.length - length));
    end = begin + length;
  }
  let html = begin > 0 ? "…" : "";
  let open = false;
  for (let i = begin; i < end; i++) {
    if (marked[i] !== open) {
      html += marked[i] ? "<mark>" : "</mark>";
      open = marked[i];
    }
    html += escapeHtml(chars[i]);
  }
  if (open) html += "</mark>";
  if (end < chars.length) html += "…";
  return html;
}
