/**
 * mathjs's expression parser on its own. formula.ts imports this module the first time a
 * formula is read, so mathjs is a chunk of its own in the app and is not imported by a CLI
 * run whose scenario has no formula.
 */
import { create, parseDependencies } from 'mathjs';

// parseDependencies is always defined; the type says otherwise for tree-shaking builds.
export const parse = create({ parseDependencies: parseDependencies! }).parse;
