import { PagePlaceholder } from '../layout/PagePlaceholder.js';

export function AwardsPage() {
  return <PagePlaceholder />;
}
