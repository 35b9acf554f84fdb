/* Helpers shared by the study list and the study page (no framework, no build step). */
"use strict";

const nh = {
  /** A number with d decimals, or an en dash when missing. */
  fmt(v, d = 4) {
    return v === null || v === undefined || Number.isNaN(v) ? "\u2013" : Number(v).toFixed(d);
  },

  /** A compact number for energy-like figures (1234 -> 1.23k). */
  compact(v) {
    if (v === null || v === undefined || Number.isNaN(v)) return "\u2013";
    const a = Math.abs(v);
    if (a >= 1e6) return (v / 1e6).toFixed(2) + "M";
    if (a >= 1e3) return (v / 1e3).toFixed(2) + "k";
    return v.toFixed(1);
  },

  /** An element with attributes and children (strings become text). */
  el(tag, attrs = {}, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined) continue;
      if (k === "class") e.className = v;
      else e.setAttribute(k, v);
    }
    for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return e;
  },

  /** An ISO instant as "YYYY-MM-DD HH:MM:SS". */
  time(iso) {
    return iso ? iso.replace("T", " ").replace(/\.\d+Z$|Z$/, "") : "\u2013";
  },

  /**
   * Subscribes to a server-sent-event stream, showing its state in the #live element; the
   * browser reconnects by itself after an error.
   */
  stream(url, onData) {
    const live = document.getElementById("live");
    const source = new EventSource(url);
    source.onopen = () => { live.textContent = "live"; live.className = "live on"; };
    source.onerror = () => { live.textContent = "reconnecting"; live.className = "live off"; };
    source.onmessage = (m) => onData(JSON.parse(m.data));
    return source;
  },

  /** Calls fn at most every ms milliseconds, the last call always landing. */
  throttle(fn, ms) {
    let timer = null;
    return () => {
      if (timer === null) timer = setTimeout(() => { timer = null; fn(); }, ms);
    };
  },
};
