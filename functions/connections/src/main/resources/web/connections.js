"use strict";
(function () {
  var TEXT = {
    sv: {
      title: "Anslutningar", creditCheck: "Kreditprövning", switchTo: "English", switchLang: "en",
      intro: "Anslut företagets faktureringsprogram en gång. Sedan läser creditguard in fakturor, betalningar och krediteringar var 30:e minut under vardagar och före varje påminnelsekörning.",
      signIn: "Logga in", signOut: "Logga ut", signedIn: "Inloggad", signedOut: "Logga in för att se och ändra anslutningarna.",
      sessionEnded: "Du är utloggad. Logga in igen för att fortsätta.", signInFailed: "Inloggningen misslyckades. Försök igen.",
      forbidden: "Ditt konto får inte ändra anslutningar (behörigheten creditguard/admin saknas).",
      failed: "Anslutningarna kunde inte hämtas.", network: "Tjänsten svarade inte. Försök igen.",
      connect: "Anslut", reconnect: "Anslut igen", disconnect: "Koppla från",
      NOT_CONNECTED: "Inte ansluten", CONNECTED: "Ansluten", NEEDS_CONSENT: "Behöver godkännas igen",
      notConfigured: "Inte konfigurerad för den här installationen: ", connectedBy: "Ansluten av ",
      lastSync: "Senaste synk", never: "Ingen synk ännu.", invoices: "fakturor", payments: "betalningar", credits: "krediteringar",
      unmapped: "poster kunde inte läsas in:", pending: "poster väntar på sin faktura:", OK: "klar", PARTIAL: "delvis, fortsätter vid nästa synk", FAILED: "misslyckades",
      disconnected: "Frånkopplad."
    },
    en: {
      title: "Connections", creditCheck: "Credit check", switchTo: "Svenska", switchLang: "sv",
      intro: "Connect the company's invoicing platform once. From then on creditguard reads invoices, payments and credit notes every 30 minutes on business days and before every reminder run.",
      signIn: "Sign in", signOut: "Sign out", signedIn: "Signed in", signedOut: "Sign in to see and change the connections.",
      sessionEnded: "Your session has ended. Sign in again to go on.", signInFailed: "Signing in failed. Try again.",
      forbidden: "Your account may not change connections (the creditguard/admin scope is missing).",
      failed: "The connections could not be read.", network: "The service did not answer. Try again.",
      connect: "Connect", reconnect: "Connect again", disconnect: "Disconnect",
      NOT_CONNECTED: "Not connected", CONNECTED: "Connected", NEEDS_CONSENT: "Needs consent again",
      notConfigured: "Not configured on this deployment: ", connectedBy: "Connected by ",
      lastSync: "Last sync", never: "No sync yet.", invoices: "invoices", payments: "payments", credits: "credit notes",
      unmapped: "records could not be read in:", pending: "records wait for their invoice:", OK: "done", PARTIAL: "partly, goes on at the next sync", FAILED: "failed",
      disconnected: "Disconnected."
    }
  };
  var auth = creditguardSignIn;
  var lang = document.documentElement.lang === "sv" ? "sv" : "en";
  var overview = null;
  var $ = function (id) { return document.getElementById(id); };
  var t = function (key) { return TEXT[lang][key] || key; };

  function headers() { return Object.assign({ "accept": "application/json" }, auth.headers()); }

  function showAuth(message) {
    if (auth.enabled) {
      $("auth").hidden = false;
      $("sign-in").hidden = auth.signedIn();
      $("sign-out").hidden = !auth.signedIn();
      $("auth-status").textContent = auth.signedIn() ? t("signedIn") : "";
    }
    $("message").textContent = message || "";
  }

  function applyLanguage() {
    document.documentElement.lang = lang;
    document.title = t("title");
    document.querySelectorAll("[data-i18n]").forEach(function (el) { el.textContent = t(el.getAttribute("data-i18n")); });
    $("lang-switch").textContent = t("switchTo");
    $("lang-switch").setAttribute("lang", t("switchLang"));
    if (overview) { render(overview); }
  }

  /**
   * A 401 ends the session; a 403 means the account lacks the admin scope; otherwise the answer's JSON. No answer at all
   * rejects saying the service did not answer, in the page's language, whatever the browser calls the failure.
   */
  function call(url, method) {
    return fetch(url, { method: method || "GET", headers: headers() }).catch(function () {
      throw new Error(t("network"));
    }).then(function (response) {
      if (response.status === 401) { auth.signOut(); showAuth(t("sessionEnded")); return null; }
      if (response.status === 403) { showAuth(t("forbidden")); return null; }
      return response.json().then(function (body) {
        if (!response.ok) { throw new Error(body.detail || t("failed")); }
        return body;
      });
    });
  }

  function load() {
    if (!auth.signedIn()) { showAuth(t("signedOut")); return; }
    call("connections").then(function (body) { if (body) { overview = body; render(body); } })
      .catch(function (e) { showAuth(e.message); });
  }

  function button(label, id, quiet, action) {
    var b = document.createElement("button");
    b.type = "button";
    b.id = id;
    b.textContent = label;
    if (quiet) { b.className = "quiet"; }
    b.addEventListener("click", action);
    return b;
  }

  /** Click one of two: the platform's consent page, reached with the token, then the platform's own approval. */
  function connect(platform) {
    $("message").textContent = "";
    call("connections/" + platform + "/authorize").then(function (body) { if (body) { location.assign(body.authorizeUrl); } })
      .catch(function (e) { showAuth(e.message); });
  }

  function disconnect(platform) {
    call("connections/" + platform, "DELETE").then(function (body) { if (body) { showAuth(t("disconnected")); load(); } })
      .catch(function (e) { showAuth(e.message); });
  }

  function line(text, className) {
    var p = document.createElement("p");
    p.textContent = text;
    if (className) { p.className = className; }
    return p;
  }

  function render(body) {
    var list = $("platforms");
    list.replaceChildren();
    body.platforms.forEach(function (p) {
      var li = document.createElement("li");
      li.className = "platform";
      li.id = "platform-" + p.platform;
      var h = document.createElement("h2");
      h.textContent = p.name + " ";
      var state = document.createElement("span");
      state.className = "state " + p.state;
      state.id = "state-" + p.platform;
      state.textContent = t(p.state);
      h.appendChild(state);
      li.appendChild(h);
      if (!p.configured) {
        li.appendChild(line(t("notConfigured") + p.notConfigured));
      }
      if (p.connectedBy) { li.appendChild(line(t("connectedBy") + p.connectedBy)); }
      var s = p.lastSync;
      li.appendChild(line(s ? t("lastSync") + " " + new Date(s.finishedAt).toLocaleString(lang === "sv" ? "sv-SE" : "en-GB")
        + ": " + t(s.status) + ", " + s.read.invoices + " " + t("invoices") + ", " + s.read.payments + " " + t("payments")
        + ", " + s.read.credits + " " + t("credits") + (s.reason ? " (" + s.reason + ")" : "") : t("never")));
      if (s && s.pending.length > 0) {
        li.appendChild(line(s.pending.length + " " + t("pending") + " " + s.pending.map(function (u) {
          return u.id + ": " + u.reason; }).join("; ")));
      }
      if (p.unmapped.length > 0) {
        li.appendChild(line(p.unmapped.length + " " + t("unmapped") + " " + p.unmapped.map(function (u) {
          return u.id + ": " + u.reason; }).join("; ")));
      }
      var buttons = document.createElement("div");
      buttons.className = "buttons";
      if (p.configured && p.state !== "CONNECTED") {
        buttons.appendChild(button(p.state === "NEEDS_CONSENT" ? t("reconnect") : t("connect"), "connect-" + p.platform, false,
          function () { connect(p.platform); }));
      }
      if (p.state !== "NOT_CONNECTED") {
        buttons.appendChild(button(t("disconnect"), "disconnect-" + p.platform, true, function () { disconnect(p.platform); }));
      }
      li.appendChild(buttons);
      list.appendChild(li);
    });
  }

  $("lang-switch").addEventListener("click", function () { lang = t("switchLang"); applyLanguage(); showAuth(); });
  $("sign-in").addEventListener("click", function () {
    auth.signIn().catch(function () { showAuth(t("signInFailed")); });
  });
  $("sign-out").addEventListener("click", function () {
    auth.signOut();
    overview = null;
    $("platforms").replaceChildren();
    showAuth(t("signedOut"));
  });
  applyLanguage();
  auth.complete()
    .then(function () { showAuth(); load(); })
    .catch(function () { showAuth(t("signInFailed")); });
}());
