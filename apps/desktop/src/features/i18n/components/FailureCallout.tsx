import { useTranslation } from 'react-i18next';
import { describeError } from '../describe-error';

/** A failed request's text in a dialog, announced as an alert (describeError); nothing without one. */
export const FailureCallout = ({ error }: { error: unknown }) => {
  const { t } = useTranslation();
  return error === null ? null : (
    <p className="callout callout--error" role="alert">
      {describeError(error, t)}
    </p>
  );
};
