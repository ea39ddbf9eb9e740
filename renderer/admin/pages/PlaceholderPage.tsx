/** What a page of the navigation shows until it is built. */
export function PlaceholderPage({ title }: { title: string }) {
  return <p className="placeholder">The {title} page is not available in this version yet.</p>;
}
