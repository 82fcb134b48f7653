import { describe, expect, test } from 'vitest';
import { NumberList, Pool } from './metrics.scratch.js';

describe('NumberList', () => {
  test('grows past its first storage and keeps whole-millisecond times exactly', () => {
    const list = new NumberList();
    const base = Date.parse('2026-03-01T08:00:00.123Z');
    for (let i = 0; i < 100; i++) list.push(base + i);
    expect(list.length).toBe(100);
    expect(list.at(0)).toBe(base);
    expect(list.at(99)).toBe(base + 99);
  });

  test('clearing empties it for the next buyer', () => {
    const list = new NumberList();
    list.push(1);
    list.push(2);
    list.clear();
    list.push(3);
    expect(list.length).toBe(1);
    expect(list.at(0)).toBe(3);
  });
});

describe('Pool', () => {
  test('hands back the objects of an earlier use, in order, and creates more when needed', () => {
    let created = 0;
    const pool = new Pool(() => ({ id: created++ }));
    const first = pool.add();
    const second = pool.add();
    pool.clear();
    expect(pool.length).toBe(0);
    expect(pool.add()).toBe(first);
    expect(pool.add()).toBe(second);
    expect(pool.add().id).toBe(2);
    expect(pool.at(1)).toBe(second);
    expect(pool.length).toBe(3);
  });
});
