import { PagePlaceholder } from '../layout/PagePlaceholder.js';

export function ModelsPage() {
  return <PagePlaceholder />;
}
