// The JSON API: GET helpers that turn error responses into exceptions with the server's message.

/** GET `path` with query parameters (arrays repeat the key); resolves to the parsed JSON. */
export async function get(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const item of [value].flat()) {
      if (item !== null && item !== undefined && item !== '') query.append(key, item);
    }
  }
  const qs = query.toString();
  const response = await fetch(qs ? `${path}?${qs}` : path, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    let detail = response.statusText;
    try {
      detail = (await response.json()).detail ?? detail;
    } catch {
      // not JSON: keep the status text
    }
    throw new Error(`${response.status}: ${detail}`);
  }
  return response.json();
}

/** Every item of a paginated endpoint, following `next` cursors, up to `cap` items. */
export async function getAll(path, params = {}, cap = 2000) {
  const items = [];
  let cursor = null;
  do {
    const page = await get(path, { ...params, limit: 500, cursor });
    items.push(...page.items);
    cursor = page.next;
  } while (cursor && items.length < cap);
  return { items: items.slice(0, cap), truncated: Boolean(cursor) || items.length > cap };
}

let typesPromise = null;

/** Every event type in the store, most frequent first (fetched once). */
export function allTypes() {
  typesPromise ??= get('/api/facets').then((facets) =>
    Object.entries(facets.type).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([type]) => type),
  );
  return typesPromise;
}
