export * from './admin';
export * from './agent';
export * from './auth';
export * from './common';
export * from './constants';
export * from './conversation';
export * from './livechat';
export * from './socket';
