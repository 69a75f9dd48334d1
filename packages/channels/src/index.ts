export * from './channel-adapter';
export * from './livechat/livechat-adapter';
