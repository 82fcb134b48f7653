// Seeded random sampling (抽检): the same seed and the same candidates always draw the same
// conversations, so a draw can be repeated and audited. No Math.random: a small deterministic PRNG.

/** A 32-bit seed from any text (FNV-1a). */
export const seedOf = (text: string): number => {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
};

/** mulberry32: a fast 32-bit generator, uniform in [0, 1). */
const generator = (seed: number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
};

/**
 * Draws up to `perAgent` candidates per agent. Candidates are first put in a canonical order (by
 * key), so the draw does not depend on the order the database returned them in.
 */
export const drawSample = <T extends { agent: string; key: string }>({
  candidates,
  perAgent,
  seed,
}: {
  candidates: T[];
  perAgent: number;
  seed: number;
}): T[] => {
  const byAgent = new Map<string, T[]>();
  for (const candidate of [...candidates].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
    const list = byAgent.get(candidate.agent) ?? [];
    list.push(candidate);
    byAgent.set(candidate.agent, list);
  }
  const drawn: T[] = [];
  for (const agent of [...byAgent.keys()].sort()) {
    const pool = byAgent.get(agent) ?? [];
    // Each agent has its own stream, so adding an agent never changes another agent's draw.
    const random = generator(seed ^ seedOf(agent));
    // Partial Fisher–Yates: the first `perAgent` places are a uniform sample.
    const count = Math.min(perAgent, pool.length);
    for (let index = 0; index < count; index++) {
      const pick = index + Math.floor(random() * (pool.length - index));
      const chosen = pool[pick] as T;
      pool[pick] = pool[index] as T;
      pool[index] = chosen;
      drawn.push(chosen);
    }
  }
  return drawn;
};
