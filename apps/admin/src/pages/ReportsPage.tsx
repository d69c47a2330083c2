import { PagePlaceholder } from '../layout/PagePlaceholder.js';

export function ReportsPage() {
  return <PagePlaceholder />;
}
