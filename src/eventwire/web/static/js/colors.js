// One colour per event type, stable for the session (types ordered by frequency in the store).

import { allTypes } from './api.js';

const PALETTE = [
  '#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf',
  '#bcbd22', '#7f7f7f', '#393b79', '#ad494a', '#637939', '#8c6d31', '#843c39', '#7b4173',
];

let mapPromise = null;

/** A function type → colour. */
export function typeColors() {
  mapPromise ??= allTypes().then((types) => {
    const colors = new Map(types.map((type, i) => [type, PALETTE[i % PALETTE.length]]));
    return (type) => colors.get(type) ?? '#555555';
  });
  return mapPromise;
}
