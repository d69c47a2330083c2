import { PagePlaceholder } from '../layout/PagePlaceholder.js';

export function InboxPage() {
  return <PagePlaceholder />;
}
