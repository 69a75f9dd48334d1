import { trimSlash } from '../provider/http';
import type { SmsConfig } from '../provider/provider-adapter';

/** The account's resources on Twilio's REST API, with a trailing slash: `…/2010-04-01/Accounts/AC…/`. */
export const twilioAccountUrl = (config: SmsConfig): string =>
  `${trimSlash(config.apiBaseUrl)}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/`;

/** HTTP Basic with the account SID and auth token, as Twilio's REST API takes them. */
export const twilioAuthorization = (config: SmsConfig): string =>
  `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString('base64')}`;
