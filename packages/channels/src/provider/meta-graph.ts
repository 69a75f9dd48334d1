/** The Graph API version both Meta channels call (WhatsApp Cloud API and Messenger Platform). */
export const GRAPH_API_VERSION = 'v21.0';

/**
 * Where Meta keeps the files its webhooks and Graph API name: WhatsApp's media URLs
 * (`lookaside.fbsbx.com`), Messenger's CDN (`scontent.xx.fbcdn.net`, `cdn.fbsbx.com`), and Meta's
 * own domains behind them.
 */
const META_FILE_DOMAINS = ['fbsbx.com', 'fbcdn.net', 'facebook.com', 'whatsapp.net'];

/**
 * Whether a file URL a Meta channel was given is one of Meta's: on a Meta domain over https, or
 * on the origin of the Graph API we are configured to call (the simulator, a test's fake). Any
 * other URL is not fetched: the WhatsApp token goes with that request, and a URL of our own
 * network (`http://169.254.169.254/`, an internal service) is no customer's file.
 */
export const isMetaFileUrl = (url: URL, apiBaseUrl: string): boolean => {
  try {
    if (url.origin === new URL(apiBaseUrl).origin) {
      return true;
    }
  } catch {
    // No valid base URL configured: only Meta's own hosts remain.
  }
  const host = url.hostname.toLowerCase();
  return (
    url.protocol === 'https:' &&
    (url.port === '' || url.port === '443') &&
    META_FILE_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`))
  );
};
