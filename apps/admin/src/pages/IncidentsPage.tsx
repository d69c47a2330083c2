import { PagePlaceholder } from '../layout/PagePlaceholder.js';

export function IncidentsPage() {
  return <PagePlaceholder />;
}
