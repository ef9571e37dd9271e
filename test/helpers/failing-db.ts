// A fault in the middle of a write: the same client, except that `model.method` fails inside a
// transaction. Proves a failure mid-write rolls back every earlier write (import, records rights).
import type { Db } from '../../src/store/database.ts';

/** The same client, except that `model.method` fails inside a transaction (a fault in mid-write). */
export function failingInside(db: Db, model: string, method: string): Db {
  const tx = (inner: object) =>
    new Proxy(inner, {
      get(target, prop) {
        const value = Reflect.get(target, prop);
        if (prop !== model) return value;
        return new Proxy(value as object, {
          get(delegate, name) {
            if (name === method) return () => Promise.reject(new Error('simulated write failure'));
            return Reflect.get(delegate, name);
          },
        });
      },
    });
  return new Proxy(db, {
    get(target, prop) {
      if (prop !== '$transaction') return Reflect.get(target, prop);
      return (fn: (t: object) => Promise<unknown>, options: unknown) =>
        (target.$transaction as (f: (t: object) => Promise<unknown>, o: unknown) => Promise<unknown>)((t) => fn(tx(t)), options);
    },
  });
}
