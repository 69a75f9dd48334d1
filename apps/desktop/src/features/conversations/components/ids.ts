/** DOM ids shared by a tab and its panel (ARIA tabs pattern). */
export const tabId = (conversationId: string) => `conversation-tab-${conversationId}`;
export const PANEL_ID = 'conversation-panel';
