import { keepFocus } from './focus';

export interface DialpadKeyDef {
  readonly key: string;
  /** The letters printed under the digit on a phone; decorative. */
  readonly letters: string;
}

export const DIALPAD_KEYS: readonly DialpadKeyDef[] = [
  { key: '1', letters: '' },
  { key: '2', letters: 'ABC' },
  { key: '3', letters: 'DEF' },
  { key: '4', letters: 'GHI' },
  { key: '5', letters: 'JKL' },
  { key: '6', letters: 'MNO' },
  { key: '7', letters: 'PQRS' },
  { key: '8', letters: 'TUV' },
  { key: '9', letters: 'WXYZ' },
  { key: '*', letters: '' },
  { key: '0', letters: '+' },
  { key: '#', letters: '' },
];

/** The 3×4 keypad. Each button's accessible name is exactly its digit; the letters are hidden from assistive tech. */
export function Dialpad({ onPress }: { onPress: (key: string) => void }) {
  return (
    <div className="dialpad">
      {DIALPAD_KEYS.map(({ key, letters }) => (
        <button key={key} type="button" className="dialpad__key" data-key={key} onMouseDown={keepFocus} onClick={() => onPress(key)}>
          <span className="dialpad__digit">{key}</span>
          <span className="dialpad__letters" aria-hidden="true">
            {letters}
          </span>
        </button>
      ))}
    </div>
  );
}
