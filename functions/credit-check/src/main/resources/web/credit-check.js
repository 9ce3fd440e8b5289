"use strict";
(function () {
  var TEXT = {
    sv: {
      title: "Kreditprövning", intro: "Ange kundens organisationsnummer och den kredit som efterfrågas. Nyckeltal och betalningshistorik är frivilliga men ger ett säkrare svar.",
      company: "Företag", country: "Land", sweden: "Sverige", netherlands: "Nederländerna", orgnr: "Organisationsnummer",
      orgnrHint: "Svenskt organisationsnummer (10 siffror) eller KvK-nummer (8 siffror).", name: "Företagsnamn (frivilligt)",
      request: "Kreditförfrågan", credit: "Begärd kredit", terms: "Betalningsvillkor (dagar)",
      financials: "Nyckeltal från senaste bokslut (frivilligt)", financialsHint: "Fyll i alla fält eller inget.",
      periodEnd: "Bokslutsdatum", revenue: "Omsättning", ebit: "Rörelseresultat (EBIT)", totalAssets: "Balansomslutning",
      currentAssets: "Omsättningstillgångar", currentLiabilities: "Kortfristiga skulder", totalLiabilities: "Totala skulder",
      equity: "Eget kapital", retainedEarnings: "Balanserade vinstmedel",
      payment: "Betalningshistorik (frivilligt)", invoicesPaid: "Betalda fakturor", invoicesPaidLate: "Varav sent betalda",
      averageDaysLate: "Genomsnittlig försening (dagar)", paymentRemarks: "Betalningsanmärkningar",
      submit: "Pröva kredit", riskClass: "Riskklass", score: "Poäng", altman: "Altman Z-score", creditLimit: "Kreditgräns",
      recommendedTerms: "Rekommenderade villkor", reasons: "Skäl, i ordning", conditions: "Villkor", notAssessed: "Inte bedömt",
      none: "Inga", days: "dagar", switchTo: "English", switchLang: "en",
      APPROVE: "Godkänd", APPROVE_WITH_CONDITIONS: "Godkänd med villkor", REFER: "Manuell prövning", DECLINE: "Avslag",
      SAFE: "säker zon", GREY: "gråzon", DISTRESS: "riskzon",
      required: "Fyll i detta fält.", orgnrDigits: "Ett svenskt organisationsnummer har 10 siffror (t.ex. 556036-0793).",
      orgnrLuhn: "Kontrollsiffran stämmer inte; kontrollera numret.", kvkDigits: "Ett KvK-nummer har 8 siffror.",
      number: "Ange ett tal, t.ex. 200000.",
      grouped: "Skriv talet utan punkt eller komma mellan tusentalen, t.ex. 250000 eller 250 000.", allFinancials: "Fyll i alla nyckeltal eller inget.",
      failed: "Prövningen kunde inte göras.", network: "Tjänsten svarade inte. Försök igen.",
      signIn: "Logga in", signOut: "Logga ut", signedIn: "Inloggad", signedOut: "Logga in för att pröva kredit.",
      sessionEnded: "Du är utloggad. Logga in igen för att fortsätta.", signInFailed: "Inloggningen misslyckades. Försök igen.",
      forbidden: "Din inloggning ger inte behörigheten {scope}, som prövningen behöver. Be din administratör om den.",
      fetch: "Hämta bokslut", fetching: "Hämtar bokslut …", fetchFailed: "Bokslutet kunde inte hämtas.",
      filedHeading: "Bokslut och registeruppgifter", filedName: "Namn", filedLegalForm: "Företagsform", filedStatus: "Status",
      filedRegistered: "Registrerat", filedYear: "Räkenskapsår", filedDocument: "Dokument", filedFiled: "Inlämnat",
      filedEquity: "Eget kapital", filedEquityAdjusted: "inklusive obeskattade reserver efter skatt",
      statusActive: "verksamt", statusInactive: "inte verksamt", statusDeregistered: "avregistrerat",
      correct: "Siffrorna är ifyllda från bokslutet: rätta en siffra vid behov innan du prövar.",
      shareCapital: "Aktiekapital (frivilligt)", upload: "Årsredovisning från annat håll (zip eller XHTML, frivilligt)",
      uploadHint: "Dess siffror vägs i stället för de ifyllda.", weighed: "Räkenskaper som vägdes",
      toReceivables: "Kundfordringar", forCustomer: "Kund i reskontran (betalningshistorik och exponering hämtas därifrån):",
      REQUEST: "ifyllda", BOLAGSVERKET: "Bolagsverket", UPLOAD: "uppladdad årsredovisning", KVK: "KvK:s öppna data"
    },
    en: {
      title: "Credit check", intro: "Enter the customer's company id and the credit asked for. Key figures and payment history are optional but make the answer firmer.",
      company: "Company", country: "Country", sweden: "Sweden", netherlands: "Netherlands", orgnr: "Company registration number",
      orgnrHint: "Swedish organisationsnummer (10 digits) or Dutch KvK number (8 digits).", name: "Company name (optional)",
      request: "Credit request", credit: "Credit requested", terms: "Payment terms (days)",
      financials: "Key figures from the latest accounts (optional)", financialsHint: "Fill in all or none.",
      periodEnd: "Period end", revenue: "Revenue", ebit: "Operating profit (EBIT)", totalAssets: "Total assets",
      currentAssets: "Current assets", currentLiabilities: "Current liabilities", totalLiabilities: "Total liabilities",
      equity: "Equity", retainedEarnings: "Retained earnings",
      payment: "Payment history (optional)", invoicesPaid: "Invoices paid", invoicesPaidLate: "Of which paid late",
      averageDaysLate: "Average days late", paymentRemarks: "Payment remarks",
      submit: "Check credit", riskClass: "Risk class", score: "Score", altman: "Altman Z-score", creditLimit: "Credit limit",
      recommendedTerms: "Recommended terms", reasons: "Reasons, in order", conditions: "Conditions", notAssessed: "Not assessed",
      none: "None", days: "days", switchTo: "Svenska", switchLang: "sv",
      APPROVE: "Approved", APPROVE_WITH_CONDITIONS: "Approved with conditions", REFER: "Refer for review", DECLINE: "Declined",
      SAFE: "safe zone", GREY: "grey zone", DISTRESS: "distress zone",
      required: "Fill in this field.", orgnrDigits: "A Swedish organisationsnummer has 10 digits (e.g. 556036-0793).",
      orgnrLuhn: "The check digit does not match; check the number.", kvkDigits: "A KvK number has 8 digits.",
      number: "Enter a number, e.g. 200000.",
      grouped: "Write the number without a comma or point between the thousands, e.g. 250000 or 250 000.", allFinancials: "Fill in all key figures or none.",
      failed: "The check could not be made.", network: "The service did not answer. Try again.",
      signIn: "Sign in", signOut: "Sign out", signedIn: "Signed in", signedOut: "Sign in to check credit.",
      sessionEnded: "Your session has ended. Sign in again to go on.", signInFailed: "Signing in failed. Try again.",
      forbidden: "Your sign-in does not grant the scope {scope} the check needs. Ask your administrator for it.",
      fetch: "Fetch filed accounts", fetching: "Fetching filed accounts …", fetchFailed: "The filed accounts could not be fetched.",
      filedHeading: "Filed accounts and register data", filedName: "Name", filedLegalForm: "Legal form", filedStatus: "Status",
      filedRegistered: "Registered", filedYear: "Financial year", filedDocument: "Document", filedFiled: "Filed",
      filedEquity: "Equity", filedEquityAdjusted: "including untaxed reserves after tax",
      statusActive: "active", statusInactive: "not active", statusDeregistered: "deregistered",
      correct: "The figures are filled in from the filed accounts: correct any of them before checking.",
      shareCapital: "Share capital (optional)", upload: "Annual report obtained elsewhere (zip or XHTML, optional)",
      uploadHint: "Its figures are weighed instead of those filled in.", weighed: "Accounts weighed",
      toReceivables: "Receivables", forCustomer: "Customer of the ledger (the payment record and exposure come from it):",
      REQUEST: "filled in", BOLAGSVERKET: "Bolagsverket", UPLOAD: "uploaded annual report", KVK: "KvK open data"
    }
  };
  var FINANCIALS = ["periodEnd", "revenue", "ebit", "totalAssets", "currentAssets", "currentLiabilities", "totalLiabilities", "equity", "retainedEarnings"];
  var OPTIONAL_FIGURES = ["shareCapital"];
  var PAYMENT = ["invoicesPaid", "invoicesPaidLate", "averageDaysLate", "paymentRemarks"];
  var FIELD_OF_PATH = { "$.company.country": "country", "$.company.registrationNumber": "orgnr", "$.company.name": "name",
    "$.requestedCredit": "credit", "$.requestedTermsDays": "terms", "$.currency": "credit",
    "$.annualReport": "annual-report", "$.annualReport.fileName": "annual-report", "$.annualReport.contentBase64": "annual-report" };
  FINANCIALS.concat(OPTIONAL_FIGURES).forEach(function (f) { FIELD_OF_PATH["$.financials[0]." + f] = f; });
  PAYMENT.forEach(function (f) { FIELD_OF_PATH["$.paymentBehaviour." + f] = f; });

  var lang = document.documentElement.lang === "sv" ? "sv" : "en";

  var auth = creditguardSignIn;
  var ledgerCustomer = ledgerCustomerOfLink();
  var lastResult = null;
  var lastFiled = null;
  var $ = function (id) { return document.getElementById(id); };
  var t = function (key) { return TEXT[lang][key] || key; };

  /**
   * The ledger's customer when the receivables page opened the form (#customer=<id>&country=…&name=…), kept in
   * sessionStorage across the sign-in's redirect, which drops the fragment.
   */
  function ledgerCustomerOfLink() {
    var params = new URLSearchParams(location.hash.substring(1));
    if (params.get("customer")) {
      var link = { id: params.get("customer"), country: params.get("country"), name: params.get("name") };
      sessionStorage.setItem("creditguard.credit-check.customer", JSON.stringify(link));
      return link;
    }
    var kept = new URLSearchParams(location.search).has("code")
      ? JSON.parse(sessionStorage.getItem("creditguard.credit-check.customer") || "null") : null;
    if (!kept) { sessionStorage.removeItem("creditguard.credit-check.customer"); }
    return kept;
  }

  function showLedgerCustomer() {
    if (!ledgerCustomer) { return; }
    $("for-customer").hidden = false;
    $("customer-id").textContent = ledgerCustomer.id + (ledgerCustomer.name ? " (" + ledgerCustomer.name + ")" : "");
    if (ledgerCustomer.country === "SE" || ledgerCustomer.country === "NL") { $("country").value = ledgerCustomer.country; }
    if (ledgerCustomer.name && !$("name").value) { $("name").value = ledgerCustomer.name; }
    // The book gives the payment record: the form's own fields for it would be refused beside the customer.
    PAYMENT.forEach(function (id) { $(id).closest("fieldset").hidden = true; });
  }

  function showAuth(message) {
    if (!auth.enabled) { return; }
    $("auth").hidden = false;
    $("sign-in").hidden = auth.signedIn();
    $("sign-out").hidden = !auth.signedIn();
    $("auth-status").textContent = auth.signedIn() ? t("signedIn") : "";
    if (message) { $("form-error").textContent = message; }
  }

  function applyLanguage() {
    document.documentElement.lang = lang;
    document.title = t("title");
    document.querySelectorAll("[data-i18n]").forEach(function (el) { el.textContent = t(el.getAttribute("data-i18n")); });
    $("lang-switch").textContent = t("switchTo");
    $("lang-switch").setAttribute("lang", t("switchLang"));
    if (lastResult) { render(lastResult); }
    if (lastFiled) { renderFiled(lastFiled); }
  }

  /** A 401: the token has expired or been revoked, so the session has ended and signing in again is offered. */
  function sessionEnded() {
    auth.signOut();
    showAuth(t("sessionEnded"));
  }

  /**
   * A 403: the token lacks the scope the check needs, which the provider did not grant; API Gateway's own answer
   * ({"message":"Forbidden"}) has no detail to show, so the page names the scope.
   */
  function forbidden() {
    var scope = ($("app").dataset.authScope || "").split(" ").filter(function (s) { return s !== "openid"; }).join(" ");
    $("form-error").textContent = t("forbidden").replace("{scope}", scope);
  }

  function setError(id, message) {
    var input = $(id);
    $(id + "-error").textContent = message || "";
    if (message) { input.setAttribute("aria-invalid", "true"); } else { input.removeAttribute("aria-invalid"); }
  }

  function clearErrors() {
    document.querySelectorAll("[aria-invalid]").forEach(function (el) { el.removeAttribute("aria-invalid"); });
    document.querySelectorAll(".error").forEach(function (el) { el.textContent = ""; });
  }

  function digits(value) { return value.replace(/[\s-]/g, ""); }

  function luhn(number) {
    var sum = 0;
    for (var i = 0; i < number.length; i++) {
      var d = number.charCodeAt(number.length - 1 - i) - 48;
      if (i % 2 === 1) { d *= 2; if (d > 9) { d -= 9; } }
      sum += d;
    }
    return sum % 10 === 0;
  }

  /** The same rules as the server: SE orgnr is 10 digits (16 prefix allowed) with a Luhn check digit; KvK is 8 digits. */
  function companyIdError() {
    var raw = $("orgnr").value.trim();
    if (!raw) { return t("required"); }
    var d = digits(raw);
    if ($("country").value === "NL") { return /^\d{8}$/.test(d) ? "" : t("kvkDigits"); }
    if (/^16\d{10}$/.test(d)) { d = d.substring(2); }
    if (!/^\d{10}$/.test(d)) { return t("orgnrDigits"); }
    return luhn(d) ? "" : t("orgnrLuhn");
  }

  /**
   * 250,000 or 250.000: a thousand grouped as English or Dutch write it, or three decimals as Swedish would. Read as
   * a decimal it asked for a thousandth of the credit meant, so it is refused; a space groups thousands unmistakably.
   */
  function grouped(id) { return /^-?[1-9]\d{0,2}[.,]\d{3}$/.test($(id).value.replace(/\s/g, "")); }

  function number(id) {
    var raw = $(id).value.trim().replace(/\s/g, "").replace(",", ".");
    if (grouped(id)) { return NaN; }
    return raw === "" ? null : (/^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : NaN);
  }

  function numberError(id) { return grouped(id) ? t("grouped") : t("number"); }

  function validate() {
    clearErrors();
    var ok = true;
    var idError = companyIdError();
    if (idError) { setError("orgnr", idError); ok = false; }
    var credit = number("credit");
    if (credit === null) { setError("credit", t("required")); ok = false; } else if (isNaN(credit)) { setError("credit", numberError("credit")); ok = false; }
    ["terms"].concat(FINANCIALS.slice(1), OPTIONAL_FIGURES, PAYMENT).forEach(function (id) {
      if (isNaN(number(id))) { setError(id, numberError(id)); ok = false; }
    });
    var filled = FINANCIALS.filter(function (id) { return $(id).value.trim() !== ""; });
    if (filled.length > 0 && filled.length < FINANCIALS.length) {
      FINANCIALS.forEach(function (id) { if ($(id).value.trim() === "") { setError(id, t("allFinancials")); } });
      ok = false;
    }
    return ok;
  }

  /** The report chosen for upload as base64, or null when none is chosen. */
  function upload() {
    var file = $("annual-report").files[0];
    if (!file) { return Promise.resolve(null); }
    return new Promise(function (resolve, reject) {
      var reader = new FileReader();
      reader.onload = function () { resolve({ fileName: file.name, contentBase64: String(reader.result).split(",")[1] || "" }); };
      reader.onerror = function () { reject(reader.error); };
      reader.readAsDataURL(file);
    });
  }

  /** The body to post; an uploaded report is weighed instead of the figures filled in. */
  function request() {
    var country = $("country").value;
    var body = { company: { country: country, registrationNumber: $("orgnr").value.trim() },
      currency: country === "NL" ? "EUR" : "SEK", requestedCredit: number("credit"), language: lang };
    if ($("name").value.trim()) { body.company.name = $("name").value.trim(); }
    if (number("terms") !== null) { body.requestedTermsDays = number("terms"); }
    if (ledgerCustomer) {
      body.customerId = ledgerCustomer.id;
    } else if (PAYMENT.some(function (id) { return number(id) !== null; })) {
      body.paymentBehaviour = {};
      PAYMENT.forEach(function (id) { if (number(id) !== null) { body.paymentBehaviour[id] = number(id); } });
    }
    return upload().then(function (report) {
      if (report) {
        body.annualReport = report;
      } else if ($("periodEnd").value) {
        var year = { periodEnd: $("periodEnd").value };
        FINANCIALS.slice(1).concat(OPTIONAL_FIGURES).forEach(function (id) { if (number(id) !== null) { year[id] = number(id); } });
        body.financials = [year];
      }
      return body;
    });
  }

  function fact(list, term, value) {
    if (value === null || value === undefined || value === "") { return; }
    var dt = document.createElement("dt");
    dt.textContent = term;
    var dd = document.createElement("dd");
    dd.textContent = value;
    list.appendChild(dt);
    list.appendChild(dd);
  }

  /** The register's data, the latest filed year and what is missing, in the page's language. */
  function renderFiled(a) {
    var facts = $("filed-facts");
    facts.replaceChildren();
    var r = a.register;
    if (r) {
      fact(facts, t("filedName"), r.name);
      fact(facts, t("filedLegalForm"), r.legalForm ? r.legalForm.text || r.legalForm.code : null);
      fact(facts, t("filedStatus"), r.deregisteredOn ? t("statusDeregistered") + " " + r.deregisteredOn
        : r.active === false ? t("statusInactive") : t("statusActive"));
      fact(facts, t("filedRegistered"), r.registeredOn);
    }
    var year = a.accounts && (a.financials || []).length ? a.accounts.years[0] : null;
    if (year) {
      fact(facts, t("filedYear"), year.start + " – " + year.end);
      fact(facts, t("filedDocument"), a.document ? a.document.documentId : a.accounts.document);
      fact(facts, t("filedFiled"), a.document ? a.document.registeredOn : null);
      if (year.adjustment) { fact(facts, t("filedEquity"), t("filedEquityAdjusted")); }
    }
    $("filed-note").hidden = !year;
    var missing = $("filed-missing");
    missing.replaceChildren();
    (a.missing || []).forEach(function (m) { var li = document.createElement("li"); li.textContent = m; missing.appendChild(li); });
    $("filed").hidden = false;
  }

  /** The latest filed year's figures into the form, for the user to check and correct before checking. */
  function fillFigures(a) {
    var year = (a.financials || [])[0];
    if (!year) { return; }
    FINANCIALS.concat(OPTIONAL_FIGURES).forEach(function (id) {
      var value = year[id];
      $(id).value = value === null || value === undefined ? "" : String(value);
      if (value === null || value === undefined) { $(id).removeAttribute("data-filed"); } else { $(id).setAttribute("data-filed", ""); }
    });
    if (a.register && a.register.name && !$("name").value.trim()) { $("name").value = a.register.name; }
  }

  function fetchAccounts() {
    clearErrors();
    var idError = companyIdError();
    if (idError) { setError("orgnr", idError); $("orgnr").focus(); return; }
    if (!auth.signedIn()) { showAuth(t("signedOut")); $("sign-in").focus(); return; }
    var button = $("fetch-accounts");
    button.disabled = true;
    button.textContent = t("fetching");
    var path = "companies/" + encodeURIComponent($("country").value) + "/" + encodeURIComponent(digits($("orgnr").value)) + "/accounts";
    fetch(path, { headers: Object.assign({ "accept": "application/json", "accept-language": lang }, auth.headers()) })
      .then(function (response) {
        if (response.status === 401) { sessionEnded(); return null; }
        if (response.status === 403) { forbidden(); return null; }
        return response.json().then(function (body) {
          if (response.ok) { lastFiled = body; renderFiled(body); fillFigures(body); } else { showProblem(body); }
        });
      })
      .catch(function () { $("form-error").textContent = t("fetchFailed"); })
      .finally(function () { button.disabled = false; button.textContent = t("fetch"); });
  }

  /**
   * An amount as the answer gives it: whole units without decimals, others with the currency's. Rounded to whole units,
   * the limit 100 000.50 (the credit asked for, without financials) showed as 100 001 kr, above what was granted.
   */
  function money(value, currency) {
    return new Intl.NumberFormat(lang === "sv" ? "sv-SE" : "en-GB", { style: "currency", currency: currency,
      trailingZeroDisplay: "stripIfInteger" }).format(value);
  }

  function fill(list, items, text) {
    var el = $(list);
    el.replaceChildren();
    if (items.length === 0) { var li = document.createElement("li"); li.textContent = t("none"); el.appendChild(li); }
    items.forEach(function (item) { var li = document.createElement("li"); text(li, item); el.appendChild(li); });
  }

  function render(r) {
    var decision = $("decision");
    decision.textContent = t(r.decision);
    decision.className = { APPROVE: "approve", APPROVE_WITH_CONDITIONS: "conditions", REFER: "refer", DECLINE: "decline" }[r.decision] || "";
    $("risk-class").textContent = r.riskClass;
    $("score").value = r.score;
    $("score").textContent = r.score + "/100";
    $("score-value").textContent = r.score;
    $("altman").textContent = r.altman ? r.altman.zScore + " (" + t(r.altman.zone) + ")" : "–";
    $("credit-limit").textContent = money(r.creditLimit, r.currency);
    $("recommended-terms").textContent = r.recommendedTermsDays + " " + t("days");
    fill("reasons", r.reasons || [], function (li, reason) {
      li.textContent = reason.message + " ";
      var effect = document.createElement("span");
      effect.className = "effect";
      effect.textContent = "(" + reason.effect + ")";
      li.appendChild(effect);
    });
    fill("conditions", r.conditions || [], function (li, c) { li.textContent = c.message; });
    fill("not-assessed", r.notAssessed || [], function (li, n) { li.textContent = n; });
    fill("weighed", r.financials || [], function (li, f) {
      li.textContent = f.periodEnd + ": " + t(f.source.type) + (f.source.document ? " (" + f.source.document + ")" : "");
    });
    $("result").hidden = false;
  }

  function showProblem(problem) {
    var unplaced = [];
    (problem.errors || []).forEach(function (e) {
      var id = FIELD_OF_PATH[e.field];
      if (id) { setError(id, e.message); } else { unplaced.push(e.field + " " + e.message); }
    });
    $("form-error").textContent = t("failed") + " " + (unplaced.length ? unplaced.join("; ") : (problem.errors ? "" : problem.detail || ""));
    var firstInvalid = document.querySelector("[aria-invalid='true']");
    if (firstInvalid) { firstInvalid.focus(); }
  }

  $("country").addEventListener("change", function () {
    $("currency-label").textContent = $("country").value === "NL" ? "EUR" : "SEK";
    if ($("orgnr").value.trim()) { setError("orgnr", companyIdError()); }
  });
  $("orgnr").addEventListener("input", function () {
    var d = digits($("orgnr").value);
    if (d.length >= ($("country").value === "NL" ? 8 : 10)) { setError("orgnr", companyIdError()); } else { setError("orgnr", ""); }
  });
  $("orgnr").addEventListener("blur", function () { if ($("orgnr").value.trim()) { setError("orgnr", companyIdError()); } });
  $("lang-switch").addEventListener("click", function () { lang = t("switchLang"); applyLanguage(); showAuth(); });
  $("sign-in").addEventListener("click", function () {
    auth.signIn().catch(function () { $("form-error").textContent = t("signInFailed"); });
  });
  $("sign-out").addEventListener("click", function () { auth.signOut(); showAuth(t("signedOut")); });
  $("fetch-accounts").addEventListener("click", fetchAccounts);
  FINANCIALS.concat(OPTIONAL_FIGURES).forEach(function (id) {
    $(id).addEventListener("input", function () { $(id).removeAttribute("data-filed"); });
  });
  $("credit-form").addEventListener("submit", function (event) {
    event.preventDefault();
    $("form-error").textContent = "";
    if (!validate()) { var first = document.querySelector("[aria-invalid='true']"); if (first) { first.focus(); } return; }
    if (!auth.signedIn()) { showAuth(t("signedOut")); $("sign-in").focus(); return; }
    $("submit").disabled = true;
    var headers = Object.assign({ "content-type": "application/json", "accept": "application/json" }, auth.headers());
    request().then(function (body) { return fetch("credit-checks", { method: "POST", headers: headers, body: JSON.stringify(body) }); })
      .then(function (response) {
        if (response.status === 401) {
          $("result").hidden = true;
          sessionEnded();
          return null;
        }
        if (response.status === 403) {
          $("result").hidden = true;
          forbidden();
          return null;
        }
        return response.json().then(function (body) {
          if (response.ok) { lastResult = body; render(body); $("decision").focus(); } else { $("result").hidden = true; showProblem(body); }
        });
      })
      .catch(function () { $("form-error").textContent = t("network"); })
      .finally(function () { $("submit").disabled = false; });
  });
  $("decision").tabIndex = -1;
  applyLanguage();
  showLedgerCustomer();
  auth.complete()
    .then(function () { showAuth(auth.signedIn() ? "" : t("signedOut")); })
    .catch(function () { showAuth(t("signInFailed")); });
}());
