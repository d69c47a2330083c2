import { z } from 'zod';
import { bilingual } from '../validation.js';

/**
 * The largest import file accepted: 10 MB (about 100,000 rows). The SPA can check it before uploading.
 *
 * @example
 * ```ts
 * file.size > MAX_IMPORT_BYTES; // refuse before reading
 * ```
 */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/** The formats an import reads. @example `IMPORT_FORMATS; // ['xlsx', 'csv']` */
export const IMPORT_FORMATS = ['xlsx', 'csv'] as const;

/** One of {@link IMPORT_FORMATS}. @example `const f: ImportFormat = 'csv';` */
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

const TOO_LARGE = bilingual('Tệp quá lớn: tối đa 10 MB', 'The file is too large: at most 10 MB');

/**
 * Input of `imports.dryRun` and `imports.apply`: the file's format, its name (shown in messages and the
 * audit log) and its bytes in base64 — a `data:` URL as `FileReader.readAsDataURL` gives it is accepted too.
 *
 * @example
 * ```ts
 * importFileInputSchema.parse({ format: 'csv', fileName: 'don-vi.csv', contentBase64: btoa('Mã đơn vị,Tên đơn vị\n') });
 * ```
 */
export const importFileInputSchema = z
  .object({
    format: z.enum(IMPORT_FORMATS),
    fileName: z
      .string()
      .min(1)
      .max(255, { message: bilingual('Tên tệp tối đa 255 ký tự', 'A file name has at most 255 characters') }),
    contentBase64: z
      .string()
      .min(1, { message: bilingual('Tệp rỗng', 'The file is empty') })
      .max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 100, { message: TOO_LARGE }),
  })
  .strict();

/** The parsed input of an import. @example `const input: ImportFileInput = importFileInputSchema.parse(raw);` */
export type ImportFileInput = z.infer<typeof importFileInputSchema>;
