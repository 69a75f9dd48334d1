export * from './agent';
export * from './auth';
export * from './common';
export * from './conversation';
export * from './livechat';
export * from './socket';
