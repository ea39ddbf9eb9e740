import { describe, expect, it } from 'vitest';
import { ListenerSet } from '../../../shared/util/listenerSet';

describe('ListenerSet', () => {
  it('calls every listener in order; a removed one no more', () => {
    const set = new ListenerSet<number>(() => undefined);
    const seen: string[] = [];
    set.add((value) => seen.push(`a${value}`));
    const removeB = set.add((value) => seen.push(`b${value}`));
    set.emit(1);
    removeB();
    set.emit(2);
    expect(seen).toEqual(['a1', 'b1', 'a2']);
    expect(set.size).toBe(1);
  });

  it('reports a throwing listener and still calls the others', () => {
    const errors: [unknown, number][] = [];
    const set = new ListenerSet<number>((error, value) => errors.push([error, value]));
    const seen: number[] = [];
    const boom = new Error('boom');
    set.add(() => {
      throw boom;
    });
    set.add((value) => seen.push(value));
    expect(() => set.emit(7)).not.toThrow();
    expect(seen).toEqual([7]);
    expect(errors).toEqual([[boom, 7]]);
  });

  it('emits to the listeners registered when the emit started', () => {
    const set = new ListenerSet<string>(() => undefined);
    const seen: string[] = [];
    let removeLate = () => undefined as void;
    set.add((value) => {
      seen.push(`first ${value}`);
      removeLate();
      set.add((again) => seen.push(`added ${again}`));
    });
    removeLate = set.add((value) => seen.push(`late ${value}`));
    set.emit('x');
    expect(seen).toEqual(['first x', 'late x']);
    set.clear();
    set.emit('y');
    expect(seen).toEqual(['first x', 'late x']);
  });
});
