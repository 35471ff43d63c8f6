import { useTranslation } from 'react-i18next';
import type { MergedForm } from '../../api/types';
import { DataTable } from '../../layout/data-table';
import { reductionRows } from './catalogue-model';

/** Fields and documents asked item by item against the one form. */
export function ReductionTable({ reduction }: { reduction: MergedForm['reduction'] }) {
  const { t } = useTranslation('applicant');
  return (
    <DataTable data-testid="reduction" caption={t('reduction.caption')} columns={[t('reduction.what'), t('reduction.separate'), t('reduction.merged'), t('reduction.saved')]}>
      {reductionRows(reduction).map((row) => (
        <tr key={row.what} data-reduction={row.what}>
          <th scope="row">{t(`reduction.${row.what}`)}</th>
          <td data-separate={row.separate}>{row.separate}</td>
          <td data-merged={row.merged}>{row.merged}</td>
          <td>{row.saved}</td>
        </tr>
      ))}
    </DataTable>
  );
}
