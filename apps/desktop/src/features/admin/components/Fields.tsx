import type { InputHTMLAttributes, ReactNode } from 'react';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'className'>;

/** A labelled text or number field of an administrator's form, with an optional hint below. */
export const TextField = ({
  label,
  value,
  onChange,
  hint,
  grow = false,
  ...input
}: InputProps & {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  /** Takes the room left in its row (a template's text). */
  grow?: boolean;
}) => (
  <label className={grow ? 'field admin-form__grow' : 'field'}>
    <span className="field__label">{label}</span>
    <input
      {...input}
      className={input.type === 'number' ? 'input input--number' : 'input'}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
    {hint !== undefined && <span className="field__hint">{hint}</span>}
  </label>
);

/** A labelled choice of an administrator's form. */
export const SelectField = <V extends string>({
  label,
  value,
  onChange,
  options,
  disabled = false,
}: {
  label: string;
  value: V;
  onChange: (value: V) => void;
  options: readonly { value: V; label: string }[];
  disabled?: boolean;
}) => (
  <label className="field">
    <span className="field__label">{label}</span>
    <select
      className="select"
      disabled={disabled}
      value={value}
      onChange={(event) => onChange(event.target.value as V)}
    >
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  </label>
);

/** A set of checkboxes: the ids ticked among the choices (channels, teams). */
export const CheckboxSet = ({
  legend,
  choices,
  checked,
  onChange,
  empty,
}: {
  legend: string;
  choices: readonly { value: string; label: string }[];
  checked: readonly string[];
  onChange: (checked: string[]) => void;
  /** Said when there is nothing to choose. */
  empty?: string;
}) => (
  <fieldset className="admin-form__set">
    <legend className="field__label">{legend}</legend>
    {choices.length === 0 && empty !== undefined && <span className="field__hint">{empty}</span>}
    {choices.map((choice) => (
      <label key={choice.value} className="admin-form__check">
        <input
          type="checkbox"
          checked={checked.includes(choice.value)}
          onChange={(event) =>
            onChange(
              event.target.checked
                ? [...checked, choice.value]
                : checked.filter((value) => value !== choice.value),
            )
          }
        />
        {choice.label}
      </label>
    ))}
  </fieldset>
);
