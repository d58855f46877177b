// govuk-frontend ships no type declarations; these cover the components the app initialises.
declare module 'govuk-frontend' {
  export class ServiceNavigation {
    constructor(root: Element);
  }
  export class SkipLink {
    constructor(root: Element);
  }
  export class ErrorSummary {
    constructor(root: Element);
  }
}
