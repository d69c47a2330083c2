import { PagePlaceholder } from '../layout/PagePlaceholder.js';

export function AssessmentPage() {
  return <PagePlaceholder />;
}
