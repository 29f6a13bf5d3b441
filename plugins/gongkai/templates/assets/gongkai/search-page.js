/* 一网通查 page: the form, the facets with counts, the results and the pager, over search.js.
   The page's address holds the query (?q=…&sort=date&文种=通知&page=2), so a search can be linked,
   bookmarked and reached with the back button. */
import { counts, search } from "./search.js";

const form = document.getElementById("gk-search");
const input = document.getElementById("gk-search-q");
const sortSelect = document.getElementById("gk-search-sort");
const facets = document.getElementById("gk-search-facets");
const statusLine = document.getElementById("gk-search-status");
const list = document.getElementById("gk-search-results");
const pager = document.getElementById("gk-search-pager");
const PAGE_SIZE = 10;

const filterNames = JSON.parse(form.dataset.filters);
const stateClasses = JSON.parse(form.dataset.stateClasses);
let current = readAddress();
let latest = 0;
let typing = null;

{
  input.value = current.q;
  sortSelect.value = current.sort;
  if (!current.q) input.focus();
  run(current, false);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(typing);
    run(readForm(1), true);
  });
  input.addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(() => run(readForm(1), false), 300);
  });
  sortSelect.addEventListener("change", () => run(readForm(1), true));
  facets.addEventListener("change", () => run(readForm(1), true));
  pager.addEventListener("click", (event) => {
    const step = Number(event.target.closest("button")?.dataset.step || 0);
    if (step) run({ ...current, page: current.page + step }, true).then(() => statusLine.focus());
  });
  window.addEventListener("popstate", () => {
    current = readAddress();
    input.value = current.q;
    sortSelect.value = current.sort;
    run(current, false);
  });
}

function readAddress() {
  const params = new URLSearchParams(window.location.search);
  const filters = {};
  for (const name of filterNames) {
    const values = params.getAll(name);
    if (values.length) filters[name] = values;
  }
  return {
    q: params.get("q") || "",
    sort: params.get("sort") === "date" ? "date" : "relevance",
    page: Math.max(1, Number.parseInt(params.get("page") || "1", 10) || 1),
    filters,
  };
}

function readForm(page) {
  const filters = {};
  for (const box of facets.querySelectorAll("input[type=checkbox]:checked")) {
    (filters[box.name] ||= []).push(box.value);
  }
  return { q: input.value.trim(), sort: sortSelect.value, page, filters };
}

function address(state) {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  if (state.sort === "date") params.set("sort", "date");
  for (const [name, values] of Object.entries(state.filters)) for (const v of values) params.append(name, v);
  if (state.page > 1) params.set("page", String(state.page));
  const query = params.toString();
  return query ? `?${query}` : window.location.pathname;
}

async function run(state, remember) {
  const mine = ++latest;
  statusLine.textContent = "正在检索…";
  let answer;
  try {
    const asked = { filters: state.filters, sort: state.sort, page: state.page, pageSize: PAGE_SIZE, counts: false };
    answer = await search(state.q, asked);
  } catch (error) {
    if (mine !== latest) return;
    statusLine.textContent = /No language indexes/u.test(String(error))
      ? "本站暂无可检索的文件。"
      : `检索出错：${error.message || error}。请刷新页面重试。`;
    return;
  }
  if (mine !== latest) return; // a newer search has started
  current = state;
  const target = address(state);
  if (target !== window.location.search && !(target === window.location.pathname && !window.location.search)) {
    window.history[remember ? "pushState" : "replaceState"](null, "", target);
  }
  renderResults(answer, state);
  // The counts come after the results: they need every filter's index, which a first search need not wait for.
  facets.setAttribute("aria-busy", "true");
  let found;
  try {
    found = await counts(state.q, { filters: state.filters });
  } catch {
    found = null; // the results stand; the facets keep what they showed
  }
  if (mine !== latest) return;
  if (found) renderFacets(found, state.filters);
  facets.removeAttribute("aria-busy");
}

// Facets of years and issues (2026年第10号 before 2026年第3号) list the newest first, the others the largest.
const NEWEST_FIRST = new Set(["年份", "公报"]);
const newer = (a, b) => b.localeCompare(a, "zh", { numeric: true });

function renderFacets(counts, chosen) {
  const focused = document.activeElement?.closest?.("#gk-search-facets") ? document.activeElement.id : null;
  facets.replaceChildren(
    ...filterNames
      .map((name, n) => {
        const values = counts[name] || {};
        const picked = new Set(chosen[name] || []);
        const entries = Object.entries(values)
          .filter(([value, count]) => count > 0 || picked.has(value))
          .sort((a, b) => (NEWEST_FIRST.has(name) ? newer(a[0], b[0]) : b[1] - a[1] || a[0].localeCompare(b[0], "zh")));
        for (const value of picked) if (!(value in values)) entries.push([value, 0]);
        if (!entries.length) return null;
        const fieldset = element("fieldset", { className: "gk-search__facet" });
        fieldset.append(element("legend", { textContent: name }));
        const options = element("div", { className: "gk-search__facet-values" });
        entries.forEach(([value, count], i) => {
          const id = `gk-facet-${n}-${i}`;
          const box = element("input", { type: "checkbox", id, name, value, checked: picked.has(value) });
          const label = element("label", { htmlFor: id });
          label.append(value, " ", element("span", { className: "gk-search__count", textContent: `(${count})` }));
          const row = element("div", { className: "gk-search__facet-value" });
          row.append(box, label);
          options.append(row);
        });
        fieldset.append(options);
        return fieldset;
      })
      .filter(Boolean),
  );
  if (focused) document.getElementById(focused)?.focus();
}

function renderResults(answer, state) {
  const chosen = Object.entries(state.filters).map(([name, values]) => `${name}：${values.join("或")}`);
  const scope = chosen.length ? `（${chosen.join("；")}）` : "";
  statusLine.textContent = state.q
    ? answer.total
      ? `找到 ${answer.total} 份与「${state.q}」相关的文件${scope}`
      : `没有找到与「${state.q}」相关的文件${scope}。可以换个说法，或减少筛选条件。`
    : `共 ${answer.total} 份文件${scope}，按发布日期排列`;
  statusLine.tabIndex = -1;
  list.replaceChildren(
    ...answer.results.map((result) => {
      const item = element("li", { className: "gk-search__result" });
      const heading = element("h2", { className: "gk-search__title" });
      const link = element("a", { href: result.url, innerHTML: result.titleHtml });
      heading.append(link);
      const facts = element("p", { className: "gk-search__facts" });
      if (result.number) facts.append(element("span", { textContent: result.number }));
      if (result.date) facts.append(element("span", { textContent: `发布日期：${result.date}` }));
      if (result.state) {
        facts.append(
          element("span", {
            className: `gk-state gk-state--${stateClasses[result.state] || "unknown"}`,
            textContent: result.state,
          }),
        );
      }
      item.append(heading, facts);
      if (result.excerptHtml) item.append(element("p", { className: "gk-search__excerpt", innerHTML: result.excerptHtml }));
      return item;
    }),
  );
  list.start = (state.page - 1) * PAGE_SIZE + 1;
  const pages = Math.ceil(answer.total / PAGE_SIZE);
  pager.hidden = pages <= 1;
  pager.querySelector(".gk-search__page").textContent = `第 ${state.page} / ${pages} 页`;
  pager.querySelector("[data-step='-1']").disabled = state.page <= 1;
  pager.querySelector("[data-step='1']").disabled = state.page >= pages;
}

function element(tag, properties) {
  return Object.assign(document.createElement(tag), properties);
}
