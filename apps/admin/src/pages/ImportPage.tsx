import { PagePlaceholder } from '../layout/PagePlaceholder.js';

export function ImportPage() {
  return <PagePlaceholder />;
}
