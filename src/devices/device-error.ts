/** A device (camera, face worker, printer) that could not do its part; `code` picks the citizen's message. */
export class DeviceError<Code extends string> extends Error {
  constructor(
    readonly code: Code,
    options?: { cause?: unknown },
  ) {
    super(code, options);
    this.name = new.target.name;
  }
}
