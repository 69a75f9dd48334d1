export * from './channel-adapter';
export * from './livechat/livechat-adapter';
export { messengerAdapter } from './messenger/messenger-adapter';
export { signMetaBody } from './provider/meta-signature';
export * from './provider/provider-adapter';
export * from './provider/provider-registry';
export { parseTwilioForm, smsAdapter } from './sms/sms-adapter';
export { twilioSignature } from './sms/twilio-signature';
export { GRAPH_API_VERSION, whatsappAdapter } from './whatsapp/whatsapp-adapter';
