import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CommittingDocumentStore, memoryDocumentStore } from '../../../../electron/pbx/store/documentStore';
import { StoreClosedError, StoreWriteError } from '../../../../electron/pbx/store/storeErrors';

const schema = z.object({ items: z.array(z.number().int().nonnegative()) });
type Data = z.infer<typeof schema>;
const add = (value: number) => (data: Data) => ({ next: { items: [...data.items, value] }, result: value });

describe('CommittingDocumentStore', () => {
  it('applies queued updates in order and saves a burst with few writes (group commit)', async () => {
    const writes: Data[] = [];
    const store = new CommittingDocumentStore<Data>({ name: 'test', schema, initial: { items: [] }, persist: async (state) => void writes.push(state) });
    const results = await Promise.all([1, 2, 3, 4, 5].map((value) => store.update(add(value))));
    expect(results).toEqual([1, 2, 3, 4, 5]);
    expect(store.read().items).toEqual([1, 2, 3, 4, 5]);
    expect(writes.length).toBeLessThanOrEqual(2);
    expect(writes.at(-1)?.items).toEqual([1, 2, 3, 4, 5]);
  });

  it('acknowledges an update only after its write, and readers see only committed state', async () => {
    let release: () => void = () => undefined;
    const store = new CommittingDocumentStore<Data>({
      name: 'test',
      schema,
      initial: { items: [] },
      persist: () => new Promise<void>((resolve) => (release = resolve)),
    });
    let acknowledged = false;
    const pending = store.update(add(7)).then(() => (acknowledged = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(acknowledged).toBe(false);
    expect(store.read().items).toEqual([]);
    release();
    await pending;
    expect(store.read().items).toEqual([7]);
  });

  it('rejects only the update whose change function throws; the others are saved', async () => {
    const store = memoryDocumentStore('test', schema, { items: [] });
    const refused = store.update(() => {
      throw new Error('rule says no');
    });
    const [accepted] = await Promise.all([store.update(add(1)), expect(refused).rejects.toThrow('rule says no')]);
    expect(accepted).toBe(1);
    expect(store.read().items).toEqual([1]);
  });

  it('refuses to save a state that breaks the schema', async () => {
    const store = memoryDocumentStore('test', schema, { items: [] });
    await expect(store.update(add(-1))).rejects.toThrow(/invalid data/);
    expect(store.read().items).toEqual([]);
  });

  it('keeps the old state and rejects every update of a batch whose write fails', async () => {
    let fail = true;
    const store = new CommittingDocumentStore<Data>({
      name: 'devices.json',
      schema,
      initial: { items: [0] },
      persist: async () => {
        if (fail) throw new Error('ENOSPC: no space left on device');
      },
    });
    await expect(store.update(add(1))).rejects.toBeInstanceOf(StoreWriteError);
    expect(store.read().items).toEqual([0]);
    fail = false;
    await store.update(add(2));
    expect(store.read().items).toEqual([0, 2]);
  });

  it('does not write when a change returns the same state', async () => {
    let writes = 0;
    const store = new CommittingDocumentStore<Data>({ name: 'test', schema, initial: { items: [] }, persist: async () => void writes++ });
    await store.update((data) => ({ next: data, result: 'unchanged' }));
    expect(writes).toBe(0);
  });

  it('waits for queued updates on close, then refuses new ones', async () => {
    const store = memoryDocumentStore('test', schema, { items: [] });
    const queued = store.update(add(1));
    await store.close();
    await queued;
    expect(store.read().items).toEqual([1]);
    await expect(store.update(add(2))).rejects.toBeInstanceOf(StoreClosedError);
  });
});
