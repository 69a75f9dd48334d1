import { useCallback, useEffect, useState } from 'react';
import { useSession } from '../auth/session-context';

/**
 * One of the administrator's collections (`/api/admin/users`, `/api/admin/queues`...): read once,
 * and read again after every change, so that what shows is what the server now holds. A failed
 * change keeps its error for the form to show; `change` answers whether it went through.
 */
export const useAdminCollection = <T>(path: string, field: string, onChanged?: () => void) => {
  const { api } = useSession();
  const [items, setItems] = useState<T[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const answer = await api.get<Record<string, T[]>>(path);
    setItems(answer[field] ?? []);
  }, [api, path, field]);

  useEffect(() => {
    load().catch(setError);
  }, [load]);

  const change = async (write: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await write();
      await load();
      onChanged?.();
      return true;
    } catch (failure) {
      setError(failure);
      await load().catch(() => {});
      return false;
    } finally {
      setBusy(false);
    }
  };

  return { api, items, error, setError, busy, change };
};
