import type { MessengerConfig, SmsConfig, WhatsappConfig } from '../src';

/** The channels' configurations in the tests; apiBaseUrl is each test's fake provider (port 1: none). */
export const whatsappConfig: WhatsappConfig = {
  channel: 'whatsapp',
  phoneNumberId: '106540352242922',
  displayPhoneNumber: '15550001111',
  accessToken: 'token-1',
  appSecret: 'app-secret',
  verifyToken: 'verify-me',
  apiBaseUrl: 'http://127.0.0.1:1',
};

export const smsConfig: SmsConfig = {
  channel: 'sms',
  accountSid: 'AC0123456789abcdef0123456789abcdef',
  authToken: '12345',
  phoneNumber: '+46701234567',
  messagingServiceSid: null,
  apiBaseUrl: 'http://127.0.0.1:1',
};

export const messengerConfig: MessengerConfig = {
  channel: 'messenger',
  pageId: 'PAGE1',
  pageName: 'Tienda',
  pageAccessToken: 'page-token',
  appSecret: 'app-secret',
  verifyToken: 'verify-me',
  apiBaseUrl: 'http://127.0.0.1:1',
};
