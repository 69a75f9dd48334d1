import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureCallout } from '../../i18n/components/FailureCallout';
import { moveItem } from '../list-order';
import { useAdminCollection } from '../use-admin-collection';

type Item = { id: string; name: string; position?: number; text?: string };

/**
 * One of the administrator's ordered lists: wrap-up and idle reasons, dispositions, tags (a name
 * each) or quick responses (a name and a text). Add, rename or reword, move up and down, delete;
 * each change is one request to `/api/admin/...`, audited by the server, and the list is read again
 * after it, so what shows is what agents get.
 */
export const ListEditor = ({
  title,
  path,
  field,
  withText = false,
  ordered = true,
  onChanged,
}: {
  title: string;
  path: string;
  /** The list's key in the GET answer: `reasons`, `quickResponses` or `teams`. */
  field: 'reasons' | 'quickResponses' | 'teams';
  withText?: boolean;
  /** Whether entries have positions agents see them in (teams have none). */
  ordered?: boolean;
  /** After every change, with the list as the server now has it. */
  onChanged?: () => void;
}) => {
  const { t } = useTranslation();
  const { api, items, error, busy, change } = useAdminCollection<Item>(path, field, onChanged);
  const headingId = useId();
  const [editing, setEditing] = useState<{ id: string; name: string; text: string } | null>(null);
  const [draft, setDraft] = useState({ name: '', text: '' });

  const add = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = withText ? { name: draft.name, text: draft.text } : { name: draft.name };
    if (await change(() => api.post(path, body))) {
      setDraft({ name: '', text: '' });
    }
  };

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!editing) {
      return;
    }
    const body = withText ? { name: editing.name, text: editing.text } : { name: editing.name };
    if (await change(() => api.patch(`${path}/${editing.id}`, body))) {
      setEditing(null);
    }
  };

  const move = (index: number, step: -1 | 1) =>
    void change(async () => {
      for (const write of moveItem(
        (items ?? []).map((item) => ({ ...item, position: item.position ?? 0 })),
        index,
        step,
      ).writes) {
        await api.patch(`${path}/${write.id}`, { position: write.position });
      }
    });

  return (
    <section className="admin-list" aria-labelledby={headingId}>
      <h3 id={headingId} className="admin-list__title">
        {title}
      </h3>
      <FailureCallout error={error} />
      {items === null && error === null && <p role="status">{t('admin.loading')}</p>}
      {items !== null && items.length === 0 && <p className="admin-list__empty">{t('admin.empty')}</p>}
      {items !== null && items.length > 0 && (
        <ul className="admin-list__items">
          {items.map((item, index) =>
            editing?.id === item.id ? (
              <li key={item.id} className="admin-list__item">
                <form className="admin-list__form" onSubmit={(event) => void save(event)}>
                  <label className="field">
                    <span className="field__label">{t('admin.name')}</span>
                    <input
                      className="input"
                      value={editing.name}
                      maxLength={100}
                      onChange={(event) => setEditing({ ...editing, name: event.target.value })}
                    />
                  </label>
                  {withText && (
                    <label className="field">
                      <span className="field__label">{t('admin.text')}</span>
                      <textarea
                        className="input input--area"
                        rows={3}
                        value={editing.text}
                        onChange={(event) => setEditing({ ...editing, text: event.target.value })}
                      />
                    </label>
                  )}
                  <div className="admin-list__actions">
                    <button className="button" type="button" onClick={() => setEditing(null)}>
                      {t('admin.cancel')}
                    </button>
                    <button className="button button--primary" type="submit" disabled={busy}>
                      {t('admin.save')}
                    </button>
                  </div>
                </form>
              </li>
            ) : (
              <li key={item.id} className="admin-list__item">
                <div className="admin-list__label">
                  <span className="admin-list__name">{item.name}</span>
                  {withText && <span className="admin-list__text">{item.text}</span>}
                </div>
                <div className="admin-list__actions">
                  {ordered && (
                    <>
                      <button
                        className="button button--ghost"
                        type="button"
                        aria-label={t('admin.moveUp', { name: item.name })}
                        disabled={busy || index === 0}
                        onClick={() => move(index, -1)}
                      >
                        ↑
                      </button>
                      <button
                        className="button button--ghost"
                        type="button"
                        aria-label={t('admin.moveDown', { name: item.name })}
                        disabled={busy || index === items.length - 1}
                        onClick={() => move(index, 1)}
                      >
                        ↓
                      </button>
                    </>
                  )}
                  <button
                    className="button"
                    type="button"
                    aria-label={t('admin.editItem', { name: item.name })}
                    disabled={busy}
                    onClick={() => setEditing({ id: item.id, name: item.name, text: item.text ?? '' })}
                  >
                    {t('admin.edit')}
                  </button>
                  <button
                    className="button button--danger-outline"
                    type="button"
                    aria-label={t('admin.deleteItem', { name: item.name })}
                    disabled={busy}
                    onClick={() => void change(() => api.delete(`${path}/${item.id}`))}
                  >
                    {t('admin.delete')}
                  </button>
                </div>
              </li>
            ),
          )}
        </ul>
      )}
      <form className="admin-list__form admin-list__add" onSubmit={(event) => void add(event)}>
        <label className="field">
          <span className="field__label">{t('admin.newName')}</span>
          <input
            className="input"
            value={draft.name}
            maxLength={100}
            onChange={(event) => setDraft({ ...draft, name: event.target.value })}
          />
        </label>
        {withText && (
          <label className="field">
            <span className="field__label">{t('admin.newText')}</span>
            <textarea
              className="input input--area"
              rows={3}
              value={draft.text}
              onChange={(event) => setDraft({ ...draft, text: event.target.value })}
            />
            <span className="field__hint">
              {t('admin.variablesHint')} <code>{'{{agent_name}}'}</code> <code>{'{{agent_id}}'}</code>{' '}
              <code>{'{{customer_name}}'}</code> <code>{'{{order_number}}'}</code>
            </span>
          </label>
        )}
        <div className="admin-list__actions">
          <button
            className="button button--primary"
            type="submit"
            disabled={busy || draft.name.trim() === '' || (withText && draft.text.trim() === '')}
          >
            {t('admin.add')}
          </button>
        </div>
      </form>
    </section>
  );
};
