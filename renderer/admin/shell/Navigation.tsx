import type { ConsolePage } from '../pages/registry';

/** The console's pages as links (`#/<id>`); the current one is marked for assistive technology. */
export function Navigation({ pages, current }: { pages: readonly ConsolePage[]; current: ConsolePage }) {
  return (
    <nav className="console-nav" aria-label="Console pages">
      <ul>
        {pages.map((page) => (
          <li key={page.id}>
            <a href={`#/${page.id}`} aria-current={page.id === current.id ? 'page' : undefined}>
              {page.title}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
