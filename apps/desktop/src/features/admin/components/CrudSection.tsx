import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureCallout } from '../../i18n/components/FailureCallout';
import { useAdminCollection } from '../use-admin-collection';
import type { EntityFormProps } from './AdminForm';
import { ConfirmDialog } from './ConfirmDialog';

export interface CrudColumn<T> {
  header: string;
  cell: (item: T) => ReactNode;
}

/**
 * One of the administrator's collections as a table with a form (users, queues, assets): Add
 * opens an empty form, Edit one filled from the item; saving sends the whole item (POST) or only
 * what changed (PATCH); the remove action (Delete, Deactivate) is confirmed first. The server's
 * refusal of any of these is shown above the table, and the list is read again after each
 * change, so it shows what the server holds.
 */
export const CrudSection = <T extends { id: string; name: string }, D>({
  title,
  addLabel,
  path,
  field,
  visible = () => true,
  columns,
  emptyDraft,
  draftOf,
  createRequest,
  updateRequest,
  renderForm,
  canEdit = () => true,
  remove,
  addDisabled = false,
}: {
  title: string;
  addLabel: string;
  /** `/api/admin/queues`: GET the list, POST one, PATCH and DELETE `/:id`. */
  path: string;
  /** The list's key in the GET answer. */
  field: string;
  /** Which items the table lists (deleted assets are left out). */
  visible?: (item: T) => boolean;
  /** After the name, which is the row's header. */
  columns: readonly CrudColumn<T>[];
  emptyDraft: () => D;
  draftOf: (item: T) => D;
  createRequest: (draft: D) => unknown;
  updateRequest: (draft: D, item: T) => unknown;
  renderForm: (props: EntityFormProps<D> & { item: T | null }) => ReactNode;
  canEdit?: (item: T) => boolean;
  remove: {
    /** The button's visible text and the confirming button's name: Delete, Deactivate. */
    label: string;
    /** The button's accessible name: "Delete Sales". */
    labelFor: (item: T) => string;
    confirmTitle: (item: T) => string;
    hint: string;
    allowed?: (item: T) => boolean;
  };
  addDisabled?: boolean;
}) => {
  const { t } = useTranslation();
  const headingId = useId();
  const { api, items, error, setError, busy, change } = useAdminCollection<T>(path, field);
  const [editing, setEditing] = useState<{ item: T | null; draft: D } | null>(null);
  const [removing, setRemoving] = useState<T | null>(null);
  const shown = items?.filter(visible) ?? null;

  const save = async () => {
    if (!editing) {
      return;
    }
    const { item, draft } = editing;
    const done = await change(() =>
      item === null
        ? api.post(path, createRequest(draft))
        : api.patch(`${path}/${item.id}`, updateRequest(draft, item)),
    );
    if (done) {
      setEditing(null);
    }
  };

  return (
    <section className="admin-list" aria-labelledby={headingId}>
      <div className="admin-list__bar">
        <h3 id={headingId} className="admin-list__title">
          {title}
        </h3>
        <button
          className="button button--primary"
          type="button"
          disabled={editing !== null || addDisabled}
          onClick={() => setEditing({ item: null, draft: emptyDraft() })}
        >
          {addLabel}
        </button>
      </div>
      <FailureCallout error={error} />
      {editing !== null &&
        renderForm({
          draft: editing.draft,
          onChange: (draft) => setEditing({ ...editing, draft }),
          onSubmit: () => void save(),
          onCancel: () => {
            setEditing(null);
            setError(null);
          },
          isNew: editing.item === null,
          busy,
          item: editing.item,
        })}
      {shown === null && error === null && <p role="status">{t('admin.loading')}</p>}
      {shown !== null && (
        <table className="board-table admin-table" aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">{t('admin.name')}</th>
              {columns.map((column) => (
                <th key={column.header} scope="col">
                  {column.header}
                </th>
              ))}
              <th scope="col">
                <span className="sr-only">{t('admin.users.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((item) => (
              <tr key={item.id} className={canEdit(item) ? undefined : 'admin-table__row--inactive'}>
                <th scope="row">{item.name}</th>
                {columns.map((column) => (
                  <td key={column.header}>{column.cell(item)}</td>
                ))}
                <td>
                  {canEdit(item) && (
                    <div className="admin-list__actions">
                      <button
                        className="button"
                        type="button"
                        aria-label={t('admin.editItem', { name: item.name })}
                        disabled={busy || editing !== null}
                        onClick={() => setEditing({ item, draft: draftOf(item) })}
                      >
                        {t('admin.edit')}
                      </button>
                      {(remove.allowed?.(item) ?? true) && (
                        <button
                          className="button button--danger-outline"
                          type="button"
                          aria-label={remove.labelFor(item)}
                          disabled={busy}
                          onClick={() => setRemoving(item)}
                        >
                          {remove.label}
                        </button>
                      )}
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ConfirmDialog
        open={removing !== null}
        title={removing ? remove.confirmTitle(removing) : ''}
        text={remove.hint}
        confirm={remove.label}
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          const item = removing;
          setRemoving(null);
          if (item) {
            void change(() => api.delete(`${path}/${item.id}`));
          }
        }}
      />
    </section>
  );
};
