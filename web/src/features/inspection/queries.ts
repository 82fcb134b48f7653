import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type CheckInput, type CheckOutcome, checkReply, listRules } from '../../api/compliance.api.js';
import { listShops } from '../../api/organisation.api.js';

export const inspectionKeys = {
  all: ['inspection'] as const,
  check: (input: CheckInput) => [...inspectionKeys.all, 'check', input] as const,
  rules: () => [...inspectionKeys.all, 'rules'] as const,
};

/** What was checked and what was found: the highlight must use the text the offsets belong to. */
export type CheckResult = CheckOutcome & { text: string };

/**
 * Checks a reply as the agent types. Each input is its own query, so an answer for an older text
 * can never overwrite the current one; the previous result stays on screen while the next loads.
 */
export const useReplyCheck = (input: CheckInput) =>
  useQuery({
    queryKey: inspectionKeys.check(input),
    queryFn: async (): Promise<CheckResult> => ({ text: input.text, ...(await checkReply(input)) }),
    enabled: input.text.trim() !== '',
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    // Every pause in typing makes an entry; keep them only briefly.
    gcTime: 30_000,
  });

export const useRules = () =>
  useQuery({
    queryKey: inspectionKeys.rules(),
    queryFn: async () => (await listRules()).rules,
    staleTime: 10 * 60_000,
  });

/** The organisation's shops, for managers choosing which platform's rules apply. */
export const useShopsForCheck = (enabled: boolean) =>
  useQuery({ queryKey: ['shops'], queryFn: async () => (await listShops()).shops, enabled });
