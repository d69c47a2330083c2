import type { Grade, ItemScore } from '@antoan/core';
import type { RouterOutputs } from '../../trpc.js';

export type SheetData = RouterOutputs['grading']['get'];
export type Incident = RouterOutputs['incidents']['list'][number];
export type Scores = Record<string, ItemScore>;
export type ScoreKind = 'self' | 'verified';
export const SCORE_KINDS: readonly ScoreKind[] = ['self', 'verified'];

export const GRADE_COLORS: Record<Grade, string> = { XUAT_SAC: 'teal', KHA: 'blue', TRUNG_BINH: 'yellow', YEU: 'red' };
