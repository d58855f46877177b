import { ServiceNavigation, SkipLink } from 'govuk-frontend';
import './ui/app.css';
import './ui/tsp-app.ts';

// GOV.UK Frontend's template adds these classes with an inline script, which our CSP forbids.
document.body.classList.add('js-enabled', 'govuk-frontend-supported');

const navigation = document.querySelector<HTMLElement>('[data-module="govuk-service-navigation"]');
if (navigation) new ServiceNavigation(navigation);
const skipLink = document.querySelector<HTMLAnchorElement>('[data-module="govuk-skip-link"]');
if (skipLink) new SkipLink(skipLink);
