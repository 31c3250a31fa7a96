import type { components } from '../lib/api/schema';
import { useTranslation } from 'react-i18next';

type Health = components['schemas']['Health'];

/**
 * The RAG health of a status report as text (the colour dot is decoration only, so the meaning
 * never rests on colour); "no status report" when there is none.
 */
export function HealthLabel({ health }: { health: Health | null }) {
  const { t } = useTranslation();
  return (
    <span className={`health health--${health ?? 'none'}`}>
      <span className="health__dot" aria-hidden="true" />
      {t(`health.${health ?? 'none'}`)}
    </span>
  );
}
