import { initialsOf } from '../text/initials';

/** Round avatar with the initials (seeds: the customer's grey bubble "with their initials"). */
export const Avatar = ({ name, size = 'md' }: { name: string; size?: 'sm' | 'md' }) => {
  const initials = initialsOf(name);
  return (
    <span className={`avatar avatar--${size}`} aria-hidden="true">
      {initials || (
        <svg viewBox="0 0 16 16" width="14" height="14" focusable="false" aria-hidden="true">
          <circle cx="8" cy="5.5" r="3" fill="currentColor" />
          <path d="M2.5 14c.6-3 2.8-4.5 5.5-4.5s4.9 1.5 5.5 4.5" fill="currentColor" />
        </svg>
      )}
    </span>
  );
};
