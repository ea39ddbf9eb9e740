import { useEffect, useState } from 'react';
import { keepFocus } from '../../components/focus';
import { useAppStore } from '../../store/StoreProvider';
import { directorySelectors } from '../../store/selectors';

/** The search waits this long after the last key, so a name typed quickly is one request, not one per letter. */
const TYPING_PAUSE_MS = 250;

/**
 * Search the phone system's directory by name or number as you type, and call a result. Shown only where the
 * device's phone system offers its identity a directory (not idle, not a manual account on another PBX).
 */
export function DirectorySearch() {
  const available = useAppStore(directorySelectors.available);
  const query = useAppStore(directorySelectors.query);
  const results = useAppStore(directorySelectors.results);
  const error = useAppStore(directorySelectors.error);
  const search = useAppStore((state) => state.searchDirectory);
  const callFromDirectory = useAppStore((state) => state.callFromDirectory);
  const [text, setText] = useState(query);
  useEffect(() => setText(query), [query]);
  useEffect(() => {
    if (text === query) return undefined;
    const timer = setTimeout(() => void search(text), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text, query, search]);
  if (!available) return null;
  return (
    <section className="guide-panel__section directory" aria-label="Directory">
      <h2 className="panel-title">Directory</h2>
      <input
        className="directory__search"
        type="search"
        aria-label="Search the directory"
        placeholder="Name or number"
        autoComplete="off"
        spellCheck={false}
        maxLength={40}
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      {error ? <p className="directory__error">{error}</p> : null}
      {results !== null ? (
        results.length === 0 ? (
          <p className="directory__empty">Nobody found</p>
        ) : (
          <ul className="directory__results">
            {results.map((entry) => (
              <li key={entry.number}>
                <button type="button" className="directory__call" onMouseDown={keepFocus} onClick={() => void callFromDirectory(entry)}>
                  <span className="visually-hidden">Call </span>
                  {`${entry.number} ${entry.name}`}
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </section>
  );
}
