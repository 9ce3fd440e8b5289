"use strict";
/**
 * The receivables page: the book's totals, aging, trend, exposures, alerts and customers (GET /customers, one page,
 * and GET /runs), and a customer's own page at #customer/<id> (GET /customers/{id}) with the decisions a finance
 * user takes (PATCH /invoices/{id}, PUT /customers/{id}/limit). Everything from the book is put in as text
 * (textContent), never as HTML. Charts are uPlot's; each has a table beside it.
 */
(function () {
  var TEXT = {
    sv: {
      title: "Kundfordringar", toCreditCheck: "Kreditprövning", signIn: "Logga in", signOut: "Logga ut", signedIn: "Inloggad",
      signedOut: "Logga in för att se kundfordringarna.", sessionEnded: "Du är utloggad. Logga in igen: det du skrivit finns kvar.",
      signInFailed: "Inloggningen misslyckades. Försök igen.",
      forbidden: "Din inloggning ger inte behörigheten {scope}, som sidan behöver. Be din administratör om den.",
      stale: "Tjänsten svarade inte ({when}). Det som visas hämtades {loaded} och kan vara inaktuellt.",
      staleNever: "Tjänsten svarade inte ({when}); inget kunde hämtas.", switchTo: "English", switchLang: "en",
      overview: "Översikt", currency: "Valuta", asOf: "Körningen {run} per {asOf}", noRun: "Ingen körning har byggt reskontran än.",
      open: "Öppet", overdue: "Förfallet", overdueShare: "Andel förfallet", dso: "DSO (dagar)", sincePrevious: "sedan förra körningen",
      noPrevious: "ingen tidigare körning", aging: "Åldersfördelning", trend: "DSO och andel förfallet per körning",
      exposureVsLimit: "Exponering mot kreditgräns, största kunderna", asTable: "Visa som tabell",
      NOT_DUE: "Ej förfallet", DAYS_1_30: "1–30 dagar", DAYS_31_60: "31–60 dagar", DAYS_61_90: "61–90 dagar", OVER_90: "Över 90 dagar",
      bucket: "Intervall", invoices: "Fakturor", amount: "Belopp", run: "Körning", day: "Dag",
      alertsHeading: "Öppna varningar ({count})", noAlerts: "Inga öppna varningar.", customers: "Kunder",
      filter: "Sök kund (namn eller id)", search: "Sök", customer: "Kund", exposure: "Exponering", limit: "Kreditgräns",
      days12: "Dagar efter förfallo, 12 mån", days90: "Dagar efter förfallo, 90 dagar", lastLetter: "Senaste brev", alerts: "Varningar",
      previous: "Föregående", next: "Nästa", pageOf: "Sida {page} av {pages}, {total} kunder", noLimit: "ingen",
      overLimit: "över gränsen", withinLimit: "inom gränsen", back: "← Alla kunder", runCheck: "Pröva kredit för kunden",
      openInvoices: "Öppna fakturor", actions: "Åtgärder", decide: "Beslut om en faktura", invoice: "Faktura", decision: "Beslut",
      markDisputed: "Markera som bestridd", clearDispute: "Ta bort bestridande", pauseUntil: "Pausa till och med", promise: "Betalningslöfte",
      reason: "Skäl", promiseDate: "Lovad betalningsdag", save: "Spara", setLimit: "Sätt kreditgräns", validUntil: "Gäller till och med (frivilligt)",
      note: "Anteckning (frivilligt)", saved: "Sparat.", failed: "Det gick inte att spara.", letters: "Brev", pdf: "PDF",
      paymentRecord: "Betalningshistorik", payments: "Betalningar", limitHistory: "Gränshistorik", creditChecks: "Kreditprövningar",
      number: "Nummer", dueDate: "Förfallodag", openAmount: "Öppet belopp", daysOverdue: "Dagar förfallen", level: "Nivå",
      nextStep: "Nästa steg", decided: "Beslutat", date: "Datum", daysBeyondTerms: "Dagar efter förfallo", source: "Källa",
      from: "Från", until: "Till", by: "Av", score: "Poäng", riskClass: "Riskklass", none: "Inga",
      headroom: "Utrymme", utilisation: "Utnyttjat", country: "Land", paid12: "Betalda fakturor, 12 mån",
      late12: "Varav sent", avg12: "Snitt dagar efter förfallo, 12 mån", avg90: "Snitt dagar efter förfallo, 90 dagar",
      disputed: "bestridd", pausedTo: "pausad till", promisedFor: "lovad", LETTER: "brev i dag", INSURER_REPORT: "anmälan till försäkringsbolaget i dag",
      WAIT: "väntar", notFound: "Kunden finns inte i reskontran.", required: "Fyll i detta fält.", chooseInvoice: "Välj en faktura.",
      grouped: "Skriv beloppet utan punkt eller komma mellan tusentalen, t.ex. 250000 eller 250 000."
    },
    en: {
      title: "Receivables", toCreditCheck: "Credit check", signIn: "Sign in", signOut: "Sign out", signedIn: "Signed in",
      signedOut: "Sign in to see the receivables.", sessionEnded: "Your session has ended. Sign in again: what you typed is kept.",
      signInFailed: "Signing in failed. Try again.",
      forbidden: "Your sign-in does not grant the scope {scope} this page needs. Ask your administrator for it.",
      stale: "The service did not answer ({when}). What is shown was loaded {loaded} and may be out of date.",
      staleNever: "The service did not answer ({when}); nothing could be loaded.", switchTo: "Svenska", switchLang: "sv",
      overview: "Overview", currency: "Currency", asOf: "Run {run} as of {asOf}", noRun: "No run has built the ledger yet.",
      open: "Open", overdue: "Overdue", overdueShare: "Overdue share", dso: "DSO (days)", sincePrevious: "since the previous run",
      noPrevious: "no previous run", aging: "Aging", trend: "DSO and overdue share per run",
      exposureVsLimit: "Exposure against limit, largest customers", asTable: "Show as a table",
      NOT_DUE: "Not due", DAYS_1_30: "1–30 days", DAYS_31_60: "31–60 days", DAYS_61_90: "61–90 days", OVER_90: "Over 90 days",
      bucket: "Bucket", invoices: "Invoices", amount: "Amount", run: "Run", day: "Day",
      alertsHeading: "Open alerts ({count})", noAlerts: "No open alerts.", customers: "Customers",
      filter: "Find a customer (name or id)", search: "Search", customer: "Customer", exposure: "Exposure", limit: "Credit limit",
      days12: "Days beyond terms, 12 months", days90: "Days beyond terms, 90 days", lastLetter: "Last letter", alerts: "Alerts",
      previous: "Previous", next: "Next", pageOf: "Page {page} of {pages}, {total} customers", noLimit: "none",
      overLimit: "over the limit", withinLimit: "within the limit", back: "← All customers", runCheck: "Check this customer's credit",
      openInvoices: "Open invoices", actions: "Actions", decide: "A decision on an invoice", invoice: "Invoice", decision: "Decision",
      markDisputed: "Mark as disputed", clearDispute: "Clear the dispute", pauseUntil: "Pause until", promise: "Promise to pay",
      reason: "Reason", promiseDate: "Promised payment date", save: "Save", setLimit: "Set the credit limit", validUntil: "Valid until (optional)",
      note: "Note (optional)", saved: "Saved.", failed: "It could not be saved.", letters: "Letters", pdf: "PDF",
      paymentRecord: "Payment record", payments: "Payments", limitHistory: "Limit history", creditChecks: "Credit checks",
      number: "Number", dueDate: "Due date", openAmount: "Open amount", daysOverdue: "Days overdue", level: "Level",
      nextStep: "Next step", decided: "Decided", date: "Date", daysBeyondTerms: "Days beyond terms", source: "Source",
      from: "From", until: "Until", by: "By", score: "Score", riskClass: "Risk class", none: "None",
      headroom: "Headroom", utilisation: "Utilisation", country: "Country", paid12: "Invoices paid, 12 months",
      late12: "Of which late", avg12: "Average days beyond terms, 12 months", avg90: "Average days beyond terms, 90 days",
      disputed: "disputed", pausedTo: "paused until", promisedFor: "promised for", LETTER: "letter today", INSURER_REPORT: "insurer report today",
      WAIT: "waiting", notFound: "The customer is not in the ledger.", required: "Fill in this field.", chooseInvoice: "Choose an invoice.",
      grouped: "Write the amount without a comma or point between the thousands, e.g. 250000 or 250 000."
    }
  };
  var BUCKETS = ["NOT_DUE", "DAYS_1_30", "DAYS_31_60", "DAYS_61_90", "OVER_90"];
  var PAGE_SIZE = 25;
  var DRAFT_FIELDS = ["filter", "invoice", "decision", "disputeReason", "pausedUntil", "promisedPaymentDate", "amount",
    "limitCurrency", "validUntil", "note"];
  var RESUME = "creditguard.receivables.resume";

  var $ = function (id) { return document.getElementById(id); };
  var lang = document.documentElement.lang === "sv" ? "sv" : "en";
  var t = function (key, values) {
    var text = TEXT[lang][key] || key;
    Object.keys(values || {}).forEach(function (k) { text = text.split("{" + k + "}").join(String(values[k])); });
    return text;
  };
  var auth = creditguardSignIn;
  var scope = ($("app").dataset.authScope || "").split(" ").filter(function (s) { return s !== "openid"; }).join(" ");
  var state = { sort: "exposure", currency: null, q: "", page: 1 };
  var data = { list: null, runs: null, exposure: null, customer: null, loadedAt: null };
  var charts = [];
  var pendingDrafts = null;

  // ---- formatting, in the page's language
  function locale() { return lang === "sv" ? "sv-SE" : "en-GB"; }
  function money(value, currency) {
    if (value === null || value === undefined) { return "–"; }
    return new Intl.NumberFormat(locale(), { style: "currency", currency: currency }).format(value);
  }
  function decimal(value, digits) {
    if (value === null || value === undefined) { return "–"; }
    return new Intl.NumberFormat(locale(), { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);
  }
  function percent(value) {
    if (value === null || value === undefined) { return "–"; }
    return new Intl.NumberFormat(locale(), { style: "percent", maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(value);
  }
  function signed(text, value) { return (value > 0 ? "+" : "") + text; }
  function time(date) { return date.toISOString().substring(0, 16).replace("T", " ") + " UTC"; }

  // ---- elements, always with text
  function el(tag, text, className) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (className) { e.className = className; }
    return e;
  }
  function row(cells, header) {
    var tr = document.createElement("tr");
    cells.forEach(function (c) {
      var cell = el(header ? "th" : "td");
      if (header) { cell.scope = "col"; }
      if (c instanceof Node) { cell.appendChild(c); } else if (c && typeof c === "object") {
        cell.textContent = c.text; if (c.num) { cell.className = "num"; } if (c.value !== undefined) { cell.dataset.value = c.value; }
      } else { cell.textContent = c === null || c === undefined ? "–" : String(c); }
      tr.appendChild(cell);
    });
    return tr;
  }
  function table(id, head, rows) {
    var tableEl = $(id);
    var thead = tableEl.tHead || tableEl.createTHead();
    thead.replaceChildren(row(head, true));
    tableEl.tBodies[0] ? tableEl.tBodies[0].replaceChildren() : tableEl.appendChild(document.createElement("tbody"));
    rows.forEach(function (r) { tableEl.tBodies[0].appendChild(r instanceof Node ? r : row(r)); });
    if (!rows.length) {
      var none = el("td", t("none"));
      none.colSpan = head.length;
      var tr = document.createElement("tr");
      tr.appendChild(none);
      tableEl.tBodies[0].appendChild(tr);
    }
  }
  function customerLink(id, name) {
    var a = el("a", name || id);
    a.href = "#customer/" + encodeURIComponent(id);
    return a;
  }

  // ---- the API
  function notice(text) { $("notice").textContent = text || ""; $("notice").hidden = !text; }
  /** What of the operator's configuration the figures could not use (the server's problems), or nothing. */
  function configurationNotice(answer) { notice((answer.problems || []).join(" ")); }

  /** Saves what was typed and where the page was, so signing in again brings both back. */
  function saveResume() {
    var drafts = {};
    DRAFT_FIELDS.forEach(function (id) { drafts[id] = $(id).value; });
    sessionStorage.setItem(RESUME, JSON.stringify({ hash: location.hash, drafts: drafts }));
  }
  function resume() {
    var saved = JSON.parse(sessionStorage.getItem(RESUME) || "null");
    sessionStorage.removeItem(RESUME);
    if (!saved) { return null; }
    if (saved.hash && location.hash !== saved.hash) { history.replaceState(null, "", location.pathname + saved.hash); }
    return saved.drafts;
  }
  function applyDrafts(drafts) {
    if (!drafts) { return; }
    DRAFT_FIELDS.forEach(function (id) {
      if (drafts[id] === undefined || drafts[id] === "") { return; }
      if ($(id).tagName === "SELECT" && !Array.prototype.some.call($(id).options, function (o) { return o.value === drafts[id]; })) { return; }
      $(id).value = drafts[id];
    });
    showDecisionFields();
  }

  /**
   * The API's answer as {status, body}; a 401 ends the session (sign in again, keeping what was typed), a 403 names
   * the scope that is missing, no answer at all says what is stale and since when. Those three reject.
   */
  function api(path, options) {
    var init = Object.assign({ method: "GET" }, options || {});
    init.headers = Object.assign({ "accept": "application/json", "accept-language": lang }, init.headers || {}, auth.headers());
    return fetch(path, init).then(function (response) {
      if (response.status === 401) {
        auth.signOut();
        showAuth();
        notice(t("sessionEnded"));
        throw new Error("signed out");
      }
      if (response.status === 403) {
        notice(t("forbidden", { scope: scope || "creditguard/reminders" }));
        throw new Error("forbidden");
      }
      var type = response.headers.get("content-type") || "";
      var body = type.indexOf("json") >= 0 ? response.json() : response.blob();
      return body.then(function (b) {
        if (response.status >= 500 && response.status !== 503) { stale(); throw new Error("server"); }
        return { status: response.status, body: b };
      });
    }, function (error) { stale(); throw error; });
  }
  function stale() {
    var when = time(new Date());
    notice(data.loadedAt ? t("stale", { when: when, loaded: time(data.loadedAt) }) : t("staleNever", { when: when }));
  }

  // ---- sign-in
  function showAuth() {
    if (!auth.enabled) { return; }
    $("auth").hidden = false;
    $("sign-in").hidden = auth.signedIn();
    $("sign-out").hidden = !auth.signedIn();
    $("auth-status").textContent = auth.signedIn() ? t("signedIn") : "";
  }

  // ---- the overview
  function isoDay(date) { return date.toISOString().substring(0, 10); }
  function listPath() {
    var query = new URLSearchParams({ sort: state.sort, page: String(state.page), size: String(PAGE_SIZE) });
    if (state.currency) { query.set("currency", state.currency); }
    if (state.q) { query.set("q", state.q); }
    return "customers?" + query.toString();
  }

  function loadOverview() {
    var from = new Date(Date.now() - 400 * 86400000);
    var started = performance.now();
    return Promise.all([api(listPath()), api("runs?from=" + isoDay(from))]).then(function (answers) {
      if (answers[0].status !== 200) { showListProblem(answers[0].body); return; }
      data.list = answers[0].body;
      data.runs = answers[1].status === 200 ? answers[1].body.runs : [];
      data.loadedAt = new Date();
      if (!state.currency) { state.currency = data.list.currency || null; }
      if (state.sort === "exposure" && state.page === 1 && !state.q) { data.exposure = data.list; }
      configurationNotice(data.list);
      renderOverview();
      document.body.dataset.firstRenderMs = String(Math.round(performance.now() - started));
    });
  }

  function loadPage() {
    $("filter-error").textContent = "";
    return api(listPath()).then(function (answer) {
      if (answer.status !== 200) { showListProblem(answer.body); return; }
      data.list = answer.body;
      data.loadedAt = new Date();
      configurationNotice(data.list);
      renderTable();
    });
  }

  function showListProblem(problem) {
    var placed = false;
    (problem.errors || []).forEach(function (e) {
      if (e.field === "q") { $("filter-error").textContent = e.message; placed = true; }
    });
    if (!placed) { notice(problem.detail || problem.title || t("failed")); }
  }

  function latestRuns() {
    var runs = data.runs || [];
    return { last: runs.length ? runs[runs.length - 1] : null, previous: runs.length > 1 ? runs[runs.length - 2] : null };
  }
  function figures(run, currency) {
    if (!run) { return null; }
    return run.byCurrency.filter(function (c) { return c.currency === currency; })[0] || null;
  }

  function renderOverview() {
    var list = data.list;
    $("overview").hidden = false;
    $("customer").hidden = true;
    $("as-of").textContent = list.run ? t("asOf", { run: list.run, asOf: list.asOf }) : t("noRun");
    var runs = latestRuns();
    var currencies = (runs.last ? runs.last.byCurrency : list.totals || []).map(function (c) { return c.currency; });
    var select = $("currency");
    select.replaceChildren();
    currencies.forEach(function (c) { var o = el("option", c); o.value = c; select.appendChild(o); });
    if (state.currency) { select.value = state.currency; }
    renderTotals(runs);
    renderCharts();
    renderAlerts();
    renderTable();
  }

  function renderTotals(runs) {
    var cards = $("totals");
    cards.replaceChildren();
    // The chosen currency first, the others as the run lists them.
    var source = (runs.last ? runs.last.byCurrency : (data.list.totals || [])).slice().sort(function (a, b) {
      return (b.currency === state.currency) - (a.currency === state.currency);
    });
    source.forEach(function (c) {
      var card = el("section", null, "card");
      card.dataset.currency = c.currency;
      card.appendChild(el("h3", c.currency));
      var dl = el("dl");
      var before = figures(runs.previous, c.currency);
      function fact(key, value, text, change) {
        dl.appendChild(el("dt", t(key)));
        var dd = el("dd", text);
        dd.dataset.key = key;
        dd.dataset.value = value === null || value === undefined ? "" : String(value);
        if (change !== null) { dd.appendChild(document.createTextNode(" ")); dd.appendChild(el("span", change, "change")); }
        dl.appendChild(dd);
      }
      function change(now, then, format) {
        if (!before) { return "(" + t("noPrevious") + ")"; }
        if (now === null || now === undefined || then === null || then === undefined) { return null; }
        return "(" + signed(format(now - then), now - then) + " " + t("sincePrevious") + ")";
      }
      fact("open", c.open, money(c.open, c.currency), change(c.open, before && before.open, function (v) { return money(v, c.currency); }));
      fact("overdue", c.overdue, money(c.overdue, c.currency), change(c.overdue, before && before.overdue, function (v) { return money(v, c.currency); }));
      if (runs.last) {
        fact("overdueShare", c.overdueShare, percent(c.overdueShare), change(c.overdueShare, before && before.overdueShare, percent));
        fact("dso", c.dsoDays, decimal(c.dsoDays, 1), change(c.dsoDays, before && before.dsoDays, function (v) { return decimal(v, 1); }));
      }
      card.appendChild(dl);
      cards.appendChild(card);
    });
  }

  function chartWidth(id) { return Math.max(280, $(id).clientWidth || 460); }
  function clearCharts() { charts.forEach(function (c) { c.destroy(); }); charts = []; }

  function renderCharts() {
    clearCharts();
    var currency = state.currency;
    var run = latestRuns().last;
    // Aging, per bucket, in the chosen currency; the table lists every currency.
    var agingRows = [];
    (run ? run.byCurrency : []).forEach(function (c) {
      c.aging.forEach(function (b) {
        agingRows.push([c.currency, t(b.bucket), { text: String(b.invoices), num: true },
          { text: money(b.amount, c.currency), num: true, value: b.amount }]);
      });
    });
    table("aging-table", [t("currency"), t("bucket"), t("invoices"), t("amount")], agingRows);
    var mine = figures(run, currency);
    $("aging-chart").replaceChildren();
    if (mine) {
      var amounts = BUCKETS.map(function (b) {
        var bucket = mine.aging.filter(function (a) { return a.bucket === b; })[0];
        return bucket ? bucket.amount : 0;
      });
      charts.push(new uPlot({
        width: chartWidth("aging-chart"), height: 220, legend: { show: false },
        scales: { x: { time: false, range: [-0.5, BUCKETS.length - 0.5] } },
        axes: [{ splits: function () { return [0, 1, 2, 3, 4]; }, values: function (u, splits) { return splits.map(function (i) { return t(BUCKETS[i]) || ""; }); } },
          { size: 80, values: function (u, splits) { return splits.map(function (v) { return decimal(v, 0); }); } }],
        series: [{}, { label: t("amount") + " (" + currency + ")", fill: "#0b57d0", width: 0, points: { show: false },
          paths: uPlot.paths.bars({ size: [0.6, 100] }) }]
      }, [[0, 1, 2, 3, 4], amounts], $("aging-chart")));
    }
    // DSO and overdue share over the runs.
    var runs = data.runs || [];
    var trend = runs.map(function (r) { return { run: r, c: figures(r, currency) }; }).filter(function (x) { return x.c; });
    table("trend-table", [t("day"), t("run"), t("dso"), t("overdueShare")], trend.map(function (x) {
      return [x.run.asOf, x.run.run, { text: decimal(x.c.dsoDays, 1), num: true, value: x.c.dsoDays },
        { text: percent(x.c.overdueShare), num: true, value: x.c.overdueShare }];
    }));
    $("trend-chart").replaceChildren();
    if (trend.length) {
      // By the day each run read the book as of; two runs of one day a second apart, as uPlot's x values must increase.
      var xs = trend.map(function (x, i) { return Date.parse(x.run.asOf) / 1000 + i; });
      charts.push(new uPlot({
        width: chartWidth("trend-chart"), height: 220,
        scales: { x: { time: true }, days: { auto: true }, share: { range: [0, 100] } },
        axes: [{ space: 90, splits: xs.length <= 8 ? function () { return xs; } : undefined,
          values: function (u, splits) { return splits.map(function (s) { return new Date(s * 1000).toISOString().substring(0, 10); }); } },
          { scale: "days", values: function (u, s) { return s.map(function (v) { return decimal(v, 0); }); } },
          { scale: "share", side: 1, grid: { show: false }, values: function (u, s) { return s.map(function (v) { return v + " %"; }); } }],
        series: [{ label: t("day"), value: function (u, v) { return v === null ? "–" : new Date(v * 1000).toISOString().substring(0, 10); } },
          { label: t("dso"), scale: "days", stroke: "#0b57d0", width: 2, points: { show: true, size: 7 },
            value: function (u, v) { return decimal(v, 1); } },
          { label: t("overdueShare"), scale: "share", stroke: "#b42318", width: 2, dash: [6, 4], points: { show: true, size: 7 },
            value: function (u, v) { return v === null ? "–" : decimal(v, 1) + " %"; } }]
      }, [xs, trend.map(function (x) { return x.c.dsoDays; }),
        trend.map(function (x) { return x.c.overdueShare === null ? null : x.c.overdueShare * 100; })], $("trend-chart")));
    }
    renderExposure();
  }

  /**
   * A row's exposure: the ledger's, in its limit's currency, when it has a limit; else what is open in the listing's
   * currency (a customer without a limit has no currency to convert into).
   */
  function exposureOf(c, currency) {
    if (c.exposure) { return c.exposure; }
    var mine = (c.byCurrency || []).filter(function (b) { return b.currency === currency; })[0];
    return mine ? { amount: mine.open, currency: mine.currency } : null;
  }

  function renderExposure() {
    var list = data.exposure;
    var rows = (list ? list.customers : []).map(function (c) { return Object.assign({}, c, { exposure: exposureOf(c, list.currency) }); })
      .filter(function (c) { return c.exposure && c.exposure.currency === state.currency; }).slice(0, 10);
    table("exposure-table", [t("customer"), t("exposure"), t("limit"), ""], rows.map(function (c) {
      var over = c.limit && c.exposure.amount > c.limit.amount;
      var tr = row([customerLink(c.customerId, c.name), { text: money(c.exposure.amount, c.exposure.currency), num: true, value: c.exposure.amount },
        { text: c.limit ? money(c.limit.amount, c.limit.currency) : t("noLimit"), num: true },
        c.limit ? (over ? t("overLimit") : t("withinLimit")) : ""]);
      if (over) { tr.className = "over"; }
      return tr;
    }));
    $("exposure-chart").replaceChildren();
    if (!rows.length) { return; }
    var colours = rows.map(function (c) { return c.limit && c.exposure.amount > c.limit.amount ? "#b42318" : "#0b57d0"; });
    charts.push(new uPlot({
      width: chartWidth("exposure-chart"), height: 240,
      scales: { x: { time: false, range: [-0.5, rows.length - 0.5] } },
      axes: [{ splits: function () { return rows.map(function (c, i) { return i; }); }, rotate: 0, size: 40,
        values: function (u, splits) { return splits.map(function (i) { var n = rows[i] ? rows[i].name || rows[i].customerId : ""; return n.length > 12 ? n.substring(0, 11) + "…" : n; }); } },
        { size: 80, values: function (u, s) { return s.map(function (v) { return decimal(v, 0); }); } }],
      series: [{ label: t("customer"), value: function (u, i) { return i === null || !rows[i] ? "–" : rows[i].name; } },
        { label: t("exposure") + " (" + state.currency + "; " + t("overLimit") + ": ▇ " + ")", width: 0, fill: "#0b57d0",
          paths: uPlot.paths.bars({ size: [0.6, 100], disp: { fill: { unit: 3, values: function () { return colours; } } } }),
          points: { show: false }, value: function (u, v) { return money(v, state.currency); } },
        { label: t("limit") + " ◆", stroke: "#1b1f24", width: 0, paths: function () { return null; },
          points: { show: true, size: 12, width: 3, stroke: "#1b1f24", fill: "#ffffff" },
          value: function (u, v) { return v === null ? t("noLimit") : money(v, state.currency); } }]
    }, [rows.map(function (c, i) { return i; }), rows.map(function (c) { return c.exposure.amount; }),
      rows.map(function (c) { return c.limit && c.limit.currency === state.currency ? c.limit.amount : null; })], $("exposure-chart")));
  }

  function renderAlerts() {
    var list = data.list;
    $("alerts-heading").textContent = t("alertsHeading", { count: list.openAlertCount || 0 });
    var ul = $("alerts");
    ul.replaceChildren();
    if (!(list.openAlerts || []).length) { ul.appendChild(el("li", t("noAlerts"))); }
    (list.openAlerts || []).forEach(function (a) {
      var li = el("li");
      li.appendChild(el("span", a.alert.type, "tag"));
      li.appendChild(customerLink(a.customerId, a.name));
      li.appendChild(document.createTextNode(" " + a.alert.since + ": " + (a.alert.detail || "")));
      ul.appendChild(li);
    });
  }

  function renderTable() {
    var list = data.list;
    var body = $("customer-table").tBodies[0];
    body.replaceChildren();
    list.customers.forEach(function (c) {
      var mine = (c.byCurrency || []).filter(function (b) { return b.currency === list.currency; })[0] || (c.byCurrency || [])[0] || {};
      var shown = exposureOf(c, list.currency) || (mine.currency ? { amount: mine.open, currency: mine.currency } : null);
      var over = c.limit && c.exposure && c.exposure.amount > c.limit.amount;
      var exposure = shown ? money(shown.amount, shown.currency) + (over ? " (" + t("overLimit") + ")" : "") : "–";
      var tr = row([customerLink(c.customerId, c.name), { text: exposure, num: true },
        { text: mine.currency ? money(mine.overdue, mine.currency) : "–", num: true },
        { text: c.limit ? money(c.limit.amount, c.limit.currency) : t("noLimit"), num: true },
        { text: decimal(mine.averageDaysBeyondTerms12Months, 1), num: true },
        { text: decimal(mine.averageDaysBeyondTerms90Days, 1), num: true },
        c.lastLetter ? c.lastLetter.sentOn + " (" + t("level") + " " + c.lastLetter.level + ")" : "–",
        (c.openAlerts || []).map(function (a) { return a.type; }).join(", ") || "–"]);
      tr.dataset.customer = c.customerId;
      if (over) { tr.className = "over"; tr.cells[1].classList.add("exposure"); }
      body.appendChild(tr);
    });
    var pages = Math.max(1, Math.ceil(list.total / list.size));
    $("customer-caption").textContent = t("customers") + " (" + list.currency + ")";
    $("page-status").textContent = t("pageOf", { page: list.page, pages: pages, total: list.total });
    $("prev").disabled = list.page <= 1;
    $("next").disabled = list.page >= pages;
    document.querySelectorAll("#customer-table th[data-sort]").forEach(function (th) {
      th.setAttribute("aria-sort", th.dataset.sort === state.sort ? "descending" : "none");
    });
  }

  // ---- a customer's page
  function loadCustomer(id) {
    return api("customers/" + encodeURIComponent(id)).then(function (answer) {
      if (answer.status === 404) { notice(t("notFound")); return; }
      if (answer.status !== 200) { notice(answer.body.detail || t("failed")); return; }
      data.customer = answer.body;
      data.loadedAt = new Date();
      configurationNotice(data.customer);
      renderCustomer();
      $("customer-name").focus();
    });
  }

  function renderCustomer() {
    clearCharts();
    var v = data.customer;
    $("overview").hidden = true;
    $("customer").hidden = false;
    $("as-of").textContent = v.run ? t("asOf", { run: v.run, asOf: v.asOf }) : "";
    $("customer-name").textContent = v.customer.name || v.customer.id;
    var facts = $("customer-facts");
    facts.replaceChildren();
    function fact(term, value) { facts.appendChild(el("dt", term)); facts.appendChild(el("dd", value)); }
    fact("id", v.customer.id);
    fact(t("country"), v.customer.country);
    fact(t("limit"), v.limit ? money(v.limit.amount, v.limit.currency) : t("noLimit"));
    if (v.exposure) { fact(t("exposure"), money(v.exposure.amount, v.exposure.currency)); }
    if (v.headroom !== undefined && v.exposure) { fact(t("headroom"), money(v.headroom, v.exposure.currency) + (v.headroom < 0 ? " (" + t("overLimit") + ")" : "")); }
    if (v.utilisation !== undefined) { fact(t("utilisation"), percent(v.utilisation)); }
    (v.alerts || []).forEach(function (a) { fact(t("alerts"), a.type + ": " + (a.detail || "")); });
    var check = new URLSearchParams({ customer: v.customer.id });
    if (v.customer.country) { check.set("country", v.customer.country); }
    if (v.customer.name) { check.set("name", v.customer.name); }
    $("run-check").href = "credit-check#" + check.toString();

    table("invoice-table", [t("number"), t("dueDate"), t("openAmount"), t("daysOverdue"), t("level"), t("nextStep"), t("decided")],
      (v.openInvoices || []).map(function (i) {
        var d = i.dunning || {};
        var next = d.next ? t(d.next.step) + (d.next.detail ? ": " + d.next.detail : "") : "–";
        var decisions = d.decisions || {};
        var decided = [];
        if (decisions.disputed) { decided.push(t("disputed") + (decisions.disputeReason ? ": " + decisions.disputeReason : "")); }
        if (decisions.pausedUntil) { decided.push(t("pausedTo") + " " + decisions.pausedUntil); }
        if (decisions.promisedPaymentDate) { decided.push(t("promisedFor") + " " + decisions.promisedPaymentDate); }
        var tr = row([i.invoiceNumber || i.invoiceId, i.dueDate, { text: money(i.openAmount, i.currency), num: true },
          { text: String(i.daysOverdue), num: true }, d.level === undefined ? "–" : String(d.level), next, decided.join("; ") || "–"]);
        tr.dataset.invoice = i.invoiceId;
        return tr;
      }));
    var invoice = $("invoice");
    var chosen = invoice.value;
    invoice.replaceChildren();
    (v.openInvoices || []).forEach(function (i) {
      var o = el("option", (i.invoiceNumber || i.invoiceId) + " · " + money(i.openAmount, i.currency));
      o.value = i.invoiceId;
      invoice.appendChild(o);
    });
    if (chosen) { invoice.value = chosen; }
    if (pendingDrafts) { applyDrafts(pendingDrafts); pendingDrafts = null; }
    if (!$("limitCurrency").value) { $("limitCurrency").value = v.limit ? v.limit.currency : (v.exposure ? v.exposure.currency : ""); }

    var letters = $("letters");
    letters.replaceChildren();
    if (!(v.letters || []).length) { letters.appendChild(el("li", t("none"))); }
    (v.letters || []).forEach(function (l) {
      var li = el("li", l.sentOn + " · " + t("level") + " " + l.level + " · " + l.kind + " ");
      if (l.letterId) { // a level the book recorded before the run kept its letters has none
        var button = el("button", t("pdf") + " " + l.letterId, "link");
        button.type = "button";
        button.addEventListener("click", function () { openLetter(l.letterId); });
        li.appendChild(button);
      }
      letters.appendChild(li);
    });

    var record = $("record-facts");
    record.replaceChildren();
    (v.currencies || []).forEach(function (c) {
      var r = c.paymentRecord || {};
      var y = r.last12Months || {};
      var q = r.last90Days || {};
      record.appendChild(el("dt", c.currency));
      record.appendChild(el("dd", t("paid12") + " " + (y.invoicesPaid || 0) + ", " + t("late12") + " " + (y.invoicesPaidLate || 0)
        + "; " + t("avg12") + " " + decimal(y.averageDaysBeyondTerms, 1) + "; " + t("avg90") + " " + decimal(q.averageDaysBeyondTerms, 1)));
    });
    var payments = (v.payments || []).slice().sort(function (a, b) { return a.date < b.date ? -1 : a.date > b.date ? 1 : 0; });
    table("payment-table", [t("date"), t("invoice"), t("amount"), t("daysBeyondTerms")], payments.map(function (p) {
      return [p.date, p.invoiceNumber || p.invoiceId, { text: money(p.amount, p.currency), num: true }, { text: String(p.daysBeyondTerms), num: true }];
    }));
    $("payment-chart").replaceChildren();
    if (payments.length) {
      charts.push(new uPlot({
        width: chartWidth("payment-chart"), height: 180, scales: { x: { time: true } },
        axes: [{ space: 90, values: function (u, s) { return s.map(function (x) { return new Date(x * 1000).toISOString().substring(0, 10); }); } },
          { values: function (u, s) { return s.map(function (x) { return decimal(x, 0); }); } }],
        series: [{ label: t("date"), value: function (u, x) { return x === null ? "–" : new Date(x * 1000).toISOString().substring(0, 10); } },
          { label: t("daysBeyondTerms"), stroke: "#0b57d0", width: 0, fill: "#0b57d0", points: { show: false },
            paths: uPlot.paths.bars({ size: [0.5, 24] }) }]
      }, [payments.map(function (p) { return Date.parse(p.date) / 1000; }), payments.map(function (p) { return p.daysBeyondTerms; })],
      $("payment-chart")));
    }
    table("limit-table", [t("from"), t("until"), t("limit"), t("source"), t("note"), t("by")], (v.limitHistory || []).map(function (h) {
      return [h.validFrom, h.validUntil || "–", { text: money(h.amount, h.currency), num: true }, h.source, h.note || "–", h.by || "–"];
    }));
    table("check-table", [t("date"), t("decision"), t("score"), t("riskClass"), t("limit")], (v.creditChecks || []).map(function (c) {
      return [c.asOf, c.decision, { text: String(c.score), num: true }, c.riskClass, { text: money(c.creditLimit, c.currency), num: true }];
    }));
  }

  /** A letter's PDF, fetched with the token (a plain link would carry none) and opened from memory. */
  function openLetter(letterId) {
    api("letters/" + encodeURIComponent(letterId) + ".pdf", { headers: { accept: "application/pdf" } }).then(function (answer) {
      if (answer.status !== 200) { $("action-error").textContent = (answer.body && answer.body.detail) || t("failed"); return; }
      var a = document.createElement("a");
      a.href = URL.createObjectURL(answer.body);
      a.download = letterId + ".pdf";
      document.body.appendChild(a);
      a.click();
      a.remove();
    }).catch(function () { /* told by api() */ });
  }

  // ---- actions
  function clearErrors() {
    $("action-error").textContent = "";
    $("action-done").textContent = "";
    document.querySelectorAll("#customer [aria-invalid]").forEach(function (e) { e.removeAttribute("aria-invalid"); });
    document.querySelectorAll("#customer .error").forEach(function (e) { e.textContent = ""; });
  }
  function setError(id, message) {
    $(id + "-error").textContent = message;
    $(id).setAttribute("aria-invalid", "true");
  }
  /** The server's problem next to the field it names; what names no field of the form goes above the forms. */
  function showProblem(problem, fields) {
    var unplaced = [];
    (problem.errors || []).forEach(function (e) {
      var name = String(e.field || "").replace(/^\$\.?/, "");
      var id = fields[name];
      if (id) { setError(id, e.message); } else { unplaced.push((name ? name + ": " : "") + e.message); }
    });
    $("action-error").textContent = t("failed") + " " + (unplaced.length ? unplaced.join("; ") : (problem.errors ? "" : problem.detail || problem.title || ""));
    var first = document.querySelector("#customer [aria-invalid='true']");
    if (first) { first.focus(); }
  }
  function send(path, method, body, fields, button) {
    clearErrors();
    button.disabled = true;
    return api(path, { method: method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) })
      .then(function (answer) {
        if (answer.status >= 200 && answer.status < 300) {
          $("action-done").textContent = t("saved");
          return loadCustomer(data.customer.customer.id).then(function () { $("action-done").textContent = t("saved"); });
        }
        showProblem(answer.body, fields);
      })
      .catch(function () { /* told by api() */ })
      .finally(function () { button.disabled = false; });
  }
  function showDecisionFields() {
    var d = $("decision").value;
    $("reason-field").hidden = d !== "dispute";
    $("paused-field").hidden = d !== "pause";
    $("promise-field").hidden = d !== "promise";
  }

  $("decision").addEventListener("change", showDecisionFields);
  $("decide-form").addEventListener("submit", function (event) {
    event.preventDefault();
    clearErrors();
    var invoice = $("invoice").value;
    if (!invoice) { setError("invoice", t("chooseInvoice")); return; }
    var d = $("decision").value;
    var body = d === "dispute" ? { disputed: true, disputeReason: $("disputeReason").value.trim() || null }
      : d === "undispute" ? { disputed: false, disputeReason: null }
      : d === "pause" ? { pausedUntil: $("pausedUntil").value || null }
      : { promisedPaymentDate: $("promisedPaymentDate").value || null };
    send("invoices/" + encodeURIComponent(invoice), "PATCH", body, { disputed: "disputeReason", disputeReason: "disputeReason",
      pausedUntil: "pausedUntil", promisedPaymentDate: "promisedPaymentDate", invoiceId: "invoice" }, $("decide-submit"));
  });
  $("limit-form").addEventListener("submit", function (event) {
    event.preventDefault();
    clearErrors();
    var typed = $("amount").value.trim().replace(/[\s\u00a0]/g, "");
    if (!typed) { setError("amount", t("required")); return; }
    // 250,000 or 250.000: a thousand grouped as English or Dutch write it (three decimals as Swedish would). Read as a
    // decimal it set a thousandth of the limit meant; a space groups thousands unmistakably.
    if (/^-?[1-9]\d{0,2}[.,]\d{3}$/.test(typed)) { setError("amount", t("grouped")); return; }
    var raw = typed.replace(",", ".");
    var body = { amount: /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw, currency: $("limitCurrency").value.trim().toUpperCase() };
    if ($("validUntil").value) { body.validUntil = $("validUntil").value; }
    if ($("note").value.trim()) { body.note = $("note").value.trim(); }
    send("customers/" + encodeURIComponent(data.customer.customer.id) + "/limit", "PUT", body,
      { amount: "amount", currency: "limitCurrency", validUntil: "validUntil", note: "note" }, $("limit-submit"));
  });

  // ---- the overview's controls
  $("currency").addEventListener("change", function () {
    state.currency = $("currency").value;
    state.page = 1;
    var firstView = state.sort === "exposure" && !state.q;
    loadPage().then(function () {
      if (firstView) { data.exposure = data.list; }
      renderTotals(latestRuns());
      renderCharts();
    }).catch(function () { /* told by api() */ });
  });
  document.querySelectorAll("button.sort").forEach(function (button) {
    button.addEventListener("click", function () {
      state.sort = button.dataset.sort;
      state.page = 1;
      loadPage().catch(function () { /* told by api() */ });
    });
  });
  $("filter-form").addEventListener("submit", function (event) {
    event.preventDefault();
    state.q = $("filter").value.trim();
    state.page = 1;
    loadPage().catch(function () { /* told by api() */ });
  });
  $("prev").addEventListener("click", function () { state.page = Math.max(1, state.page - 1); loadPage().catch(function () {}); });
  $("next").addEventListener("click", function () { state.page += 1; loadPage().catch(function () {}); });

  // ---- language, sign-in, routing
  function applyLanguage() {
    document.documentElement.lang = lang;
    document.title = t("title") + " · creditguard";
    document.querySelectorAll("[data-i18n]").forEach(function (e) { e.textContent = t(e.getAttribute("data-i18n")); });
    $("lang-switch").textContent = t("switchTo");
    $("lang-switch").setAttribute("lang", t("switchLang"));
  }
  function route() {
    if (!auth.signedIn()) { return; }
    var match = /^#customer\/(.+)$/.exec(location.hash);
    var id = null;
    if (match) {
      // A link cut short or typed by hand (#customer/100%) names no customer: said so, not a URIError.
      try { id = decodeURIComponent(match[1]); } catch (e) { notice(t("notFound")); return; }
    }
    var loading = match ? loadCustomer(id) : (data.list ? Promise.resolve(renderOverview()) : loadOverview());
    loading.catch(function () { /* told by api() */ });
  }
  $("lang-switch").addEventListener("click", function () {
    lang = t("switchLang");
    applyLanguage();
    showAuth();
    if (!$("customer").hidden && data.customer) { renderCustomer(); } else if (data.list) { renderOverview(); }
  });
  $("sign-in").addEventListener("click", function () {
    saveResume();
    auth.signIn().catch(function () { notice(t("signInFailed")); });
  });
  $("sign-out").addEventListener("click", function () { auth.signOut(); showAuth(); notice(t("signedOut")); });
  window.addEventListener("hashchange", route);

  applyLanguage();
  showDecisionFields();
  auth.complete()
    .then(function () {
      var drafts = auth.signedIn() ? resume() : null;
      showAuth();
      if (!auth.signedIn()) { notice(t("signedOut")); return; }
      applyDrafts(drafts);
      pendingDrafts = drafts;
      if (drafts && drafts.filter) { state.q = drafts.filter; }
      route();
    })
    .catch(function () { showAuth(); notice(t("signInFailed")); });
}());
