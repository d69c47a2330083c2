import { PagePlaceholder } from '../layout/PagePlaceholder.js';

export function UnitPage() {
  return <PagePlaceholder />;
}
