/** A stored file could not be read as what it should be; it was moved aside (never deleted) to `movedTo`. */
export class StoreCorruptError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
    readonly movedTo: string | null,
  ) {
    super(
      movedTo === null
        ? `${file} is unreadable (${problem})`
        : `${file} was unreadable (${problem}); it was moved to ${movedTo} and the PBX started without it — restore it by hand if needed`,
    );
    this.name = 'StoreCorruptError';
  }
}

/** A stored file was written by a newer PBX: refuse to touch it instead of losing what the newer version knows. */
export class StoreVersionError extends Error {
  constructor(
    readonly file: string,
    readonly found: number,
    readonly supported: number,
  ) {
    super(`${file} has schema version ${found}, newer than this PBX understands (${supported}); upgrade Hotdesk to open it`);
    this.name = 'StoreVersionError';
  }
}

/** A write could not be made durable; the change it carried was not applied. */
export class StoreWriteError extends Error {
  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    super(`Could not save ${file}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'StoreWriteError';
  }
}

export class StoreClosedError extends Error {
  constructor(file: string) {
    super(`${file} is closed`);
    this.name = 'StoreClosedError';
  }
}
