/** What a page shows while its data loads or when loading failed (with a way to try again). */
export function LoadState({ loading, error, onRetry, what }: { loading: boolean; error: string | null; onRetry(): void; what: string }) {
  if (error) {
    return (
      <div className="load-error" role="alert">
        <p>
          Could not load the {what}: {error}
        </p>
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      </div>
    );
  }
  if (loading) {
    return (
      <p className="loading" role="status">
        Loading the {what}…
      </p>
    );
  }
  return null;
}
