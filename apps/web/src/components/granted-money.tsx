import { useTranslation } from 'react-i18next';
import { useFormat } from '../lib/format';

/** Where each view words "+ 2 decisions whose amount is not known" (the same text, in its own part of the translations). */
type UnknownAmountsText =
  | 'dashboard.funding.unknown'
  | 'reports.funding.unknown'
  | 'projects.unknownAmounts'
  | 'projectPage.funding.unknownAmounts';

/**
 * An amount granted, and how many decisions' amounts are not known (not public yet) when there
 * are some: a total that leaves them out says so, rather than passing for the whole sum.
 */
export function GrantedMoney({
  amount,
  unknownAmounts,
  text,
}: {
  amount: string;
  unknownAmounts: number;
  text: UnknownAmountsText;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      {format.money(amount)}
      {unknownAmounts > 0 && <span className="secondary">{t(text, { count: unknownAmounts })}</span>}
    </>
  );
}
