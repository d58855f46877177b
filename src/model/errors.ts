/**
 * A model input (parameter or dataset figure) that the model cannot use. `path` names the
 * offending value the way a scenario file spells it, e.g. `leaverRates.Physics.ect1`, so the
 * UI and the CLI can point at it.
 */
export class ModelInputError extends Error {
  readonly path: string;

  constructor(path: string, reason: string) {
    super(`${path}: ${reason}`);
    this.name = 'ModelInputError';
    this.path = path;
  }
}
