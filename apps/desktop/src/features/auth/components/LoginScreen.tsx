import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api/api-error';
import { LanguageSwitcher } from '../../i18n/components/LanguageSwitcher';
import { describeError } from '../../i18n/describe-error';
import { useSession } from '../session-context';

export const LoginScreen = ({ expired }: { expired: boolean }) => {
  const { t } = useTranslation();
  const { logIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitting(true);
    setError(null);
    try {
      await logIn(email.trim(), password);
    } catch (failure) {
      // 429 comes from the rate limiter, whose body may carry no catalogue code.
      setError(
        isApiError(failure) && failure.status === 429 ? t('auth.tooManyAttempts') : describeError(failure, t),
      );
      setSubmitting(false);
    }
  };

  return (
    <main className="login">
      <div className="login__lang">
        <LanguageSwitcher />
      </div>
      <form className="login__card" aria-labelledby={titleId} onSubmit={(event) => void submit(event)}>
        <p className="login__brand">
          <span className="brand-mark" aria-hidden="true" />
          {t('app.name')}
        </p>
        <h1 id={titleId} className="login__title">
          {t('auth.title')}
        </h1>
        {expired && !error && (
          <p className="callout callout--info" role="status">
            {t('auth.sessionExpired')}
          </p>
        )}
        {error && (
          <p className="callout callout--error" role="alert">
            {error}
          </p>
        )}
        <label className="field">
          <span className="field__label">{t('auth.email')}</span>
          <input
            className="input"
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </label>
        <label className="field">
          <span className="field__label">{t('auth.password')}</span>
          <input
            className="input"
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </label>
        <button className="button button--primary button--block" type="submit" disabled={submitting}>
          {submitting ? t('auth.loggingIn') : t('auth.logIn')}
        </button>
      </form>
    </main>
  );
};
