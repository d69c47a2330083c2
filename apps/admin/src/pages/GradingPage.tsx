import { PagePlaceholder } from '../layout/PagePlaceholder.js';

export function GradingPage() {
  return <PagePlaceholder />;
}
