/** Plain values the clients need without zod (kept out of the browser bundles). */
export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_COOKIE = 'sb_session';
export const AGENT_NAMESPACE = '/agent';
export const CUSTOMER_NAMESPACE = '/customer';
