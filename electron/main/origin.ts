/** The origin (`scheme://host:port`) of a URL, or null when it is not a URL with an origin (`about:blank`, garbage). */
export function originOf(url: string | null | undefined): string | null {
  if (typeof url !== 'string' || url === '') return null;
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/** True when `url` belongs to the app's own origin (the local web host that serves the renderer). */
export function isAppUrl(url: string | null | undefined, appOrigin: string): boolean {
  return originOf(url) === appOrigin;
}
