import { describe, expect, it } from 'vitest';
import { AdminSessions } from '../../../../electron/pbx/admin/session/adminSessions';

function sessions(options: { idleMs?: number; maxSessions?: number } = {}) {
  let now = 0;
  const store = new AdminSessions({ now: () => now, ...options });
  const ended: string[] = [];
  store.onEnded((key) => ended.push(key));
  return { store, ended, advance: (ms: number) => (now += ms) };
}

describe('admin console sessions', () => {
  it('makes a 256-bit random id and keeps only its hash', () => {
    const { store } = sessions();
    const { id, session } = store.create('admin');
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session.key).not.toBe(id);
    expect(store.use(id)).toEqual({ key: session.key, user: 'admin' });
    expect(store.use(session.key)).toBeNull(); // the stored key is no id
  });

  it('ends a session idle for the timeout; every use restarts it', () => {
    const { store, ended, advance } = sessions({ idleMs: 1000 });
    const { id, session } = store.create('admin');
    advance(999);
    expect(store.use(id)).not.toBeNull();
    advance(999);
    expect(store.use(id)).not.toBeNull();
    advance(1000);
    expect(store.use(id)).toBeNull();
    expect(ended).toEqual([session.key]);
  });

  it('sweeps idle sessions (their streams end) and ends one on sign-out only once', () => {
    const { store, ended, advance } = sessions({ idleMs: 1000 });
    const first = store.create('admin');
    advance(500);
    const second = store.create('admin');
    advance(600);
    store.sweep();
    expect(ended).toEqual([first.session.key]);
    store.end(second.session.key);
    store.end(second.session.key);
    expect(ended).toEqual([first.session.key, second.session.key]);
    expect(store.use(second.id)).toBeNull();
  });

  it('keeps at most maxSessions, ending the least recently used', () => {
    const { store, ended, advance } = sessions({ maxSessions: 2 });
    const a = store.create('admin');
    advance(1);
    const b = store.create('admin');
    advance(1);
    store.use(a.id);
    advance(1);
    store.create('admin');
    expect(ended).toEqual([b.session.key]);
    expect(store.use(a.id)).not.toBeNull();
  });
});
