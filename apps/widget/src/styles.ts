/** The widget's styles, scoped by its shadow root: the host page's CSS neither leaks in nor out. */
export const STYLES = `
:host { all: initial; }
.sbw {
  --accent: #1a56db;
  --accent-dark: #1643a8;
  --text: #111827;
  --muted: #4b5563;
  --danger: #b3261e;
  --line: #e5e7eb;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--text);
  -webkit-font-smoothing: antialiased;
}
.sbw *, .sbw *::before, .sbw *::after { box-sizing: border-box; }
.sbw [hidden] { display: none !important; }
.sr-only {
  position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
button, input, textarea { font: inherit; color: inherit; }
button { cursor: pointer; }
button:disabled { cursor: not-allowed; }
:focus { outline: none; }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }

.launcher {
  position: fixed; right: 20px; bottom: 20px; z-index: 2147483000;
  display: inline-flex; align-items: center; gap: 8px;
  padding: 12px 20px; border: 0; border-radius: 999px;
  background: var(--accent); color: #fff; font-weight: 600;
  box-shadow: 0 6px 20px rgb(17 24 39 / 0.25);
}
.launcher:hover { background: var(--accent-dark); }
.launcher svg { width: 20px; height: 20px; flex: none; }
.badge {
  min-width: 20px; height: 20px; padding: 0 6px; border-radius: 999px;
  background: #fff; color: var(--accent); font-size: 12px; line-height: 20px; text-align: center;
}

.panel {
  position: fixed; right: 20px; bottom: 84px; z-index: 2147483001;
  width: 370px; height: min(620px, calc(100vh - 104px));
  display: flex; flex-direction: column; overflow: hidden;
  background: #fff; border-radius: 16px;
  box-shadow: 0 12px 40px rgb(17 24 39 / 0.28);
}
.header {
  display: flex; align-items: center; gap: 8px; padding: 12px 12px 12px 16px;
  background: var(--accent); color: #fff;
}
.header :focus-visible { outline-color: #fff; }
.title { flex: 1; margin: 0; font-size: 16px; font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.header-button {
  padding: 6px 12px; border: 1px solid rgb(255 255 255 / 0.8); border-radius: 8px;
  background: transparent; color: #fff; font-size: 13px; font-weight: 600;
}
.header-button:hover { background: rgb(255 255 255 / 0.15); }
.icon-button {
  display: inline-grid; place-items: center; width: 34px; height: 34px; padding: 0;
  border: 0; border-radius: 8px; background: transparent; color: #fff;
}
.icon-button:hover { background: rgb(255 255 255 / 0.15); }
.icon-button svg { width: 20px; height: 20px; }
.body { flex: 1; min-height: 0; display: flex; flex-direction: column; }

.center { margin: auto; padding: 24px; text-align: center; color: var(--muted); }
.stack { display: flex; flex-direction: column; align-items: center; gap: 12px; }

.start { padding: 20px; overflow-y: auto; display: flex; flex-direction: column; gap: 16px; }
.intro { margin: 0; }
.field { display: flex; flex-direction: column; gap: 4px; }
.field label { font-weight: 600; font-size: 14px; }
.field input {
  width: 100%; padding: 10px 12px; border: 1px solid #6b7280; border-radius: 8px; background: #fff;
}
.field input[aria-invalid="true"] { border-color: var(--danger); }
.field-error, .form-error { margin: 0; color: var(--danger); font-size: 13px; }
.form-error:empty { display: none; }

.primary, .secondary, .danger {
  padding: 10px 16px; border-radius: 8px; font-weight: 600; border: 1px solid transparent;
}
.primary { background: var(--accent); color: #fff; }
.primary:hover:not(:disabled) { background: var(--accent-dark); }
.primary:disabled { background: #9ca3af; }
.secondary { background: #fff; color: var(--text); border-color: #6b7280; }
.secondary:hover { background: #f3f4f6; }
.danger { background: var(--danger); color: #fff; }
.danger:hover:not(:disabled) { background: #8f1e18; }

.banner {
  padding: 6px 12px; background: #fff4e5; color: #7a4100; font-size: 13px; text-align: center;
  border-bottom: 1px solid #f5d9a8;
}
.banner:empty { display: none; }
.log {
  flex: 1; min-height: 0; overflow-y: auto; padding: 16px 14px;
  display: flex; flex-direction: column; gap: 6px; background: #f7f8fa;
}
.msg { display: flex; flex-direction: column; max-width: 82%; }
.msg.own { align-self: flex-end; align-items: flex-end; }
.msg.agent { align-self: flex-start; align-items: flex-start; }
.msg .author { margin: 6px 0 2px 4px; font-size: 12px; font-weight: 600; color: var(--muted); }
.bubble {
  margin: 0; padding: 8px 12px; border-radius: 16px; white-space: pre-wrap; overflow-wrap: anywhere;
}
.own .bubble { background: var(--accent); color: #fff; border-bottom-right-radius: 4px; }
.agent .bubble { background: #e6eaf0; color: var(--text); border-bottom-left-radius: 4px; }
.msg .bubble + .bubble { margin-top: 4px; }
.bubble.file, .file-row { display: flex; align-items: center; gap: 6px; }
.file-row { margin: 0; }
.bubble.file svg, .file-row svg { width: 16px; height: 16px; flex: none; }
.file-size { font-size: 12px; opacity: 0.85; white-space: nowrap; }
.file-link { color: inherit; font-weight: 600; text-decoration: underline; text-underline-offset: 2px; }
.file-note { margin: 2px 0 0; font-size: 12px; opacity: 0.9; white-space: normal; }
.bubble.picture { padding: 4px; max-width: 100%; white-space: normal; }
.bubble.picture a { display: block; border-radius: 12px; }
.bubble.picture img {
  display: block; max-width: 100%; max-height: 240px; width: auto; height: auto;
  border-radius: 12px; background: #fff;
}
.file-caption { display: flex; gap: 6px; align-items: baseline; margin: 4px 8px 2px; font-size: 12px; }
.file-caption .file-name { overflow-wrap: anywhere; }
.own .bubble.file-line.expired, .own .bubble.file-line.failed { background: #dfe6f5; color: var(--text); }
.own.sending .bubble { opacity: 0.7; }
.own.failed .bubble { background: #fff; color: var(--text); border: 1px solid var(--danger); }
.meta { display: flex; align-items: center; gap: 8px; margin: 2px 4px 0; font-size: 11px; color: #6b7280; }
.failed .meta { color: var(--danger); font-size: 12px; }
.link-button {
  padding: 2px 4px; border: 0; background: none; color: var(--accent); font-size: 12px; font-weight: 600;
  text-decoration: underline;
}
.system {
  align-self: center; margin: 8px 0; padding: 3px 10px; border-radius: 999px;
  background: #eceef2; color: var(--muted); font-size: 12px; text-align: center;
}
.status { margin: 0; padding: 6px 14px; font-size: 13px; color: var(--muted); font-style: italic; background: #f7f8fa; }
.status:empty { display: none; }

.footer { border-top: 1px solid var(--line); padding: 10px 12px 12px; background: #fff; }
.composer textarea {
  display: block; width: 100%; min-height: 44px; max-height: 140px; resize: none;
  padding: 10px 12px; border: 1px solid #6b7280; border-radius: 10px; background: #fff;
}
.composer textarea[aria-invalid="true"] { border-color: var(--danger); }
.composer-row { display: flex; align-items: center; justify-content: space-between; gap: 8px; margin-top: 8px; }
.counter { font-size: 12px; color: var(--muted); font-variant-numeric: tabular-nums; }
.counter.over { color: var(--danger); font-weight: 700; }
.too-long { margin: 6px 0 0; color: var(--danger); font-size: 12px; }
.file-error { margin: 6px 0 0; color: var(--danger); font-size: 12px; }
.file-error:empty { display: none; }
.composer-actions { display: flex; align-items: center; gap: 8px; }
.attach {
  display: inline-grid; place-items: center; width: 42px; height: 42px; padding: 0;
  border: 1px solid #6b7280; border-radius: 8px; background: #fff; color: var(--text);
}
.attach:hover:not(:disabled) { background: #f3f4f6; }
.attach:disabled { color: #9ca3af; border-color: #d1d5db; }
.attach svg { width: 22px; height: 22px; }
.confirm h3 { margin: 0 0 4px; font-size: 15px; }
.confirm p { margin: 0 0 12px; font-size: 13px; color: var(--muted); }
.actions { display: flex; gap: 8px; justify-content: flex-end; }
.ended { display: flex; flex-direction: column; align-items: center; gap: 10px; padding: 6px 0; }
.ended p { margin: 0; font-weight: 600; }

@media (max-width: 480px) {
  .panel { inset: 0; width: 100%; height: 100%; height: 100dvh; border-radius: 0; }
  .sbw[data-open] .launcher { display: none; }
}
@media (forced-colors: active) {
  .bubble, .system, .launcher, .panel { border: 1px solid CanvasText; }
}
`;
