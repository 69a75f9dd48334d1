/**
 * The widget's strings in the six languages of the product. English is the reference: every other
 * dictionary has exactly its keys (a test checks it) and the same `{placeholders}`.
 */
const en = {
  launcher: 'Chat with us',
  panelLabel: 'Live chat',
  minimize: 'Minimize chat',
  loading: 'Loading…',
  unavailable: 'The chat is not available right now.',
  networkError: 'Could not reach the server. Check your connection.',
  tryAgain: 'Try again',
  startIntro: 'Hello! Tell us your name and we will connect you with one of our agents.',
  nameLabel: 'Name',
  emailLabel: 'E-mail (optional)',
  startChat: 'Start chat',
  nameRequired: 'Enter your name.',
  nameTooLong: 'The name can be at most {max} characters long.',
  emailInvalid: 'Enter a valid e-mail address.',
  messagesLabel: 'Messages',
  you: 'You',
  agentJoined: '{name} joined the chat',
  agentLeft: '{name} left the chat',
  customerLeft: 'You ended the chat',
  conversationEnded: 'The agent has ended the chat',
  agentFallback: 'The agent',
  waiting: 'Waiting for an agent…',
  typing: '{name} is typing…',
  reconnecting: 'Reconnecting…',
  messageLabel: 'Message',
  messagePlaceholder: 'Write a message…',
  tooLong: 'The message is too long: {count} of {limit} characters.',
  send: 'Send',
  sending: 'Sending…',
  notSent: 'Not sent.',
  retry: 'Retry',
  attachFile: 'Attach a file',
  fileLabel: 'File',
  fileTypeRefused: 'Only pictures (JPEG, PNG, GIF, WebP), PDF and text files can be sent.',
  fileEmpty: 'This file is empty.',
  fileTooLarge: 'This file is larger than {max}.',
  endChat: 'End chat',
  endChatConfirm: 'End chat?',
  endChatConfirmText: 'The agent will see that you have left. You can start a new chat afterwards.',
  cancel: 'Cancel',
  chatEnded: 'This chat has ended',
  startNewChat: 'Start a new chat',
  newMessage: '1 new message',
  newMessages: '{count} new messages',
} as const;

export type TranslationKey = keyof typeof en;
export type Dictionary = Record<TranslationKey, string>;

const de: Dictionary = {
  launcher: 'Chatten Sie mit uns',
  panelLabel: 'Live-Chat',
  minimize: 'Chat minimieren',
  loading: 'Wird geladen…',
  unavailable: 'Der Chat ist gerade nicht verfügbar.',
  networkError: 'Der Server ist nicht erreichbar. Bitte prüfen Sie Ihre Verbindung.',
  tryAgain: 'Erneut versuchen',
  startIntro: 'Hallo! Nennen Sie uns Ihren Namen, dann verbinden wir Sie mit unserem Kundenservice.',
  nameLabel: 'Name',
  emailLabel: 'E-Mail (optional)',
  startChat: 'Chat starten',
  nameRequired: 'Bitte geben Sie Ihren Namen ein.',
  nameTooLong: 'Der Name darf höchstens {max} Zeichen lang sein.',
  emailInvalid: 'Bitte geben Sie eine gültige E-Mail-Adresse ein.',
  messagesLabel: 'Nachrichten',
  you: 'Sie',
  agentJoined: '{name} ist dem Chat beigetreten',
  agentLeft: '{name} hat den Chat verlassen',
  customerLeft: 'Sie haben den Chat beendet',
  conversationEnded: 'Der Kundenservice hat den Chat beendet',
  agentFallback: 'Der Kundenservice',
  waiting: 'Warten auf einen freien Mitarbeiter…',
  typing: '{name} schreibt…',
  reconnecting: 'Verbindung wird wiederhergestellt…',
  messageLabel: 'Nachricht',
  messagePlaceholder: 'Nachricht schreiben…',
  tooLong: 'Die Nachricht ist zu lang: {count} von {limit} Zeichen.',
  send: 'Senden',
  sending: 'Wird gesendet…',
  notSent: 'Nicht gesendet.',
  retry: 'Erneut senden',
  attachFile: 'Datei anhängen',
  fileLabel: 'Datei',
  fileTypeRefused: 'Sie können nur Bilder (JPEG, PNG, GIF, WebP), PDF- und Textdateien senden.',
  fileEmpty: 'Diese Datei ist leer.',
  fileTooLarge: 'Diese Datei ist größer als {max}.',
  endChat: 'Chat beenden',
  endChatConfirm: 'Chat beenden?',
  endChatConfirmText:
    'Der Kundenservice sieht, dass Sie den Chat verlassen haben. Danach können Sie einen neuen Chat starten.',
  cancel: 'Abbrechen',
  chatEnded: 'Dieser Chat wurde beendet',
  startNewChat: 'Neuen Chat starten',
  newMessage: '1 neue Nachricht',
  newMessages: '{count} neue Nachrichten',
};

const sv: Dictionary = {
  launcher: 'Chatta med oss',
  panelLabel: 'Livechatt',
  minimize: 'Minimera chatten',
  loading: 'Laddar…',
  unavailable: 'Chatten är inte tillgänglig just nu.',
  networkError: 'Det gick inte att nå servern. Kontrollera din anslutning.',
  tryAgain: 'Försök igen',
  startIntro: 'Hej! Berätta vad du heter så kopplar vi dig till någon av våra agenter.',
  nameLabel: 'Namn',
  emailLabel: 'E-post (valfritt)',
  startChat: 'Starta chatt',
  nameRequired: 'Ange ditt namn.',
  nameTooLong: 'Namnet får vara högst {max} tecken långt.',
  emailInvalid: 'Ange en giltig e-postadress.',
  messagesLabel: 'Meddelanden',
  you: 'Du',
  agentJoined: '{name} anslöt till chatten',
  agentLeft: '{name} lämnade chatten',
  customerLeft: 'Du avslutade chatten',
  conversationEnded: 'Agenten har avslutat chatten',
  agentFallback: 'Agenten',
  waiting: 'Väntar på en agent…',
  typing: '{name} skriver…',
  reconnecting: 'Återansluter…',
  messageLabel: 'Meddelande',
  messagePlaceholder: 'Skriv ett meddelande…',
  tooLong: 'Meddelandet är för långt: {count} av {limit} tecken.',
  send: 'Skicka',
  sending: 'Skickar…',
  notSent: 'Inte skickat.',
  retry: 'Skicka igen',
  attachFile: 'Bifoga en fil',
  fileLabel: 'Fil',
  fileTypeRefused: 'Du kan bara skicka bilder (JPEG, PNG, GIF, WebP), PDF-filer och textfiler.',
  fileEmpty: 'Filen är tom.',
  fileTooLarge: 'Filen är större än {max}.',
  endChat: 'Avsluta chatten',
  endChatConfirm: 'Avsluta chatten?',
  endChatConfirmText: 'Agenten ser att du har lämnat. Du kan starta en ny chatt efteråt.',
  cancel: 'Avbryt',
  chatEnded: 'Chatten har avslutats',
  startNewChat: 'Starta en ny chatt',
  newMessage: '1 nytt meddelande',
  newMessages: '{count} nya meddelanden',
};

const nl: Dictionary = {
  launcher: 'Chat met ons',
  panelLabel: 'Livechat',
  minimize: 'Chat minimaliseren',
  loading: 'Laden…',
  unavailable: 'De chat is op dit moment niet beschikbaar.',
  networkError: 'De server is niet bereikbaar. Controleer uw verbinding.',
  tryAgain: 'Opnieuw proberen',
  startIntro: 'Hallo! Vertel ons uw naam, dan verbinden we u met een van onze medewerkers.',
  nameLabel: 'Naam',
  emailLabel: 'E-mail (optioneel)',
  startChat: 'Chat starten',
  nameRequired: 'Vul uw naam in.',
  nameTooLong: 'De naam mag maximaal {max} tekens lang zijn.',
  emailInvalid: 'Vul een geldig e-mailadres in.',
  messagesLabel: 'Berichten',
  you: 'U',
  agentJoined: '{name} neemt deel aan de chat',
  agentLeft: '{name} heeft de chat verlaten',
  customerLeft: 'U hebt de chat beëindigd',
  conversationEnded: 'De medewerker heeft de chat beëindigd',
  agentFallback: 'De medewerker',
  waiting: 'Wachten op een medewerker…',
  typing: '{name} typt…',
  reconnecting: 'Opnieuw verbinden…',
  messageLabel: 'Bericht',
  messagePlaceholder: 'Typ een bericht…',
  tooLong: 'Het bericht is te lang: {count} van {limit} tekens.',
  send: 'Verzenden',
  sending: 'Bezig met verzenden…',
  notSent: 'Niet verzonden.',
  retry: 'Opnieuw verzenden',
  attachFile: 'Bestand bijvoegen',
  fileLabel: 'Bestand',
  fileTypeRefused: 'U kunt alleen afbeeldingen (JPEG, PNG, GIF, WebP), pdf- en tekstbestanden verzenden.',
  fileEmpty: 'Dit bestand is leeg.',
  fileTooLarge: 'Dit bestand is groter dan {max}.',
  endChat: 'Chat beëindigen',
  endChatConfirm: 'Chat beëindigen?',
  endChatConfirmText:
    'De medewerker ziet dat u de chat hebt verlaten. Daarna kunt u een nieuwe chat starten.',
  cancel: 'Annuleren',
  chatEnded: 'Deze chat is beëindigd',
  startNewChat: 'Nieuwe chat starten',
  newMessage: '1 nieuw bericht',
  newMessages: '{count} nieuwe berichten',
};

const fr: Dictionary = {
  launcher: 'Discutez avec nous',
  panelLabel: 'Chat en direct',
  minimize: 'Réduire le chat',
  loading: 'Chargement…',
  unavailable: 'Le chat n’est pas disponible pour le moment.',
  networkError: 'Impossible de joindre le serveur. Vérifiez votre connexion.',
  tryAgain: 'Réessayer',
  startIntro: 'Bonjour ! Indiquez-nous votre nom et nous vous mettrons en relation avec un conseiller.',
  nameLabel: 'Nom',
  emailLabel: 'E-mail (facultatif)',
  startChat: 'Démarrer le chat',
  nameRequired: 'Saisissez votre nom.',
  nameTooLong: 'Le nom ne doit pas dépasser {max} caractères.',
  emailInvalid: 'Saisissez une adresse e-mail valide.',
  messagesLabel: 'Messages',
  you: 'Vous',
  agentJoined: '{name} a rejoint le chat',
  agentLeft: '{name} a quitté le chat',
  customerLeft: 'Vous avez mis fin au chat',
  conversationEnded: 'Le conseiller a mis fin au chat',
  agentFallback: 'Le conseiller',
  waiting: 'En attente d’un conseiller…',
  typing: '{name} est en train d’écrire…',
  reconnecting: 'Reconnexion…',
  messageLabel: 'Message',
  messagePlaceholder: 'Écrivez un message…',
  tooLong: 'Le message est trop long : {count} caractères sur {limit}.',
  send: 'Envoyer',
  sending: 'Envoi en cours…',
  notSent: 'Non envoyé.',
  retry: 'Renvoyer',
  attachFile: 'Joindre un fichier',
  fileLabel: 'Fichier',
  fileTypeRefused:
    'Vous ne pouvez envoyer que des images (JPEG, PNG, GIF, WebP), des PDF et des fichiers texte.',
  fileEmpty: 'Ce fichier est vide.',
  fileTooLarge: 'Ce fichier dépasse {max}.',
  endChat: 'Terminer le chat',
  endChatConfirm: 'Terminer le chat ?',
  endChatConfirmText:
    'Le conseiller verra que vous êtes parti. Vous pourrez ensuite démarrer un nouveau chat.',
  cancel: 'Annuler',
  chatEnded: 'Ce chat est terminé',
  startNewChat: 'Démarrer un nouveau chat',
  newMessage: '1 nouveau message',
  newMessages: '{count} nouveaux messages',
};

const es: Dictionary = {
  launcher: 'Chatea con nosotros',
  panelLabel: 'Chat en vivo',
  minimize: 'Minimizar el chat',
  loading: 'Cargando…',
  unavailable: 'El chat no está disponible en este momento.',
  networkError: 'No se puede conectar con el servidor. Comprueba tu conexión.',
  tryAgain: 'Volver a intentarlo',
  startIntro: '¡Hola! Dinos tu nombre y te pondremos en contacto con uno de nuestros agentes.',
  nameLabel: 'Nombre',
  emailLabel: 'Correo electrónico (opcional)',
  startChat: 'Iniciar chat',
  nameRequired: 'Escribe tu nombre.',
  nameTooLong: 'El nombre puede tener como máximo {max} caracteres.',
  emailInvalid: 'Escribe una dirección de correo electrónico válida.',
  messagesLabel: 'Mensajes',
  you: 'Tú',
  agentJoined: '{name} se ha unido al chat',
  agentLeft: '{name} ha salido del chat',
  customerLeft: 'Has finalizado el chat',
  conversationEnded: 'El agente ha finalizado el chat',
  agentFallback: 'El agente',
  waiting: 'Esperando a un agente…',
  typing: '{name} está escribiendo…',
  reconnecting: 'Reconectando…',
  messageLabel: 'Mensaje',
  messagePlaceholder: 'Escribe un mensaje…',
  tooLong: 'El mensaje es demasiado largo: {count} de {limit} caracteres.',
  send: 'Enviar',
  sending: 'Enviando…',
  notSent: 'No enviado.',
  retry: 'Reintentar',
  attachFile: 'Adjuntar un archivo',
  fileLabel: 'Archivo',
  fileTypeRefused: 'Solo puedes enviar imágenes (JPEG, PNG, GIF, WebP), archivos PDF y archivos de texto.',
  fileEmpty: 'Este archivo está vacío.',
  fileTooLarge: 'Este archivo supera los {max}.',
  endChat: 'Finalizar chat',
  endChatConfirm: '¿Finalizar el chat?',
  endChatConfirmText: 'El agente verá que has salido. Después podrás iniciar un chat nuevo.',
  cancel: 'Cancelar',
  chatEnded: 'Este chat ha finalizado',
  startNewChat: 'Iniciar un chat nuevo',
  newMessage: '1 mensaje nuevo',
  newMessages: '{count} mensajes nuevos',
};

export const DICTIONARIES = { en, de, sv, nl, fr, es } as const satisfies Record<string, Dictionary>;
export type Language = keyof typeof DICTIONARIES;
export const LANGUAGES = Object.keys(DICTIONARIES) as Language[];

const isLanguage = (code: string): code is Language => Object.hasOwn(DICTIONARIES, code);

/**
 * The first of the browser's preferred languages (navigator.languages, most preferred first) that
 * the widget speaks, by primary subtag ("de-AT" → de; Norwegian falls through); English otherwise.
 */
export const pickLanguage = (preferred: readonly (string | null | undefined)[]): Language => {
  for (const tag of preferred) {
    const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
    if (primary && isLanguage(primary)) {
      return primary;
    }
  }
  return 'en';
};

export type Params = Record<string, string | number>;
export type Translate = (key: TranslationKey, params?: Params) => string;

/** `{name}` placeholders are replaced by params; an unknown placeholder stays as it is. */
export const interpolate = (template: string, params?: Params): string =>
  params
    ? template.replace(/\{(\w+)\}/g, (whole, name: string) =>
        Object.hasOwn(params, name) ? String(params[name]) : whole,
      )
    : template;

export const createTranslator =
  (language: Language): Translate =>
  (key, params) =>
    interpolate(DICTIONARIES[language][key] ?? en[key], params);

/** The placeholders a template uses, sorted: the test compares them across languages. */
export const placeholders = (template: string): string[] =>
  [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
