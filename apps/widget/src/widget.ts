import type {
  TConversationStatus,
  TCustomerConversation,
  TEntryPointInfo,
  TMessage,
} from '@switchboard/contracts';
import { SENDABLE_FILE_MAX_BYTES } from '@switchboard/contracts/constants';
import { COMPOSE_LIMITS } from '@switchboard/core';
import { ApiError, createApi, isSessionGone, isTransient, type LivechatApi } from './api';
import {
  bytesSignature,
  createFileBytesCache,
  type FileBytesCache,
  type FileLine,
  fileLabel,
  fileNote,
  fileShow,
  needsBytes,
  safeBlob,
} from './attachments';
import { h, replaceChildren } from './dom';
import { checkFile, FILE_ACCEPT, formatBytes, uploadRefusal } from './files';
import { createTranslator, type Language, pickLanguage, type Translate } from './i18n';
import { connectLive, type Live } from './live';
import {
  countNewAgentMessages,
  lastSeq,
  mergeMessages,
  newClientMessageId,
  type PendingMessage,
  readReportFor,
  settlePending,
  type ThreadItem,
  threadItems,
  updatePending,
} from './messages';
import {
  browserStorage,
  createPanelStore,
  createSessionStore,
  type SessionStore,
  type StoredSession,
} from './session';
import { STYLES } from './styles';
import { composeState, NAME_MAX, validateStartForm } from './validate';

export interface MountOptions {
  /** Where the widget's host element goes; `document.body` by default. */
  root?: HTMLElement | null;
  /** The live-chat entry point's key, e.g. 'website'. */
  entryPoint: string;
  /** Origin of the Switchboard server; '' (default) is the page's own origin. */
  apiBase?: string;
  /** A BCP 47 tag to use instead of the browser's languages. */
  language?: string;
  /** Open the panel at once. */
  open?: boolean;
}

export interface WidgetHandle {
  open(): void;
  close(): void;
  destroy(): void;
}

interface ConversationState {
  status: TConversationStatus;
  customerLeft: boolean;
  agentName: string | null;
  customerName: string;
  composeLimit: number;
}

type ViewKind = 'loading' | 'unavailable' | 'error' | 'start' | 'conversation';
type FooterMode = 'composer' | 'confirm' | 'ended';

const TYPING_RESEND_MS = 3000;
const TYPING_IDLE_MS = 4000;
const AGENT_TYPING_TIMEOUT_MS = 10_000;

/** A decorative 24×24 glyph: filled, or drawn as a line (`stroke`). */
const icon = (path: string, stroke = false): SVGSVGElement => {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const p = document.createElementNS(ns, 'path');
  p.setAttribute('d', path);
  if (stroke) {
    p.setAttribute('fill', 'none');
    p.setAttribute('stroke', 'currentColor');
    p.setAttribute('stroke-width', '1.8');
    p.setAttribute('stroke-linecap', 'round');
    p.setAttribute('stroke-linejoin', 'round');
  } else {
    p.setAttribute('fill', 'currentColor');
  }
  svg.append(p);
  return svg;
};
const CHAT_ICON =
  'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H8.4L4.6 21.3A1 1 0 0 1 3 20.5V5a2 2 0 0 1 1-2zm3 5v2h10V8H7zm0 4v2h7v-2H7z';
const MINIMIZE_ICON = 'M6.4 8.6 12 14.2l5.6-5.6L19 10l-7 7-7-7z';
const PAPERCLIP_ICON = 'M16 6v10a4 4 0 0 1-8 0V5a2.5 2.5 0 0 1 5 0v10a1 1 0 0 1-2 0V7';
const DOWNLOAD_ICON = 'M12 4v11m-5-5 5 5 5-5M5 20h14';

let instances = 0;

class Widget implements WidgetHandle {
  private readonly t: Translate;
  private readonly language: Language;
  private readonly api: LivechatApi;
  private readonly apiBase: string;
  private readonly entryKey: string;
  private readonly sessions: SessionStore;
  private readonly panelStore: ReturnType<typeof createPanelStore>;
  private readonly timeFormat: Intl.DateTimeFormat;
  /** Ids inside the shadow root stay unique even with two widgets on one page. */
  private readonly idPrefix: string;

  private readonly host: HTMLElement;
  private readonly shadow: ShadowRoot;
  private readonly container: HTMLElement;
  private readonly launcher: HTMLButtonElement;
  private readonly badge: HTMLElement;
  private readonly unreadText: HTMLElement;
  private readonly panel: HTMLElement;
  private readonly title: HTMLElement;
  private readonly endButton: HTMLButtonElement;
  private readonly body: HTMLElement;

  private view: ViewKind = 'loading';
  private isOpen = false;
  private destroyed = false;
  private unread = 0;
  /** The seq the server was last told the customer has seen (POST .../read), and one report at a time. */
  private readReported = 0;
  private readInFlight = false;
  private readAgain = false;
  private readonly onVisibility = () => this.reportRead();
  private entry: TEntryPointInfo | null = null;
  private session: StoredSession | null = null;
  private conv: ConversationState | null = null;
  private messages: TMessage[] = [];
  private pending: PendingMessage[] = [];
  private live: Live | null = null;
  private connection: 'connecting' | 'connected' | 'reconnecting' = 'connecting';
  private agentTyping = false;
  private agentTypingTimer: ReturnType<typeof setTimeout> | undefined;
  private typingActive = false;
  private typingSentAt = 0;
  private typingIdleTimer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retryDelay = 2000;
  private prefillName = '';

  // The conversation view, built once per conversation so the draft and focus survive updates.
  private footerMode: FooterMode = 'composer';
  private banner: HTMLElement | null = null;
  private log: HTMLElement | null = null;
  private statusLine: HTMLElement | null = null;
  private footer: HTMLElement | null = null;
  private composer: {
    form: HTMLFormElement;
    textarea: HTMLTextAreaElement;
    counter: HTMLElement;
    tooLong: HTMLElement;
    send: HTMLButtonElement;
    attach: HTMLButtonElement;
    fileInput: HTMLInputElement;
    fileError: HTMLElement;
  } | null = null;
  private logNodes = new Map<string, { sig: string; el: HTMLElement }>();
  /** The thread's files as object URLs, fetched once each; revoked when the session or widget ends. */
  private readonly files: FileBytesCache;

  constructor(options: MountOptions) {
    this.entryKey = options.entryPoint;
    this.apiBase = (options.apiBase ?? '').replace(/\/+$/, '');
    this.api = createApi(this.apiBase);
    this.language = pickLanguage(
      options.language ? [options.language] : [...(navigator.languages ?? []), navigator.language],
    );
    this.t = createTranslator(this.language);
    this.timeFormat = new Intl.DateTimeFormat(this.language, { hour: '2-digit', minute: '2-digit' });
    this.sessions = createSessionStore(browserStorage('localStorage'), this.entryKey);
    this.panelStore = createPanelStore(browserStorage('sessionStorage'), this.entryKey);
    this.idPrefix = `sbw${instances++}-`;
    this.files = createFileBytesCache({ changed: () => this.renderLog(), retryable: isTransient });
    const t = this.t;
    const id = (name: string) => this.idPrefix + name;

    this.host = h('div', { class: 'switchboard-widget', 'data-entry-point': this.entryKey });
    this.shadow = this.host.attachShadow({ mode: 'open' });

    this.badge = h('span', { class: 'badge', 'aria-hidden': 'true', hidden: true });
    this.unreadText = h('span', { class: 'sr-only', id: id('unread') });
    this.launcher = h(
      'button',
      {
        type: 'button',
        class: 'launcher',
        'aria-expanded': 'false',
        'aria-controls': id('panel'),
        'aria-describedby': id('unread'),
        onClick: () => this.open(),
      },
      icon(CHAT_ICON),
      h('span', null, t('launcher')),
      this.badge,
    );
    this.title = h('h2', { class: 'title', id: id('title') }, t('panelLabel'));
    this.endButton = h(
      'button',
      { type: 'button', class: 'header-button', hidden: true, onClick: () => this.askToEnd() },
      t('endChat'),
    );
    this.body = h('div', { class: 'body' });
    this.panel = h(
      'section',
      {
        class: 'panel',
        id: id('panel'),
        role: 'region',
        'aria-label': t('panelLabel'),
        tabindex: '-1',
        hidden: true,
        onKeydown: (e) => this.onPanelKeydown(e as KeyboardEvent),
      },
      h(
        'header',
        { class: 'header' },
        this.title,
        this.endButton,
        h(
          'button',
          {
            type: 'button',
            class: 'icon-button',
            'aria-label': t('minimize'),
            title: t('minimize'),
            onClick: () => this.close(),
          },
          icon(MINIMIZE_ICON),
        ),
      ),
      this.body,
    );
    this.container = h(
      'div',
      { class: 'sbw', lang: this.language },
      this.launcher,
      this.unreadText,
      this.panel,
    );
    const style = h('style', null, STYLES);
    this.shadow.append(style, this.container);
    (options.root ?? document.body ?? document.documentElement).append(this.host);

    this.setView('loading');
    document.addEventListener('visibilitychange', this.onVisibility);
    // A reload in the middle of a chat shows the panel again if it was open.
    if (options.open || (this.panelStore.wasOpen() && this.sessions.load())) {
      this.open(false);
    }
    void this.init();
  }

  // ---------------------------------------------------------------- public

  open(focus = true): void {
    if (this.destroyed) {
      return;
    }
    if (!this.isOpen) {
      this.isOpen = true;
      this.panel.hidden = false;
      this.launcher.setAttribute('aria-expanded', 'true');
      this.container.setAttribute('data-open', '');
      this.panelStore.setOpen(true);
      this.unread = 0;
      this.renderBadge();
      this.scrollLogToEnd();
      this.reportRead();
    }
    if (focus) {
      this.focusInPanel();
    }
  }

  close(): void {
    if (!this.isOpen) {
      return;
    }
    const focusWasInside = this.focusWithinPanel();
    this.isOpen = false;
    this.panel.hidden = true;
    this.launcher.setAttribute('aria-expanded', 'false');
    this.container.removeAttribute('data-open');
    this.panelStore.setOpen(false);
    if (focusWasInside) {
      this.launcher.focus();
    }
  }

  destroy(): void {
    this.destroyed = true;
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.stopLive();
    clearTimeout(this.agentTypingTimer);
    clearTimeout(this.typingIdleTimer);
    this.files.clear();
    this.host.remove();
  }

  // ---------------------------------------------------------------- loading

  private async init(): Promise<void> {
    this.setView('loading');
    const stored = this.sessions.load();
    const [entry, conversation] = await Promise.allSettled([
      this.api.entryPoint(this.entryKey),
      stored ? this.api.conversation(stored) : Promise.resolve(null),
    ]);
    if (this.destroyed) {
      return;
    }
    if (entry.status === 'fulfilled') {
      this.entry = entry.value;
      this.title.textContent = entry.value.name;
    }
    if (stored && conversation.status === 'fulfilled' && conversation.value) {
      this.enterConversation(stored, conversation.value);
      return;
    }
    if (conversation.status === 'rejected') {
      if (!isSessionGone(conversation.reason)) {
        this.setView('error');
        return;
      }
      this.sessions.clear();
    }
    if (entry.status === 'rejected') {
      const notFound = entry.reason instanceof ApiError && entry.reason.status === 404;
      this.setView(notFound ? 'unavailable' : 'error');
      return;
    }
    this.setView('start');
  }

  // ---------------------------------------------------------------- views

  private setView(view: ViewKind): void {
    const hadFocus = this.focusWithinPanel();
    this.view = view;
    const t = this.t;
    switch (view) {
      case 'loading':
        replaceChildren(this.body, h('p', { class: 'center', role: 'status' }, t('loading')));
        break;
      case 'unavailable':
        replaceChildren(this.body, h('p', { class: 'center', role: 'status' }, t('unavailable')));
        break;
      case 'error':
        replaceChildren(
          this.body,
          h(
            'div',
            { class: 'center stack' },
            h('p', { role: 'alert' }, t('networkError')),
            h('button', { type: 'button', class: 'primary', onClick: () => void this.init() }, t('tryAgain')),
          ),
        );
        break;
      case 'start':
        replaceChildren(this.body, this.buildStartForm());
        break;
      case 'conversation':
        replaceChildren(this.body, ...this.buildConversationView());
        // Only attached nodes have a height: start at the latest message.
        this.scrollLogToEnd();
        break;
    }
    this.renderHeader();
    if (hadFocus && this.isOpen) {
      this.focusInPanel();
    }
  }

  private renderHeader(): void {
    this.endButton.hidden = !(
      this.view === 'conversation' &&
      !this.isEnded() &&
      this.footerMode === 'composer'
    );
  }

  private focusWithinPanel(): boolean {
    const active = this.shadow.activeElement;
    return active !== null && this.panel.contains(active);
  }

  private focusInPanel(): void {
    const target =
      this.body.querySelector<HTMLElement>('[data-autofocus]') ??
      this.body.querySelector<HTMLElement>('input, textarea, button');
    (target ?? this.panel).focus();
  }

  private onPanelKeydown(e: KeyboardEvent): void {
    if (e.key !== 'Escape') {
      return;
    }
    e.preventDefault();
    if (this.footerMode === 'confirm') {
      this.cancelEnd();
    } else {
      this.close();
    }
  }

  // ---------------------------------------------------------------- start form

  private buildStartForm(): HTMLElement {
    const t = this.t;
    const id = (name: string) => this.idPrefix + name;
    const nameError = h('p', { class: 'field-error', id: id('name-error'), hidden: true });
    const emailError = h('p', { class: 'field-error', id: id('email-error'), hidden: true });
    const formError = h('p', { class: 'form-error', role: 'alert' });
    const name = h('input', {
      id: id('name'),
      name: 'name',
      type: 'text',
      autocomplete: 'name',
      required: true,
      'data-autofocus': true,
    });
    name.value = this.prefillName;
    const email = h('input', {
      id: id('email'),
      name: 'email',
      type: 'email',
      autocomplete: 'email',
      inputmode: 'email',
      spellcheck: 'false',
    });
    const submit = h('button', { type: 'submit', class: 'primary' }, t('startChat'));

    const showError = (input: HTMLInputElement, el: HTMLElement, message: string | null) => {
      el.textContent = message ?? '';
      el.hidden = message === null;
      input.setAttribute('aria-invalid', message === null ? 'false' : 'true');
      if (message === null) {
        input.removeAttribute('aria-describedby');
      } else {
        input.setAttribute('aria-describedby', el.id);
      }
    };
    name.addEventListener('input', () => showError(name, nameError, null));
    email.addEventListener('input', () => showError(email, emailError, null));

    const form = h(
      'form',
      { class: 'start', novalidate: true },
      h('p', { class: 'intro' }, t('startIntro')),
      h('div', { class: 'field' }, h('label', { for: id('name') }, t('nameLabel')), name, nameError),
      h('div', { class: 'field' }, h('label', { for: id('email') }, t('emailLabel')), email, emailError),
      formError,
      submit,
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (submit.disabled) {
        return;
      }
      const { errors, value } = validateStartForm({ name: name.value, email: email.value });
      showError(name, nameError, errors.name ? t(errors.name, { max: NAME_MAX }) : null);
      showError(email, emailError, errors.email ? t(errors.email) : null);
      formError.textContent = '';
      if (errors.name) {
        name.focus();
        return;
      }
      if (errors.email) {
        email.focus();
        return;
      }
      submit.disabled = true;
      form.setAttribute('aria-busy', 'true');
      void this.startChat(value).then((error) => {
        if (error !== null && form.isConnected) {
          formError.textContent = error;
          submit.disabled = false;
          form.removeAttribute('aria-busy');
        }
      });
    });
    return form;
  }

  /** Starts a chat; answers the error to show, or null when the conversation view took over. */
  private async startChat(value: { name: string; email?: string }): Promise<string | null> {
    try {
      const res = await this.api.start({ entryPoint: this.entryKey, ...value });
      if (this.destroyed) {
        return null;
      }
      const session = { conversationId: res.conversation.id, token: res.token };
      this.sessions.save(session);
      this.enterConversation(session, res.conversation);
      this.focusInPanel();
      return null;
    } catch (e) {
      return e instanceof ApiError && !isTransient(e) ? e.message : this.t('networkError');
    }
  }

  // ---------------------------------------------------------------- conversation

  private isEnded(): boolean {
    return this.conv !== null && (this.conv.status === 'ended' || this.conv.customerLeft);
  }

  private enterConversation(session: StoredSession, c: TCustomerConversation): void {
    this.stopLive();
    this.files.clear();
    this.session = session;
    this.conv = {
      status: c.status,
      customerLeft: c.customerLeft,
      agentName: c.agentName,
      customerName: c.customerName,
      composeLimit: c.composeLimit || this.entry?.composeLimit || COMPOSE_LIMITS.livechat,
    };
    this.messages = mergeMessages([], c.messages);
    this.readReported = 0;
    this.pending = [];
    this.agentTyping = false;
    this.connection = 'connecting';
    this.footerMode = this.isEnded() ? 'ended' : 'composer';
    this.setView('conversation');
    if (!this.isEnded()) {
      this.startLive(session);
    }
    this.reportRead();
  }

  private buildConversationView(): HTMLElement[] {
    const t = this.t;
    this.logNodes = new Map();
    this.banner = h('div', { class: 'banner', role: 'status' });
    this.log = h('div', { class: 'log', role: 'log', 'aria-label': t('messagesLabel'), tabindex: '0' });
    this.statusLine = h('p', { class: 'status', role: 'status' });
    this.footer = h('div', { class: 'footer' });
    this.composer = this.buildComposer();
    this.renderLog(true);
    this.renderStatus();
    this.renderBanner();
    this.renderFooter();
    return [this.banner, this.log, this.statusLine, this.footer];
  }

  private buildComposer(): NonNullable<Widget['composer']> {
    const t = this.t;
    const id = (name: string) => this.idPrefix + name;
    const textarea = h('textarea', {
      id: id('message'),
      name: 'message',
      rows: 2,
      placeholder: t('messagePlaceholder'),
      'aria-invalid': 'false',
      'data-autofocus': true,
    });
    const counter = h('span', { class: 'counter', id: id('counter') });
    const tooLong = h('p', { class: 'too-long', id: id('too-long'), hidden: true });
    const send = h('button', { type: 'submit', class: 'primary', disabled: true }, t('send'));
    // Refusals are announced as they happen; the button keeps the last one as its description.
    const fileError = h('p', { class: 'file-error', id: id('file-error'), role: 'alert' });
    // The native picker, opened by the button: a file input cannot be styled or named as well.
    const fileInput = h('input', { type: 'file', accept: FILE_ACCEPT, hidden: true, tabindex: '-1' });
    const attach = h(
      'button',
      {
        type: 'button',
        class: 'attach',
        'aria-label': t('attachFile'),
        'aria-describedby': fileError.id,
        title: t('attachFile'),
        onClick: () => fileInput.click(),
      },
      icon(PAPERCLIP_ICON, true),
    );
    fileInput.addEventListener('change', () => {
      const file = fileInput.files?.[0];
      // Emptied so that choosing the same file again is a change too.
      fileInput.value = '';
      if (file) {
        this.attachFile(file);
      }
    });
    const form = h(
      'form',
      { class: 'composer' },
      h('label', { class: 'sr-only', for: id('message') }, t('messageLabel')),
      textarea,
      tooLong,
      fileError,
      h('div', { class: 'composer-row' }, counter, h('div', { class: 'composer-actions' }, attach, send)),
      fileInput,
    );
    textarea.setAttribute('aria-describedby', counter.id);
    textarea.addEventListener('input', () => this.onComposerInput());
    textarea.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && !e.altKey && !e.ctrlKey && !e.metaKey) {
        e.preventDefault();
        form.requestSubmit();
      }
    });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.submitComposer();
    });
    const composer = { form, textarea, counter, tooLong, send, attach, fileInput, fileError };
    this.updateComposer(composer);
    return composer;
  }

  private updateComposer(c = this.composer): void {
    if (!c) {
      return;
    }
    const limit = this.conv?.composeLimit ?? COMPOSE_LIMITS.livechat;
    const state = composeState(c.textarea.value, limit);
    c.counter.textContent = `${state.count} / ${limit}`;
    c.counter.classList.toggle('over', state.over);
    c.send.disabled = !state.canSend;
    // Whatever the draft, a file can go whenever a message can; none where the administrator has
    // turned customers' files off (the server would refuse them: FILES_NOT_ACCEPTED).
    c.attach.hidden = this.entry?.acceptsFiles === false;
    c.attach.disabled = this.session === null || this.isEnded();
    c.tooLong.hidden = !state.over;
    c.tooLong.textContent = state.over ? this.t('tooLong', { count: state.count, limit }) : '';
    c.textarea.setAttribute('aria-invalid', String(state.over));
    c.textarea.setAttribute(
      'aria-describedby',
      state.over ? `${c.tooLong.id} ${c.counter.id}` : c.counter.id,
    );
    // Grow with the text up to the CSS max-height.
    c.textarea.style.height = 'auto';
    if (c.textarea.scrollHeight > 0) {
      c.textarea.style.height = `${c.textarea.scrollHeight + 2}px`;
    }
  }

  private onComposerInput(): void {
    this.updateComposer();
    const text = this.composer?.textarea.value ?? '';
    if (!this.live || this.isEnded()) {
      return;
    }
    if (text.length === 0) {
      this.stopTyping();
      return;
    }
    const now = Date.now();
    if (!this.typingActive || now - this.typingSentAt > TYPING_RESEND_MS) {
      this.live.typing(true);
      this.typingActive = true;
      this.typingSentAt = now;
    }
    clearTimeout(this.typingIdleTimer);
    this.typingIdleTimer = setTimeout(() => this.stopTyping(), TYPING_IDLE_MS);
  }

  private stopTyping(): void {
    clearTimeout(this.typingIdleTimer);
    if (this.typingActive) {
      this.live?.typing(false);
      this.typingActive = false;
    }
  }

  private submitComposer(): void {
    const c = this.composer;
    if (!c || this.isEnded()) {
      return;
    }
    const state = composeState(c.textarea.value, this.conv?.composeLimit ?? COMPOSE_LIMITS.livechat);
    if (!state.canSend) {
      return;
    }
    const body = c.textarea.value.trim();
    c.textarea.value = '';
    this.updateComposer();
    this.stopTyping();
    this.showFileError(null);
    this.queue(body);
  }

  /** A file the customer chose: refused here in words, or sent as a pending message of its own. */
  private attachFile(file: File): void {
    if (!this.composer || !this.session || this.isEnded()) {
      return;
    }
    const refusal = checkFile(file);
    this.showFileError(refusal ? this.t(refusal, { max: this.fileLimit() }) : null);
    if (!refusal) {
      this.queue(file.name, file);
    }
  }

  private fileLimit(): string {
    return formatBytes(SENDABLE_FILE_MAX_BYTES, this.language);
  }

  private showFileError(text: string | null): void {
    const el = this.composer?.fileError;
    // A new text node each time, so the same refusal twice is announced twice.
    if (el && (text !== null || el.textContent !== '')) {
      replaceChildren(el, text);
    }
  }

  /** Shown at once as pending, then delivered; the server's copy replaces it. */
  private queue(body: string, file?: File): void {
    const message: PendingMessage = {
      clientMessageId: newClientMessageId(),
      body,
      state: 'sending',
      retryable: false,
      error: null,
      createdAt: new Date().toISOString(),
      ...(file ? { file } : {}),
    };
    this.pending = [...this.pending, message];
    this.renderLog(true);
    void this.deliver(message.clientMessageId);
  }

  private retry(clientMessageId: string): void {
    this.pending = updatePending(this.pending, clientMessageId, { state: 'sending', error: null });
    this.renderLog(true);
    this.composer?.textarea.focus();
    void this.deliver(clientMessageId);
  }

  private async deliver(clientMessageId: string): Promise<void> {
    const session = this.session;
    const message = this.pending.find((p) => p.clientMessageId === clientMessageId);
    if (!session || !message) {
      return;
    }
    try {
      const saved = message.file
        ? await this.api.sendFile(session, message.file, clientMessageId)
        : await this.api.send(session, message.body, clientMessageId);
      if (this.session === session) {
        // The picture just sent is shown from the bytes at hand, not downloaded again.
        const stored = message.file ? saved.attachments?.[0] : undefined;
        if (message.file && stored && needsBytes(stored)) {
          this.files.seed(stored.id, safeBlob(message.file, stored));
        }
        this.receive([saved]);
      }
    } catch (e) {
      if (this.session !== session) {
        return;
      }
      // A file refused for its size or type is explained as the client's own check would.
      const refusal = message.file && e instanceof ApiError ? uploadRefusal(e.status, e.code) : null;
      this.pending = isTransient(e)
        ? updatePending(this.pending, clientMessageId, { state: 'failed', retryable: true, error: null })
        : updatePending(this.pending, clientMessageId, {
            state: 'failed',
            retryable: false,
            error: refusal
              ? this.t(refusal, { max: this.fileLimit() })
              : e instanceof Error
                ? e.message
                : null,
          });
      this.renderLog();
      // Refused because the chat ended or the session is gone: find out which.
      if (e instanceof ApiError && (e.status === 409 || isSessionGone(e))) {
        void this.verifySession();
      }
    }
  }

  /** Messages from any source (POST answer, socket, catch-up): merged once each by id. */
  private receive(incoming: readonly TMessage[]): void {
    if (incoming.length === 0) {
      return;
    }
    const fresh = countNewAgentMessages(this.messages, incoming);
    this.messages = mergeMessages(this.messages, incoming);
    this.pending = settlePending(this.pending, this.messages);
    if (fresh > 0) {
      this.setAgentTyping(false);
      if (!this.isOpen) {
        this.unread += fresh;
        this.renderBadge();
      }
    }
    this.renderLog();
    this.reportRead();
  }

  /**
   * Tells the server what the customer has seen, so the agent sees "Read" under their messages:
   * only while the chat is open on a page in view, only when an agent's message is new since the
   * last report, one report at a time (a newer one follows when it is done). A report that fails
   * is not retried on its own: it only means the agent does not see "Read" yet, and the next
   * message, opening the chat or coming back to the page reports again.
   */
  private reportRead(): void {
    const session = this.session;
    if (!session || !this.isOpen || this.view !== 'conversation' || document.visibilityState !== 'visible') {
      return;
    }
    const upTo = readReportFor(this.messages, this.readReported);
    if (upTo === null) {
      return;
    }
    if (this.readInFlight) {
      this.readAgain = true;
      return;
    }
    this.readInFlight = true;
    this.api
      .read(session, upTo)
      .then(
        () => {
          if (this.session === session) {
            this.readReported = Math.max(this.readReported, upTo);
          }
        },
        () => {},
      )
      .finally(() => {
        this.readInFlight = false;
        if (this.readAgain && !this.destroyed) {
          this.readAgain = false;
          this.reportRead();
        }
      });
  }

  private applyConversation(update: Partial<ConversationState>): void {
    if (!this.conv) {
      return;
    }
    const wasEnded = this.isEnded();
    this.conv = { ...this.conv, ...update };
    if (this.conv.status !== 'active') {
      this.setAgentTyping(false);
    }
    if (!wasEnded && this.isEnded()) {
      this.onEnded();
    } else {
      this.renderStatus();
      this.renderHeader();
      this.updateComposer();
    }
  }

  private onEnded(): void {
    const hadFocus = this.footer?.contains(this.shadow.activeElement) ?? false;
    this.stopTyping();
    this.setAgentTyping(false);
    this.footerMode = 'ended';
    this.renderFooter();
    this.renderHeader();
    this.renderStatus();
    this.renderBanner();
    if (hadFocus) {
      this.focusInPanel();
    }
    // One last catch-up for the closing system line, then the socket has nothing more to say.
    const session = this.session;
    void this.catchUp(false).finally(() => {
      if (this.session === session && this.isEnded()) {
        this.stopLive();
      }
    });
  }

  // ---------------------------------------------------------------- live

  private startLive(session: StoredSession): void {
    this.connection = 'connecting';
    this.live = connectLive(this.apiBase, session, {
      connected: (reconnect) => {
        if (this.session !== session) {
          return;
        }
        this.connection = 'connected';
        this.retryDelay = 2000;
        this.renderBanner();
        // Files that could not be fetched for want of a connection are tried again.
        if (this.files.forgetRetryable()) {
          this.renderLog();
        }
        void this.catchUp(reconnect);
      },
      disconnected: () => {
        if (this.session !== session) {
          return;
        }
        this.connection = 'reconnecting';
        this.setAgentTyping(false);
        this.renderBanner();
      },
      refused: () => {
        if (this.session === session) {
          void this.verifySession();
        }
      },
      message: (m) => {
        if (this.session === session) {
          this.receive([m]);
        }
      },
      updated: (e) => {
        if (this.session === session) {
          this.applyConversation(e);
        }
      },
      typing: (typing) => {
        if (this.session === session && !this.isEnded()) {
          this.setAgentTyping(typing);
        }
      },
    });
  }

  private stopLive(): void {
    clearTimeout(this.retryTimer);
    this.stopTyping();
    this.live?.close();
    this.live = null;
  }

  /** After every (re)connect: the messages missed meanwhile and, after a gap, the current status. */
  private async catchUp(reconnect: boolean): Promise<void> {
    const session = this.session;
    if (!session) {
      return;
    }
    try {
      const [page, conversation] = await Promise.all([
        this.api.messagesAfter(session, lastSeq(this.messages)),
        reconnect ? this.api.conversation(session) : Promise.resolve(null),
      ]);
      if (this.session !== session) {
        return;
      }
      this.receive(page.messages);
      if (conversation) {
        this.applyConversation(conversation);
      }
    } catch (e) {
      if (this.session === session && isSessionGone(e)) {
        this.forget();
      }
    }
  }

  /** The socket was refused or a send was: is the conversation still there, and still open? */
  private async verifySession(): Promise<void> {
    const session = this.session;
    if (!session) {
      return;
    }
    clearTimeout(this.retryTimer);
    try {
      const conversation = await this.api.conversation(session);
      if (this.session !== session) {
        return;
      }
      this.receive(conversation.messages);
      this.applyConversation(conversation);
      if (!this.isEnded() && this.connection !== 'connected') {
        this.retryTimer = setTimeout(() => this.live?.reconnect(), this.retryDelay);
        this.retryDelay = Math.min(this.retryDelay * 2, 30_000);
      }
    } catch (e) {
      if (this.session !== session) {
        return;
      }
      if (isSessionGone(e)) {
        this.forget();
      } else {
        this.retryTimer = setTimeout(() => void this.verifySession(), this.retryDelay);
        this.retryDelay = Math.min(this.retryDelay * 2, 30_000);
      }
    }
  }

  /** The conversation is gone (401/404) or the customer starts over: back to the start form. */
  private forget(): void {
    this.stopLive();
    this.sessions.clear();
    this.session = null;
    this.conv = null;
    this.messages = [];
    this.pending = [];
    this.composer = null;
    this.banner = this.log = this.statusLine = this.footer = null;
    this.logNodes = new Map();
    this.files.clear();
    this.footerMode = 'composer';
    this.setView('start');
  }

  private setAgentTyping(typing: boolean): void {
    clearTimeout(this.agentTypingTimer);
    if (typing) {
      this.agentTypingTimer = setTimeout(() => this.setAgentTyping(false), AGENT_TYPING_TIMEOUT_MS);
    }
    if (this.agentTyping !== typing) {
      this.agentTyping = typing;
      this.renderStatus();
    }
  }

  // ---------------------------------------------------------------- end

  private askToEnd(): void {
    if (this.isEnded()) {
      return;
    }
    this.footerMode = 'confirm';
    this.renderFooter();
    this.renderHeader();
    this.focusInPanel();
  }

  private cancelEnd(): void {
    this.footerMode = 'composer';
    this.renderFooter();
    this.renderHeader();
    this.endButton.focus();
  }

  private async confirmEnd(buttons: HTMLButtonElement[], errorEl: HTMLElement): Promise<void> {
    const session = this.session;
    if (!session) {
      return;
    }
    for (const b of buttons) {
      b.disabled = true;
    }
    errorEl.textContent = '';
    try {
      await this.api.end(session);
      if (this.session === session) {
        this.applyConversation({ customerLeft: true });
      }
    } catch (e) {
      if (this.session !== session) {
        return;
      }
      if (e instanceof ApiError && e.status === 409) {
        // Already ended meanwhile.
        this.applyConversation({ customerLeft: true });
        return;
      }
      errorEl.textContent = e instanceof ApiError && !isTransient(e) ? e.message : this.t('networkError');
      for (const b of buttons) {
        b.disabled = false;
      }
    }
  }

  private startOver(): void {
    this.prefillName = this.conv?.customerName ?? '';
    this.forget();
    this.focusInPanel();
  }

  // ---------------------------------------------------------------- rendering

  private renderBadge(): void {
    this.badge.hidden = this.unread === 0;
    this.badge.textContent = String(this.unread);
    this.unreadText.textContent =
      this.unread === 0
        ? ''
        : this.unread === 1
          ? this.t('newMessage')
          : this.t('newMessages', { count: this.unread });
  }

  private renderBanner(): void {
    if (this.banner) {
      this.banner.textContent =
        this.connection === 'reconnecting' && this.live && !this.isEnded() ? this.t('reconnecting') : '';
    }
  }

  private renderStatus(): void {
    if (!this.statusLine || !this.conv) {
      return;
    }
    const { status } = this.conv;
    let text = '';
    if (!this.isEnded()) {
      if (status === 'queued' || status === 'offered') {
        text = this.t('waiting');
      } else if (this.agentTyping) {
        text = this.t('typing', { name: this.conv.agentName ?? this.t('agentFallback') });
      }
    }
    if (this.statusLine.textContent !== text) {
      this.statusLine.textContent = text;
    }
  }

  private renderFooter(): void {
    const footer = this.footer;
    if (!footer) {
      return;
    }
    const t = this.t;
    const id = (name: string) => this.idPrefix + name;
    if (this.footerMode === 'composer' && this.composer) {
      replaceChildren(footer, this.composer.form);
      this.updateComposer();
    } else if (this.footerMode === 'confirm') {
      const error = h('p', { class: 'form-error', role: 'alert' });
      const cancel = h(
        'button',
        { type: 'button', class: 'secondary', 'data-autofocus': true, onClick: () => this.cancelEnd() },
        t('cancel'),
      );
      const confirm = h('button', { type: 'button', class: 'danger' }, t('endChat'));
      confirm.addEventListener('click', () => void this.confirmEnd([cancel, confirm], error));
      replaceChildren(
        footer,
        h(
          'div',
          {
            class: 'confirm',
            role: 'alertdialog',
            'aria-labelledby': id('confirm-title'),
            'aria-describedby': id('confirm-text'),
          },
          h('h3', { id: id('confirm-title') }, t('endChatConfirm')),
          h('p', { id: id('confirm-text') }, t('endChatConfirmText')),
          error,
          h('div', { class: 'actions' }, cancel, confirm),
        ),
      );
    } else {
      replaceChildren(
        footer,
        h(
          'div',
          { class: 'ended' },
          h('p', { role: 'status' }, t('chatEnded')),
          h(
            'button',
            { type: 'button', class: 'primary', 'data-autofocus': true, onClick: () => this.startOver() },
            t('startNewChat'),
          ),
        ),
      );
    }
  }

  private scrollLogToEnd(): void {
    if (this.log) {
      this.log.scrollTop = this.log.scrollHeight;
    }
  }

  /** Keyed update of the thread: unchanged messages keep their nodes (and screen readers stay quiet). */
  private renderLog(forceScroll = false): void {
    const log = this.log;
    if (!log) {
      return;
    }
    const nearEnd = log.scrollHeight - log.scrollTop - log.clientHeight < 48;
    const seen = new Set<string>();
    let previous: Element | null = null;
    for (const item of threadItems(this.messages, this.pending)) {
      if (seen.has(item.key)) {
        continue;
      }
      seen.add(item.key);
      const files = item.kind === 'system' ? [] : item.files;
      this.wantFiles(files);
      // A file's bytes arriving (or failing) changes its message too.
      const sig = JSON.stringify([
        item,
        files.map((f) => bytesSignature(f.id ? this.files.get(f.id) : undefined)),
      ]);
      let entry = this.logNodes.get(item.key);
      if (!entry || entry.sig !== sig) {
        const el = this.renderItem(item);
        entry?.el.replaceWith(el);
        entry = { sig, el };
        this.logNodes.set(item.key, entry);
      }
      const expected: ChildNode | null = previous ? previous.nextSibling : log.firstChild;
      if (expected !== entry.el) {
        log.insertBefore(entry.el, expected);
      }
      previous = entry.el;
    }
    for (const [key, entry] of this.logNodes) {
      if (!seen.has(key)) {
        entry.el.remove();
        this.logNodes.delete(key);
      }
    }
    if (forceScroll || nearEnd) {
      this.scrollLogToEnd();
    }
  }

  private time(iso: string): HTMLElement | null {
    const date = new Date(iso);
    return Number.isNaN(date.getTime())
      ? null
      : h('time', { datetime: date.toISOString() }, this.timeFormat.format(date));
  }

  private systemText(item: Extract<ThreadItem, { kind: 'system' }>): string {
    const t = this.t;
    const name = item.name || this.conv?.agentName || t('agentFallback');
    switch (item.event) {
      case 'agent_joined':
        return t('agentJoined', { name });
      case 'agent_left':
        return t('agentLeft', { name });
      case 'customer_left':
        return t('customerLeft');
      case 'conversation_ended':
        return t('conversationEnded');
      default:
        return item.body;
    }
  }

  private renderItem(item: ThreadItem): HTMLElement {
    const t = this.t;
    if (item.kind === 'system') {
      return h('p', { class: 'system' }, this.systemText(item));
    }
    if (item.kind === 'agent') {
      const from = item.authorName || this.conv?.agentName;
      const alt = from ? t('pictureFrom', { name: from }) : t('kindImage');
      return h(
        'div',
        { class: 'msg agent' },
        item.firstOfRun
          ? h('p', { class: 'author' }, item.authorName)
          : h('span', { class: 'sr-only' }, `${item.authorName}:`),
        item.text === null ? null : h('p', { class: 'bubble' }, item.text),
        ...item.files.map((f) => this.renderFile(f, alt)),
        h('div', { class: 'meta' }, this.time(item.createdAt)),
      );
    }
    let meta: HTMLElement;
    if (item.state === 'sending') {
      meta = h('div', { class: 'meta' }, t('sending'));
    } else if (item.state === 'failed') {
      const cid = item.clientMessageId;
      meta = h(
        'div',
        { class: 'meta' },
        h('span', null, t('notSent')),
        item.retryable && cid
          ? h('button', { type: 'button', class: 'link-button', onClick: () => this.retry(cid) }, t('retry'))
          : h('span', null, item.error ?? ''),
      );
    } else {
      meta = h('div', { class: 'meta' }, this.time(item.createdAt));
    }
    return h(
      'div',
      { class: `msg own ${item.state}` },
      h('span', { class: 'sr-only' }, `${t('you')}:`),
      item.text === null ? null : h('p', { class: 'bubble' }, item.text),
      ...item.files.map((f) => this.renderFile(f, t('pictureFromYou'))),
      meta,
    );
  }

  /** Starts fetching the bytes of the files that have some, once each (the cache remembers). */
  private wantFiles(files: readonly FileLine[]): void {
    const session = this.session;
    if (!session) {
      return;
    }
    for (const f of files) {
      if (needsBytes(f)) {
        this.files.want(f.id, async () => safeBlob(await this.api.attachment(session, f.id, f.size), f));
      }
    }
  }

  private fileSize(file: FileLine): HTMLElement | null {
    return file.size === null
      ? null
      : h('span', { class: 'file-size' }, formatBytes(file.size, this.language));
  }

  /**
   * A file in a bubble: a picture (a link to the full one around it), a link that saves anything
   * else, or, until the bytes are here and whenever they cannot be, its name and why.
   */
  private renderFile(file: FileLine, alt: string): HTMLElement {
    const t = this.t;
    const show = fileShow(file);
    const label = fileLabel(file, t);
    const bytes = file.id ? this.files.get(file.id) : undefined;
    if (bytes?.state === 'ready' && show === 'picture') {
      const id = file.id;
      const img = h('img', { src: bytes.url, alt, decoding: 'async' });
      // Bytes a browser cannot show are named instead: never a broken picture.
      img.addEventListener('error', () => id && this.files.fail(id));
      img.addEventListener('load', () => this.keepEndInView(img));
      return h(
        'div',
        { class: 'bubble picture' },
        h('a', { href: bytes.url, target: '_blank', rel: 'noopener', title: t('openPicture') }, img),
        file.name === null
          ? null
          : h(
              'p',
              { class: 'file-caption' },
              h('span', { class: 'file-name' }, file.name),
              this.fileSize(file),
            ),
      );
    }
    if (bytes?.state === 'ready' && show === 'download') {
      return h(
        'p',
        { class: 'bubble file' },
        icon(DOWNLOAD_ICON, true),
        h(
          'a',
          {
            class: 'file-link',
            href: bytes.url,
            download: label,
            'aria-label': t('downloadFile', { name: label }),
          },
          h('span', { class: 'file-name' }, label),
        ),
        this.fileSize(file),
      );
    }
    const note = fileNote(show);
    return h(
      'div',
      { class: `bubble file-line ${show}` },
      h(
        'p',
        { class: 'file-row' },
        icon(PAPERCLIP_ICON, true),
        h('span', { class: 'sr-only' }, `${t('fileLabel')}:`),
        h('span', { class: 'file-name' }, label),
        this.fileSize(file),
      ),
      note === null ? null : h('p', { class: 'file-note' }, t(note)),
    );
  }

  /** A picture that has just taken its height: the thread stays at its end if it was there before. */
  private keepEndInView(img: HTMLImageElement): void {
    const log = this.log;
    if (!log?.contains(img)) {
      return;
    }
    const grown = img.getBoundingClientRect().height;
    if (log.scrollHeight - grown - log.scrollTop - log.clientHeight < 48) {
      this.scrollLogToEnd();
    }
  }
}

/** Mounts the live-chat widget (launcher and panel) into the page; returns a handle to drive it. */
export const mountSwitchboardWidget = (options: MountOptions): WidgetHandle => new Widget(options);
