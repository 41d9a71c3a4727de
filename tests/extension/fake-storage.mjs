/**
 * An in-memory stand-in for `storage.local` (promise-based, as in Firefox
 * and Chrome MV3): values are copied in and out, like the real area does, and
 * an optional quota makes `set` fail the way Chrome's does when it is full.
 */
export class FakeStorage {
  /** @param {{quota?: number}} [options]  most JSON characters the area holds */
  constructor({ quota = Infinity } = {}) {
    this.data = new Map();
    this.quota = quota;
    this.calls = { get: 0, set: 0, remove: 0 };
  }

  async get(keys) {
    this.calls.get++;
    let wanted;
    if (keys === null || keys === undefined) {
      wanted = [...this.data.keys()];
    } else if (typeof keys === 'string') {
      wanted = [keys];
    } else if (Array.isArray(keys)) {
      wanted = keys;
    } else {
      const result = structuredClone(keys);
      for (const key of Object.keys(keys)) {
        if (this.data.has(key)) result[key] = structuredClone(this.data.get(key));
      }
      return result;
    }
    const result = {};
    for (const key of wanted) {
      if (this.data.has(key)) result[key] = structuredClone(this.data.get(key));
    }
    return result;
  }

  async set(items) {
    this.calls.set++;
    const next = new Map(this.data);
    for (const [key, value] of Object.entries(items)) next.set(key, structuredClone(value));
    if (FakeStorage.weigh(next) > this.quota) {
      throw new Error('QUOTA_BYTES quota exceeded');
    }
    this.data = next;
  }

  async remove(keys) {
    this.calls.remove++;
    for (const key of [keys].flat()) this.data.delete(key);
  }

  async clear() {
    this.data.clear();
  }

  /** The JSON size of everything in the area. */
  get size() {
    return FakeStorage.weigh(this.data);
  }

  static weigh(map) {
    let total = 0;
    for (const [key, value] of map) total += key.length + JSON.stringify(value).length;
    return total;
  }
}
