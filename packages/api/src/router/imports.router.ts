import { importFileInputSchema } from '@antoan/core';
import { commitImport, dryRunImport, type ImportResult } from '../import-file.js';
import { allow, protectedProcedure, router } from '../trpc.js';

export const importsRouter = router({
  /**
   * Reads an XLSX or CSV file of areas and/or units and says, without writing anything, what importing it
   * would do: every error (sheet, row, column, message in both languages) and the rows to create, to update
   * (with the changed fields) and unchanged. Administrators and province officers, within their area.
   */
  dryRun: protectedProcedure
    .meta(allow('imports.run'))
    .input(importFileInputSchema)
    .mutation(({ ctx, input }): Promise<ImportResult> => dryRunImport(ctx, input)),

  /**
   * Imports the file: plans it again inside one transaction and, when it has no error, writes every row and
   * an audit record per record (all or nothing). Rows match stored records by code, so importing the same
   * file again changes nothing (and writes nothing). With errors it writes nothing and returns them
   * (`applied: false`).
   */
  commit: protectedProcedure
    .meta(allow('imports.run'))
    .input(importFileInputSchema)
    .mutation(({ ctx, input }): Promise<ImportResult> => commitImport(ctx, input)),
});
