// Deterministic IDs that look like AODocs ones (18-19 alphanumeric characters, e.g. "Rngc1ug8K6WmL3IjZ8").

import { createPrng, hashSeed } from './prng';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** The same key always gives the same ID; different keys give different IDs in practice (tests check the demo). */
export function aodocsId(key: string): string {
  const seed = hashSeed(key);
  const prng = createPrng(seed);
  const length = 18 + (seed & 1);
  let id = '';
  for (let i = 0; i < length; i++) id += ALPHABET[Math.floor(prng() * ALPHABET.length)];
  return id;
}
