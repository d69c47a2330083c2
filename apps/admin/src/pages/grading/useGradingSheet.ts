import { gradeSheet, type GradingResult } from '@antoan/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { httpStatusOf, notifyError, notifySuccess } from '../../errors.js';
import { useI18n } from '../../i18n.js';
import { useDraft } from '../../lib/draft.js';
import { useTRPC } from '../../trpc.js';
import { canUse, useRole } from '../records/access.js';
import { SCORE_KINDS, type Incident, type ScoreKind, type Scores, type SheetData } from './sheet.js';

interface Draft {
  version: number | null;
  scores: Scores;
}

/**
 * The state of a grading sheet being filled in: the draft of scores (kept across reloads), the total and grade
 * computed live by core's `gradeSheet` (the server's function), the scores out of range, and saving, which
 * a newer version on the server refuses (409: the conflict is shown, the draft kept until reloaded).
 */
export function useGradingSheet({
  data,
  year,
  incidents,
  onReload,
}: {
  data: SheetData;
  year: number;
  /** The incidents of the unit's evaluation window; undefined while they are read. */
  incidents: Incident[] | undefined;
  onReload: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t, language, formatNumber } = useI18n();
  const role = useRole();
  const { unit, template, sheet, standardMet } = data;
  // a locked (recognised) file's sheet is read-only until the file is unlocked
  const canSave = canUse(role, 'grading.enterScores') && !data.locked;
  const canVerify = canUse(role, 'grading.verifyScores') && !data.locked;

  const base = useMemo<Draft>(() => ({ version: sheet?.version ?? null, scores: sheet?.scores ?? {} }), [sheet]);
  const draft = useDraft<Draft>(`grading.${unit.id}.${year}`, base);
  const scores = draft.value.scores;

  // The server's function on what is typed now; until the incidents are read, the server's own result.
  const live: GradingResult = useMemo(
    () => (incidents ? gradeSheet(template, { scores, incidents, standardMet }) : data.result),
    [template, scores, incidents, standardMet, data.result],
  );

  const items = useMemo(() => template.groups.flatMap((g) => g.items), [template]);
  const errors = useMemo(() => {
    const out: Record<string, string> = {};
    for (const item of items) {
      for (const kind of SCORE_KINDS) {
        const value = scores[item.code]?.[kind];
        if (typeof value === 'number' && (value < 0 || value > item.maxPoints)) {
          out[`${item.code}.${kind}`] = t('rec_scoreRange', { max: formatNumber(item.maxPoints) });
        }
      }
    }
    return out;
  }, [items, scores, t, formatNumber]);

  const save = useMutation(
    trpc.grading.saveScores.mutationOptions({
      onSuccess: async () => {
        draft.clear();
        notifySuccess(t('rec_gradingSaved'));
        await queryClient.invalidateQueries({ queryKey: trpc.grading.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.stats.pathKey() });
      },
      onError: (error) => {
        if (httpStatusOf(error) !== 409) notifyError(error, language);
      },
    }),
  );
  const conflict = save.error && httpStatusOf(save.error) === 409 ? save.error : null;

  const setScore = (code: string, kind: ScoreKind, value: number | null) =>
    draft.set((d) => ({ ...d, scores: { ...d.scores, [code]: { ...d.scores[code], [kind]: value } } }));

  const submit = () => {
    if (!canSave) return;
    if (Object.keys(errors).length > 0) {
      // The sheet is long: the first score in error may be out of view. Bring it into view and focus it, so
      // "Lưu" never does nothing visible.
      const first = items
        .flatMap((i) => SCORE_KINDS.map((kind) => [i.code, kind] as const))
        .find(([code, kind]) => errors[`${code}.${kind}`]);
      const input = first && document.querySelector<HTMLInputElement>(`[data-testid="${first[1]}-${first[0]}"]`);
      input?.scrollIntoView({ block: 'center' });
      input?.focus();
      return;
    }
    const known = new Set(items.map((i) => i.code));
    const payload: Scores = {};
    for (const [code, score] of Object.entries(scores)) {
      if (!known.has(code)) continue;
      // A unit reporter gives self scores only; the stored verified score stays.
      payload[code] = canVerify
        ? { self: score.self ?? null, verified: score.verified ?? null }
        : { self: score.self ?? null };
    }
    save.mutate({ unitId: unit.id, year, templateId: template.id, version: draft.value.version, scores: payload });
  };

  const reload = () => {
    draft.clear();
    save.reset();
    onReload();
  };

  return {
    role,
    canSave,
    canVerify,
    draft,
    scores,
    live,
    items,
    errors,
    saving: save.isPending,
    conflict,
    setScore,
    submit,
    reload,
  };
}
