import { renderTemplate } from '@switchboard/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

type Template = { name: string; language: string; body: string };

/** How many {{n}} a template's body takes. */
const parameterCount = (body: string) => new Set([...body.matchAll(/\{\{(\d+)\}\}/g)].map((m) => m[1])).size;

/**
 * WhatsApp after the 24-hour window: one of the entry point's approved templates, its
 * parameters filled in, with a preview of what the customer will read.
 */
export const TemplatePicker = ({
  templates,
  onSend,
}: {
  templates: Template[];
  onSend: (templateName: string, parameters: string[]) => Promise<void>;
}) => {
  const { t } = useTranslation();
  const selectId = useId();
  const [name, setName] = useState(templates[0]?.name ?? '');
  const [values, setValues] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const template = templates.find((x) => x.name === name);
  const count = template ? parameterCount(template.body) : 0;
  const parameters = Array.from({ length: count }, (_, i) => values[i] ?? '');
  const preview = template ? renderTemplate(template.body, parameters) : null;
  const ready = template !== undefined && preview !== null && parameters.every((p) => p.trim() !== '');

  const send = async () => {
    if (!ready) {
      return;
    }
    setBusy(true);
    try {
      await onSend(
        name,
        parameters.map((p) => p.trim()),
      );
      setValues([]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <fieldset className="template-picker">
      <legend>{t('templates.title')}</legend>
      <label htmlFor={selectId}>{t('templates.template')}</label>
      <select
        id={selectId}
        value={name}
        onChange={(event) => {
          setName(event.target.value);
          setValues([]);
        }}
      >
        {templates.map((x) => (
          <option key={x.name} value={x.name}>
            {x.name} ({x.language})
          </option>
        ))}
      </select>
      {parameters.map((value, i) => (
        <label key={`${name}-${i + 1}`}>
          {t('templates.parameter', { n: i + 1 })}
          <input
            value={value}
            onChange={(event) => {
              const next = [...parameters];
              next[i] = event.target.value;
              setValues(next);
            }}
          />
        </label>
      ))}
      {preview && <p className="template-picker__preview">{preview}</p>}
      <button
        className="button button--primary"
        type="button"
        disabled={!ready || busy}
        onClick={() => void send()}
      >
        {t('templates.send')}
      </button>
    </fieldset>
  );
};
