import { mountSwitchboardWidget } from './index';

// The demo page the server serves at /demo. `?lang=de` tries another language.
const lang = new URLSearchParams(window.location.search).get('lang');
mountSwitchboardWidget({ entryPoint: 'website', apiBase: '', language: lang ?? undefined });
