/**
 * Switchboard's live-chat widget. Embed it on any site:
 *
 *   import { mountSwitchboardWidget } from 'https://contact.example.com/demo/switchboard-widget.js';
 *   mountSwitchboardWidget({ entryPoint: 'website', apiBase: 'https://contact.example.com' });
 */
export { type MountOptions, mountSwitchboardWidget, type WidgetHandle } from './widget';
