import { accountMessages } from './accounts.js';
import { assessmentMessages } from './assessment.js';
import { catalogueMessages } from './catalogue.js';
import { commonMessages } from './common.js';
import { dashboardMessages } from './dashboard.js';
import { importMessages } from './imports.js';
import { recordMessages } from './records.js';
import { reorganisationMessages } from './reorganisation.js';
import { unitMessages } from './units.js';

// Every text of the UI, in both languages (Vietnamese is the default), one dictionary per feature.

type Dictionaries = [
  typeof commonMessages,
  typeof dashboardMessages,
  typeof unitMessages,
  typeof assessmentMessages,
  typeof catalogueMessages,
  typeof importMessages,
  typeof recordMessages,
  typeof accountMessages,
  typeof reorganisationMessages,
];

type KeysOf<T> = T extends object ? keyof T : never;
/** The keys that more than one dictionary defines (one would silently replace the other's text). */
type SharedKeys<T extends readonly object[]> = T extends readonly [infer Head, ...infer Rest extends readonly object[]]
  ? Extract<keyof Head, KeysOf<Rest[number]>> | SharedKeys<Rest>
  : never;
/** Fails to compile, naming the keys, when two dictionaries define the same key. */
const noSharedKeys: [SharedKeys<Dictionaries>] extends [never] ? true : SharedKeys<Dictionaries> = true;
void noSharedKeys;

export const messages = {
  ...commonMessages,
  ...dashboardMessages,
  ...unitMessages,
  ...assessmentMessages,
  ...catalogueMessages,
  ...importMessages,
  ...recordMessages,
  ...accountMessages,
  ...reorganisationMessages,
};

export type MessageKey = keyof typeof messages;
