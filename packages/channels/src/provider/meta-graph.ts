/** The Graph API version both Meta channels call (WhatsApp Cloud API and Messenger Platform). */
export const GRAPH_API_VERSION = 'v21.0';
