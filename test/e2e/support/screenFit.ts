import type { Page } from '@playwright/test';

/**
 * What does not fit on the screen as the page is now: sideways scrolling, a control or a display line cut at the
 * screen's edges, sticking out of its panel or cut inside its own box, a button whose label wraps, and — unless
 * `scrolls` — vertical scrolling. Empty
 * when everything fits. Text that a box shortens on purpose with an ellipsis (a long location) is not clipping.
 */
export function misfits(page: Page, options: { scrolls?: boolean } = {}): Promise<string[]> {
  return page.evaluate(({ scrolls }) => {
    const problems: string[] = [];
    const root = document.documentElement;
    const width = root.clientWidth;
    const height = root.clientHeight;
    if (root.scrollWidth > width) problems.push(`the page scrolls sideways (${root.scrollWidth} px wide on a ${width} px screen)`);
    if (!scrolls && root.scrollHeight > height) problems.push(`the page scrolls (${root.scrollHeight} px tall on a ${height} px screen)`);
    const nameOf = (element: Element) =>
      (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40) || element.className.toString();
    const ellipsized = (element: Element) => getComputedStyle(element).textOverflow === 'ellipsis';
    const selector = 'button, .display__bar > *, .display__clock > *, .display__headline, .display__caption, .number-field, .call-panel__hint';
    for (const element of document.querySelectorAll(selector)) {
      if (!element.checkVisibility()) continue;
      const box = element.getBoundingClientRect();
      if (box.width === 0) continue;
      if (box.left < -0.5 || box.right > width + 0.5) problems.push(`"${nameOf(element)}" is cut at the screen's edge (${Math.round(box.left)}–${Math.round(box.right)} of ${width} px)`);
      if (element.scrollWidth > element.clientWidth + 1 && !ellipsized(element)) problems.push(`"${nameOf(element)}" clips its content (${element.scrollWidth} px in ${element.clientWidth} px)`);
      if (box.bottom > height + 0.5) problems.push(`"${nameOf(element)}" is below the screen's bottom edge (${Math.round(box.bottom)} of ${height} px)`);
      const panel = element.parentElement?.closest('.display, .dial-panel, .blf-panel, .call-panel, .guide-panel');
      const frame = panel?.getBoundingClientRect();
      if (frame && (box.top < frame.top - 0.5 || box.bottom > frame.bottom + 0.5)) problems.push(`"${nameOf(element)}" sticks out of its panel`);
      const bar = element.closest('.display__bar');
      if (bar && element.parentElement === bar && box.right > bar.getBoundingClientRect().right + 0.5) problems.push(`"${nameOf(element)}" runs past the display's edge`);
      if (element.tagName === 'BUTTON' && !element.querySelector('.blf-key__label, .dialpad__letters')) {
        const lines = textLines(element);
        if (lines > 1) problems.push(`"${nameOf(element)}" wraps onto ${lines} lines`);
      }
    }
    return problems;

    /** How many lines the text of an element takes: its text's line boxes, those that overlap vertically counted once. */
    function textLines(element: Element): number {
      const rects: DOMRect[] = [];
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent?.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        rects.push(...[...range.getClientRects()].filter((rect) => rect.width > 0 && rect.height > 0));
      }
      rects.sort((a, b) => a.top - b.top);
      let lines = 0;
      let bottom = Number.NEGATIVE_INFINITY;
      for (const rect of rects) {
        if (rect.top >= bottom - 1) lines += 1;
        bottom = Math.max(bottom, rect.bottom);
      }
      return lines;
    }
  }, { scrolls: options.scrolls ?? false });
}
