export type ThemeChoice = 'system' | 'light' | 'dark';

/** `system` follows prefers-color-scheme (no attribute); `light`/`dark` pin it with `data-theme` on <html>. */
export function applyTheme(root: Pick<Element, 'setAttribute' | 'removeAttribute'>, theme: ThemeChoice): void {
  if (theme === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', theme);
}
