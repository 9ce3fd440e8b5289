"use strict";
/**
 * Sign-in, shared by every page of ours (the credit-check form, the Connections page, the receivables page), which reads it as
 * creditguardSignIn: the OAuth 2.0 authorization code flow with PKCE (RFC 7636) against the company's
 * identity provider, when the page names one in the data attributes of its element with id "app"
 * (data-auth-client, -authorize, -token, -scope; without them the page runs without sign-in, as
 * locally). The verifier and state wait in sessionStorage across the redirect; the access token lives
 * only in this page's memory and goes out as a bearer token.
 */
var creditguardSignIn = (function () {
  var app = document.getElementById("app");
  var cfg = { client: app.dataset.authClient, authorize: app.dataset.authAuthorize, token: app.dataset.authToken,
    scope: app.dataset.authScope };
  var enabled = !!(cfg.client && cfg.authorize && cfg.token);
  var accessToken = null;
  var KEY = "creditguard.pkce";

  function base64url(bytes) {
    var text = "";
    for (var i = 0; i < bytes.length; i++) { text += String.fromCharCode(bytes[i]); }
    return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }
  function random() { var bytes = new Uint8Array(32); crypto.getRandomValues(bytes); return base64url(bytes); }
  function redirectUri() { return location.origin + location.pathname; }

  function signIn() {
    var verifier = random();
    var state = random();
    sessionStorage.setItem(KEY, JSON.stringify({ verifier: verifier, state: state }));
    return crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier)).then(function (hash) {
      var query = new URLSearchParams({ response_type: "code", client_id: cfg.client, redirect_uri: redirectUri(),
        scope: cfg.scope, state: state, code_challenge: base64url(new Uint8Array(hash)), code_challenge_method: "S256" });
      location.assign(cfg.authorize + "?" + query.toString());
    });
  }

  /** After the provider sent the browser back: the code, checked against the state, traded for a token. */
  function complete() {
    var params = new URLSearchParams(location.search);
    if (!enabled || (!params.has("code") && !params.has("error"))) { return Promise.resolve(false); }
    var pending = JSON.parse(sessionStorage.getItem(KEY) || "null");
    sessionStorage.removeItem(KEY);
    history.replaceState(null, "", redirectUri());
    if (!pending || params.get("state") !== pending.state || !params.has("code")) { return Promise.reject(new Error("state")); }
    var form = new URLSearchParams({ grant_type: "authorization_code", code: params.get("code"), redirect_uri: redirectUri(),
      client_id: cfg.client, code_verifier: pending.verifier });
    return fetch(cfg.token, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: form.toString() })
      .then(function (response) {
        if (!response.ok) { throw new Error("token"); }
        return response.json();
      })
      .then(function (body) {
        if (!body.access_token) { throw new Error("token"); }
        accessToken = body.access_token;
        return true;
      });
  }

  return {
    enabled: enabled,
    signedIn: function () { return !enabled || accessToken !== null; },
    headers: function () { return accessToken ? { "authorization": "Bearer " + accessToken } : {}; },
    signIn: signIn,
    signOut: function () { accessToken = null; },
    complete: complete
  };
}());
