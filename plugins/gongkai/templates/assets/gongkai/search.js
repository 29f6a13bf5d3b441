/**
 * 一网通查: the search function of the site. The search page and the tests call it; nothing else searches.
 *
 *   import { search } from "<site>/assets/gongkai/search.js";
 *   const answer = await search("國發〔2016〕12號", {
 *     filters: { 文种: ["通知", "决定"], 年份: ["2024"] },  // values of one filter are alternatives
 *     sort: "relevance",                                   // or "date" (newest first)
 *     page: 1, pageSize: 10,
 *     counts: true,                                        // false: answer.counts is null (see below)
 *   });
 *   // answer.total: how many documents match; answer.results: this page of them, best first, each
 *   //   { url, title, titleHtml, number, date, state, excerptHtml, phrase }
 *   //   (titleHtml and excerptHtml are escaped HTML with <mark> around the match;
 *   //    phrase: the query was found as written, not only word by word, as far as `plan` checks it);
 *   // answer.counts: { filter name: { value: number of matching documents } } for the browse facets.
 *   const facets = await counts("國發〔2016〕12號", { filters: { 年份: ["2024"] } }); // answer.counts alone
 *
 * Counting needs every filter's index, which on a large platform weighs more than the rest of a first
 * search together: the search page asks for the results without counts, shows them, then asks `counts`.
 *
 * An empty query browses: every document that passes the filters, newest first.
 *
 * How a query is read, the same way gongkai/search/text.py reads documents at index time:
 * traditional characters fold to simplified (the table is built from OpenCC with the index, and read
 * only for a text that has such a character), full-width letters and digits to ASCII, punctuation such
 * as 〔〕 [] () 【】 is dropped, Chinese is cut into overlapping bigrams, and a run of digits or letters
 * takes along the ideograph after it (第3号: 3号, which 第30号 does not begin with).
 *
 * How it is answered: Pagefind downloads, for every word asked, the chunk of the index that holds it,
 * and a common bigram (应当, 人民) fills chunks of hundreds of kilobytes. So only MAX_TERMS words are
 * asked, those that cover most of the query for the least download (`plan`; the index lists its heavy
 * words), and a document must hold them all. Pagefind returns where they are, and from that this module tells
 * whether a document holds the query as written (its words at the query's own distances) and where:
 * every record begins with its title and its 发文字号, each padded to a fixed number of positions.
 * Ranked first are documents whose title or 发文字号 begins with the query, then those whose title or
 * 发文字号 holds it, then those whose body holds it, then the rest; Pagefind's ranking orders each group,
 * with the title and the 发文字号 weighted above the body.
 */

const BUNDLE = new URL("../../pagefind/", import.meta.url);
const SITE_ROOT = new URL("../../", import.meta.url);
const SORT_KEY = "发布日期";
// Ranking, tuned on the corpus benchmark (bench/search_quality.py): a match in the title or the
// 发文字号 (the bigram "title" and "wh" meta fields) outweighs mentions in a body, and long documents
// (laws are long) are penalised less than Pagefind's default. Meta fields shown in results don't count.
const RANKING = {
  pageLength: 0.3,
  metaWeights: { title: 20.0, wh: 10.0, 标题: 0.0, 发文字号: 0.0, 发布日期: 0.0, 有效性: 0.0 },
};
const EXCERPT_LENGTH = 110;
const MAX_TERMS = 3;
const LIGHT = 1024; // positions assumed for a word the index does not list as heavy
const ONE_CHARACTER = 2 ** 30; // a lone ideograph matches every bigram it begins: Pagefind matches prefixes
const CHUNK_POSITIONS = 20000; // Pagefind's index chunks hold about this many positions (and one more per page)
// What checking one more character of a query is worth, in index chunks downloaded (about 32 KB each).
const CHARACTER_WORTH = 2;

const CJK = /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\u{20000}-\u{3FFFF}]/u;
const WORD = /[\p{L}\p{N}]/u;
const OPENING = /[\p{Ps}\p{Pi}]/u;

let vocabulary = null; // gongkai-words.json, read (see gongkai/search/vocabulary.py)
let folds = null; // gongkai-fold.json as a Map, read when a text has a character that folds
const reading = {}; // the files being read, so that concurrent callers wait for one request each
let engine = null;

async function readJson(name) {
  const response = await fetch(new URL(name, BUNDLE));
  if (!response.ok) throw new Error(`一网通查：无法读取 ${response.url}（${response.status}）`);
  return response.json();
}

/** Read a file of the bundle once, however many callers ask at the same time; a failure may be retried. */
function once(name, read) {
  reading[name] ??= read().catch((error) => {
    delete reading[name];
    throw error;
  });
  return reading[name];
}

async function readWords() {
  const { foldable, heavy, slots, sorts = null } = await readJson("gongkai-words.json");
  const bits = Uint8Array.from(atob(foldable.bits), (c) => c.charCodeAt(0));
  const positions = new Map();
  for (const [power, words] of Object.entries(heavy)) {
    for (const word of words.split(" ")) if (word) positions.set(word, 2 ** Number(power));
  }
  return { foldable: { first: foldable.first, bits }, positions, slots, sorts };
}

/**
 * A merged index (a platform's) keeps its pages' dates apart from Pagefind's meta, which every search
 * downloads (gongkai/search/merge.py): { group: { order, days } }, a page named "<lang>_<group>_<n>"
 * being the group's page n (hexadecimal), of day days[n]. Read for the first search by date.
 */
async function readSorts() {
  const table = await readJson(vocabulary.sorts);
  const groups = new Map();
  (table[SORT_KEY] || []).forEach(([group, first, steps], order) => {
    const days = new Int32Array(steps.length);
    let day = first;
    steps.forEach((step, n) => {
      day -= step;
      days[n] = day;
    });
    groups.set(group, { order, days });
  });
  return groups;
}

/** Results newest first by the dates file; on one day, in the index's order (as Pagefind orders a sort). */
function newestFirst(ranked, groups) {
  const keyed = ranked.map((entry) => {
    const [, groupKey, number] = entry.hit.id.split("_");
    const n = Number.parseInt(number, 16);
    const known = groups.get(groupKey);
    return { entry, day: known?.days[n] ?? -Infinity, order: known?.order ?? Infinity, n };
  });
  keyed.sort((a, b) => b.day - a.day || a.order - b.order || a.n - b.n);
  return keyed.map((k) => k.entry);
}

function foldableAt(offset) {
  const { bits } = vocabulary.foldable;
  return offset >= 0 && offset < bits.length * 8 && ((bits[offset >> 3] >> (offset & 7)) & 1) === 1;
}

/** Whether the folding table changes `char`. */
const foldable = (char) => foldableAt(char.codePointAt(0) - vocabulary.foldable.first);

async function readFolds() {
  const target = [...(await readJson("gongkai-fold.json")).to];
  const { first, bits } = vocabulary.foldable;
  const table = new Map();
  for (let offset = 0, k = 0; offset < bits.length * 8; offset++) {
    if (foldableAt(offset)) table.set(String.fromCodePoint(first + offset), target[k++]);
  }
  return table;
}

/**
 * Read what `fold`, `tokens` and `plan` need of the index for `text`: the word list, and the folding
 * table if a character of `text` folds (most queries have none); with no `text`, both.
 * `search` calls it; tests call it first.
 */
export async function ready(text) {
  vocabulary ??= await once("words", readWords);
  if (!folds && (text === undefined || [...text].some(foldable))) folds = await once("folds", readFolds);
}

/** Fold character by character (same length, position for position), as text.py's `fold`. */
export function fold(text) {
  if (!folds) return text; // `ready(text)` found nothing in it to fold
  let out = "";
  for (const char of text) out += folds.get(char) ?? char;
  return out;
}

const isCjk = (char) => CJK.test(char);
const isWordChar = (char) => WORD.test(char);

/**
 * The words of `text`, as text.py's `tokens`: CJK bigrams, other words whole (with the ideograph right
 * after them), punctuation glued on.
 */
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
      if (run.length && isCjk(char) !== runIsCjk) {
        const afterLetters = !runIsCjk;
        closeRun();
        if (afterLetters) words[words.length - 1] += char; // 第3号: 3号 号, as text.py
      }
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

/**
 * Whether two words in a row share a character of the text: the last ideograph of a bigram or of
 * digits that took one along (3号) begins the next word, with no punctuation between them. After a
 * bigram only a bigram can, as only a run of ideographs gives words that touch.
 * `token`, `next`: the words as cut; `word`, `nextWord`: their cores.
 */
function sharesNext(token, word, next, nextWord) {
  const chars = [...word];
  const last = chars[chars.length - 1];
  const first = [...nextWord][0];
  if (chars.length < 2 || !isCjk(last) || last !== first || !token.endsWith(word) || !next.startsWith(nextWord)) {
    return false;
  }
  const afterLetters = !isCjk(chars[0]);
  return afterLetters || [...nextWord].length === 2;
}

/**
 * The words of `query` to ask Pagefind for, each with its position in the query; at most MAX_TERMS.
 * Taken one by one, the word that gains most: the characters of the query it covers that no word
 * taken covers yet, each worth CHARACTER_WORTH, less the index chunks it costs to download (the index
 * lists its heavy words by powers of two of their positions); then the rarest; then the one farthest
 * from those taken, so that the words span the query and its phrase is checked end to end. A word
 * that costs more than it gains is not taken, unless no word is yet. Positions count every word of
 * the query, as Pagefind counts every word of a record: they give the distances a phrase must show.
 */
export function plan(query) {
  const words = [];
  let offset = 0; // characters of the query's words before this one, overlapping words sharing one
  let previous = null;
  tokens(query).forEach((token, at) => {
    const word = core(token);
    if (!word) return;
    const overlaps = previous && sharesNext(previous.token, previous.word, token, word);
    offset = previous ? previous.from + [...previous.word].length - (overlaps ? 1 : 0) : 0;
    previous = { token, word, from: offset };
    words.push({ word: word.toLowerCase(), at, from: offset, to: offset + [...word].length });
  });
  const positions = ({ word }) =>
    vocabulary.positions.get(word) ?? ([...word].length === 1 && isCjk(word) ? ONE_CHARACTER : LIGHT);
  const rarity = (w) => Math.floor(Math.log2(positions(w)));
  // Index chunks a word's positions fill, at the top of its power of two; a word shares a chunk at least.
  const chunks = (w) => Math.max(1, (2 * positions(w)) / CHUNK_POSITIONS);
  const covered = new Set();
  const news = (w) => {
    let count = 0;
    for (let c = w.from; c < w.to; c++) if (!covered.has(c)) count++;
    return count;
  };
  const gain = (w) => CHARACTER_WORTH * news(w) - chunks(w);
  const chosen = [];
  const gap = (w) => (chosen.length ? Math.min(...chosen.map((c) => Math.abs(c.at - w.at))) : -w.at);
  const key = (w) => [-gain(w), rarity(w), -gap(w)];
  const better = (a, b) => {
    const [ka, kb] = [key(a), key(b)];
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] < kb[i];
    return false;
  };
  const seen = new Set();
  while (chosen.length < MAX_TERMS) {
    const pool = words.filter((w) => !seen.has(w.word) && news(w) > 0 && (!chosen.length || gain(w) > 0));
    if (!pool.length) break;
    const next = pool.reduce((best, w) => (better(w, best) ? w : best));
    chosen.push(next);
    seen.add(next.word);
    for (let c = next.from; c < next.to; c++) covered.add(c);
  }
  return chosen.sort((a, b) => a.at - b.at).map(({ word, at }) => ({ word, at }));
}

/**
 * Where in a record the planned words stand as they stand in the query: the position the query would
 * begin at, the earliest one, or -1. `locations`: the positions Pagefind found the words at.
 */
export function phraseStart(terms, locations) {
  if (!terms.length) return -1;
  const found = new Set(locations);
  const first = terms[0].at;
  let best = -1;
  for (const location of locations) {
    const start = location - first;
    if (start >= 0 && (best < 0 || start < best) && terms.every((t) => found.has(start + t.at))) best = start;
  }
  return best;
}

// Groups of the ranking, best first (see the top of this file).
const FIELD_BEGINS = 0;
const IN_FIELD = 1;
const IN_BODY = 2;
const WORDS_ONLY = 3;

function group(start) {
  const { title, number } = vocabulary.slots;
  if (start < 0) return WORDS_ONLY;
  if (start === 0 || start === title) return FIELD_BEGINS;
  return start < title + number ? IN_FIELD : IN_BODY;
}

/** Text folded and lower-cased, with only its letters, digits and ideographs: for comparing titles. */
const letters = (text) => core(fold(text).toLowerCase()).replace(/\s/gu, "");

async function pagefind() {
  if (!engine) {
    engine = (async () => {
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

/** Pagefind with every filter's index loaded: its results then carry counts. */
async function counting() {
  const instance = await pagefind();
  await once("filters", () => instance.filters());
  return instance;
}

/**
 * The words `search` asks Pagefind for (null: none, a browse), its options, and whether the results go
 * newest first (Pagefind sorts them, or `newestFirst` where the index keeps its dates apart).
 */
function question(query, filters, sort) {
  const terms = plan(query || "");
  const byDate = sort === "date" || !terms.length;
  const options = { filters: pagefindFilters(filters) };
  if (byDate && !vocabulary.sorts) options.sort = { [SORT_KEY]: "desc" };
  return { terms, byDate, words: terms.length ? terms.map((t) => t.word).join(" ") : null, options };
}

/** The counts of the browse facets for a search: `search(...).counts`, without fetching any result. */
export async function counts(query, { filters = {} } = {}) {
  const [instance] = await Promise.all([counting(), ready(query || "")]);
  const { words, options } = question(query, filters, "relevance");
  return (await instance.search(words, options)).filters || {};
}

/** Search the site. See the comment at the top of this file. */
export async function search(query, asked = {}) {
  const { filters = {}, sort = "relevance", page = 1, pageSize = 10, counts: withCounts = true } = asked;
  const [instance] = await Promise.all([withCounts ? counting() : pagefind(), ready(query || "")]);
  const { terms, byDate, words, options } = question(query, filters, sort);

  const datesApart = byDate && vocabulary.sorts;
  const [found, dates] = await Promise.all([instance.search(words, options), datesApart ? once("sorts", readSorts) : null]);
  let ranked = found.results.map((hit, i) => {
    const start = phraseStart(terms, hit.words || []);
    return { hit, i, start, group: group(start) };
  });
  if (dates) ranked = newestFirst(ranked, dates);
  else if (terms.length && !byDate) ranked.sort((a, b) => a.group - b.group || a.i - b.i);

  const first = (Math.max(1, page) - 1) * pageSize;
  const shown = ranked.slice(first, first + pageSize);
  let results = await Promise.all(
    shown.map(async ({ hit, start, group }) => {
      const data = await hit.data();
      await ready(data.meta?.["标题"] || ""); // a title may have characters to fold where the query has none
      return present(data, query || "", terms.length > 0 && group < WORDS_ONLY, start);
    }),
  );
  if (terms.length && !byDate) {
    // Of the documents on this page, the one whose title or 发文字号 is the query, then those whose
    // title or 发文字号 holds it all (not only its rarest words), come first.
    const wanted = letters(query);
    const closeness = (result) => {
      const fields = [letters(result.title), letters(result.number || "")];
      if (fields.includes(wanted)) return 0;
      return fields.some((field) => field.includes(wanted)) ? 1 : 2;
    };
    results = results.map((r, i) => [closeness(r), i, r]).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map((x) => x[2]);
  }
  return { total: ranked.length, results, counts: withCounts ? found.filters || {} : null };
}

/** A result as `search` returns it; `start`: where the query stands in the record as a phrase, or -1. */
function present(data, query, phrase, start) {
  const meta = data.meta || {};
  const title = meta["标题"] || "";
  return {
    url: data.url,
    title,
    titleHtml: highlight(title, query, Infinity),
    number: meta["发文字号"] || null,
    date: meta["发布日期"] || null,
    state: meta["有效性"] || null,
    excerptHtml: excerpt(data, query, start),
    phrase,
  };
}

// Words of a body around a match that an excerpt is cut from: more than EXCERPT_LENGTH characters.
const WORDS_BEFORE = 40;
const WORDS_AFTER = 160;

/**
 * The excerpt of a body, around the phrase or the first word found there. Word i of the stored text
 * is at Pagefind's position i, so only a window of a long law is turned back into text.
 */
function excerpt(data, query, start) {
  const words = (data.content || "").trim().split(/\s+/u);
  const bodyFrom = vocabulary.slots.title + vocabulary.slots.number;
  const inBody = [start, ...(data.locations || [])].filter((at) => at >= bodyFrom);
  const at = inBody.length ? inBody[0] : bodyFrom;
  const from = Math.max(bodyFrom, at - WORDS_BEFORE);
  const to = Math.min(words.length, at + WORDS_AFTER);
  const text = decode(words.slice(from, to).join(" ").replace(PADDING, ""));
  const html = highlight(text, query, EXCERPT_LENGTH);
  const cutBefore = from > bodyFrom && !html.startsWith("…");
  const cutAfter = to < words.length && !html.endsWith("…");
  return `${cutBefore ? "…" : ""}${html}${cutAfter ? "…" : ""}`;
}

// Padding and the ". " Pagefind puts after a block that does not end a sentence.
const PADDING = /^[\s.·]*/u;

/** Turn a token stream back into text: overlapping bigrams share a character; other word breaks were spaces. */
export function decode(stream) {
  let text = "";
  let previous = null; // the previous word and its core
  for (const word of stream.split(/\s+/u)) {
    if (!word) continue;
    const chars = [...word];
    const wordCore = core(word);
    if (previous && wordCore && sharesNext(previous.word, previous.core, word, wordCore)) {
      text += chars.slice(1).join("");
    } else {
      // Words of one kind meeting without punctuation were apart in the text; CJK next to a digit was not.
      const last = [...text].pop();
      const wordish = (c) => c && (isCjk(c) || isWordChar(c));
      if (wordish(last) && wordish(chars[0]) && isCjk(last) === isCjk(chars[0])) text += " ";
      text += word;
    }
    previous = { word, core: wordCore };
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
