/** Every phrase rule, in the order the guide lists them. */
import { BLAME_RULES } from './blame';
import { DISGUISED_YOU_RULES } from './disguised-you';
import { GENERALISATION_RULES } from './generalisation';
import { GROUP_VOICE_RULES } from './group-voice';
import { HEARSAY_RULES } from './hearsay';
import { CLEAN_DIRTY_LABEL_RULES } from './label-clean-dirty';
import { DRUNK_LABEL_RULES } from './label-drunk';
import { LABEL_RULES } from './labels';
import type { PhraseRule } from './rule';
import { THREAT_RULES } from './threats';

export const ALL_RULES: readonly PhraseRule[] = [
  ...GENERALISATION_RULES,
  ...BLAME_RULES,
  ...DISGUISED_YOU_RULES,
  ...GROUP_VOICE_RULES,
  ...HEARSAY_RULES,
  ...LABEL_RULES,
  ...DRUNK_LABEL_RULES,
  ...CLEAN_DIRTY_LABEL_RULES,
  ...THREAT_RULES,
];
