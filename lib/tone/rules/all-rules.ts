/**
 * Every phrase rule, in the order the guide lists them, each kind's extensions after it; then
 * name-calling, which the guide does not list but the article warns against (leading with
 * emotion). Order matters only for two flags of one rule at the same offset: the first wins.
 */
import { BLAME_RULES } from './blame';
import { BEHAVIOUR_BLAME_RULES } from './blame-behaviour';
import { DISGUISED_YOU_RULES } from './disguised-you';
import { GENERALISATION_RULES } from './generalisation';
import { GROUP_VOICE_RULES } from './group-voice';
import { HEARSAY_RULES } from './hearsay';
import { HEARSAY_REPORT_RULES } from './hearsay-reports';
import { CLEAN_DIRTY_LABEL_RULES } from './label-clean-dirty';
import { DRUNK_LABEL_RULES } from './label-drunk';
import { LABEL_RULES } from './labels';
import { NAME_CALLING_RULES } from './name-calling';
import type { PhraseRule } from './rule';
import { THREAT_RULES } from './threats';
import { ULTIMATUM_RULES } from './ultimatums';

export const ALL_RULES: readonly PhraseRule[] = [
  ...GENERALISATION_RULES,
  ...BLAME_RULES,
  ...BEHAVIOUR_BLAME_RULES,
  ...DISGUISED_YOU_RULES,
  ...GROUP_VOICE_RULES,
  ...HEARSAY_RULES,
  ...HEARSAY_REPORT_RULES,
  ...LABEL_RULES,
  ...DRUNK_LABEL_RULES,
  ...CLEAN_DIRTY_LABEL_RULES,
  ...THREAT_RULES,
  ...ULTIMATUM_RULES,
  ...NAME_CALLING_RULES,
];
