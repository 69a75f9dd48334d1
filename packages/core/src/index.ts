export * from './channels';
export * from './errors';
export * from './validate-message-body';
