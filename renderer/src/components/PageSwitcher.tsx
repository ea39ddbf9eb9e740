import { keepFocus } from './focus';
import { ChevronIcon } from './icons';

export interface PageSwitcherProps {
  /** Zero-based. */
  readonly page: number;
  readonly pageCount: number;
  readonly onPrevious: () => void;
  readonly onNext: () => void;
}

export function PageSwitcher({ page, pageCount, onPrevious, onNext }: PageSwitcherProps) {
  return (
    <div className="page-switcher">
      <button type="button" className="page-switcher__button" aria-label="Previous BLF page" disabled={page <= 0} onMouseDown={keepFocus} onClick={onPrevious}>
        <ChevronIcon direction="left" />
      </button>
      <span className="page-switcher__text" aria-live="polite">
        Page {page + 1} of {pageCount}
      </span>
      <button
        type="button"
        className="page-switcher__button"
        aria-label="Next BLF page"
        disabled={page >= pageCount - 1}
        onMouseDown={keepFocus}
        onClick={onNext}
      >
        <ChevronIcon direction="right" />
      </button>
    </div>
  );
}
