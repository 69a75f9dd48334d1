import { PROFICIENCY } from '@switchboard/contracts/constants';
import { useTranslation } from 'react-i18next';
import { TextField } from './Fields';

export type SkillRow = { skill: string; level: string };

/**
 * Skills as editable rows, each a name and a level (CXone: proficiency 1-10): an agent's
 * proficiency, or the minimum a queue requires. An empty name is no skill (left out on save).
 */
export const SkillRows = ({
  legend,
  rows,
  onChange,
  levelLabel,
  newLevel,
}: {
  legend: string;
  rows: readonly SkillRow[];
  onChange: (rows: SkillRow[]) => void;
  /** The level field's name for row n (1-based): "Proficiency of skill 1". */
  levelLabel: (n: number) => string;
  /** A new row's level. */
  newLevel: string;
}) => {
  const { t } = useTranslation();
  const setRow = (index: number, row: Partial<SkillRow>) =>
    onChange(rows.map((r, k) => (k === index ? { ...r, ...row } : r)));
  return (
    <fieldset className="admin-form__set admin-form__set--column">
      <legend className="field__label">{legend}</legend>
      {rows.map((row, index) => (
        // Rows are edited in place and have no id of their own: their place is their identity.
        <div key={index} className="admin-form__row">
          <TextField
            label={t('admin.users.skill', { n: index + 1 })}
            maxLength={64}
            value={row.skill}
            onChange={(skill) => setRow(index, { skill })}
          />
          <TextField
            label={levelLabel(index + 1)}
            type="number"
            required
            min={PROFICIENCY.min}
            max={PROFICIENCY.max}
            value={row.level}
            onChange={(level) => setRow(index, { level })}
          />
          <button
            className="button button--ghost"
            type="button"
            aria-label={t('admin.users.removeSkill', { n: index + 1 })}
            onClick={() => onChange(rows.filter((_, k) => k !== index))}
          >
            ✕
          </button>
        </div>
      ))}
      <div>
        <button
          className="button"
          type="button"
          onClick={() => onChange([...rows, { skill: '', level: newLevel }])}
        >
          {t('admin.users.addSkill')}
        </button>
      </div>
    </fieldset>
  );
};
