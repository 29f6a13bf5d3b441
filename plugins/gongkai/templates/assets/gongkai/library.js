/* Filters and sorting of a 文件库 list. Without JavaScript the page is the full,
   paginated list; with it, the form works on the library's JSON (all pages). */
(function () {
  "use strict";
  var form = document.querySelector("form.gk-filter");
  var table = document.getElementById("gk-library-table");
  if (!form || !table || !window.fetch) return;
  var body = table.tBodies[0];
  var original = body.innerHTML;
  var caption = table.caption ? table.caption.textContent : "";
  var pager = document.querySelector(".gk-pager");
  var status = form.querySelector(".gk-filter__status");
  var rows = null;
  form.hidden = false;

  function load() {
    if (rows) return Promise.resolve(rows);
    return fetch(form.dataset.src).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    }).then(function (data) {
      rows = data["条目"].filter(function (row) {
        return form.dataset.section === "current" ? row["分组"] === "current" : row["分组"] === "ended";
      });
      return rows;
    });
  }

  function cell(text) {
    var td = document.createElement("td");
    td.textContent = text;
    return td;
  }

  function render(list) {
    var base = form.dataset.base.replace(/\/?$/, "/");
    body.textContent = "";
    list.forEach(function (row) {
      var tr = document.createElement("tr");
      var title = document.createElement("td");
      var link = document.createElement("a");
      link.href = base + row["网址"];
      link.textContent = row["标题"];
      title.appendChild(link);
      tr.appendChild(title);
      tr.appendChild(cell(row["发文字号"]));
      tr.appendChild(cell(row["施行日期"]));
      tr.appendChild(cell(row["有效性"]));
      body.appendChild(tr);
    });
  }

  function isDefault(values) {
    return !values.year && !values.issuer && !values.kind && values.sort === "effective-desc";
  }

  function apply() {
    var values = {
      year: form.elements.year.value, issuer: form.elements.issuer.value,
      kind: form.elements.kind.value, sort: form.elements.sort.value
    };
    if (isDefault(values)) {
      body.innerHTML = original;
      table.caption.textContent = caption;
      if (pager) pager.hidden = false;
      status.textContent = "";
      return;
    }
    load().then(function (all) {
      var list = all.filter(function (row) {
        return (!values.year || row["成文日期"].slice(0, 4) === values.year) &&
          (!values.issuer || row["发文机关"] === values.issuer) &&
          (!values.kind || row["文种"] === values.kind);
      });
      var field = values.sort.indexOf("written") === 0 ? "成文日期" : "施行日期";
      var direction = values.sort.slice(-3) === "asc" ? 1 : -1;
      list.sort(function (a, b) { return a[field] < b[field] ? -direction : a[field] > b[field] ? direction : 0; });
      render(list);
      table.caption.textContent = "筛选结果";
      if (pager) pager.hidden = true;
      status.textContent = "筛选出 " + list.length + " 件";
    }).catch(function () {
      status.textContent = "筛选数据加载失败，请使用下方的分页列表。";
    });
  }

  form.addEventListener("change", apply);
  form.addEventListener("reset", function () { setTimeout(apply, 0); });
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
})();
