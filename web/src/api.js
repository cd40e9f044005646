// The client of Dyad's JSON API (server/openapi.json). Every path and
// parameter used here is checked against that document by web's Go tests
// (TestClientMatchesOpenAPI), so the UI cannot drift from the contract.

// APIError carries the server's message and the parameter it names.
export class APIError extends Error {
  constructor(status, param, message) {
    super(message);
    this.status = status;
    this.param = param;
  }
}

// bigSafe quotes integers too long for a JavaScript number (event IDs are
// 64-bit), outside strings, so JSON.parse keeps every digit.
export function bigSafe(text) {
  let out = '', last = 0, inStr = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inStr) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inStr = false;
      continue;
    }
    if (c === 34) { inStr = true; continue; }
    if ((c >= 48 && c <= 57) || c === 45) {
      // A whole number token: digits, sign, fraction and exponent.
      let j = i + 1, int = true;
      for (; j < text.length; j++) {
        const d = text.charCodeAt(j);
        if (d >= 48 && d <= 57) continue;
        if (d === 46 || d === 101 || d === 69 || d === 43 || d === 45) { int = false; continue; }
        break;
      }
      if (int && j - i >= 16) {
        out += text.slice(last, i) + '"' + text.slice(i, j) + '"';
        last = j;
      }
      i = j - 1;
    }
  }
  return out + text.slice(last);
}

function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? '?' + s : '';
}

async function get(path, params, signal) {
  let resp;
  try {
    resp = await fetch(path + query(params), { signal, headers: { Accept: 'application/json' } });
  } catch (err) {
    if (err.name === 'AbortError') throw err;
    throw new APIError(0, '', 'the server did not answer (is dyad serve still running?)');
  }
  const text = await resp.text();
  let body;
  try {
    body = JSON.parse(bigSafe(text));
  } catch {
    throw new APIError(resp.status, '', `the server answered ${resp.status} with something that is not JSON`);
  }
  if (!resp.ok) {
    const e = body.error || {};
    throw new APIError(resp.status, e.param || '', e.message || `status ${resp.status}`);
  }
  return body;
}

const enc = encodeURIComponent;

export const api = {
  actors: (params, signal) => get('/api/actors', params, signal),
  actor: (code, params, signal) => get('/api/actors/' + enc(code), params, signal),
  article: (id, signal) => get('/api/articles/' + enc(id), {}, signal),
  dyad: (a, b, params, signal) => get('/api/dyads/' + enc(a) + '/' + enc(b), params, signal),
  events: (params, signal) => get('/api/events', params, signal),
  event: (id, signal) => get('/api/events/' + enc(id), {}, signal),
  network: (params, signal) => get('/api/network', params, signal),
  search: (params, signal) => get('/api/search', params, signal),
  // exportURL is the address of an export of the events params select.
  exportURL: (params, format, max) => '/api/events' + query({ ...params, cursor: undefined, limit: undefined, format, max }),
};
