import { amountForWeight, type FeeKind, HUNDRED_PERCENT_BP } from '../../shared/sales';

/**
 * `total` shared out in proportion to `weights`, in whole minor units, adding up to `total` exactly:
 * each gets the floor of its exact share, and what is left (fewer units than there are shares) goes one
 * unit each to the largest remainders, the earlier share first on a tie. Exact in BigInt: a campaign's
 * proceeds times a member's grams passes 2^53.
 */
export function shareByWeight(total: number, weights: readonly number[]): number[] {
  if (total < 0 || !Number.isSafeInteger(total))
    throw new Error('shareByWeight: total must be a whole amount ≥ 0');
  const sum = weights.reduce((s, w) => s + BigInt(w), 0n);
  if (sum === 0n) return weights.map(() => 0);
  const big = BigInt(total);
  const shares: number[] = [];
  const remainders: { index: number; remainder: bigint }[] = [];
  let given = 0n;
  for (const [index, weight] of weights.entries()) {
    const exact = big * BigInt(weight);
    const share = exact / sum;
    shares.push(Number(share));
    given += share;
    remainders.push({ index, remainder: exact % sum });
  }
  const left = Number(big - given);
  remainders.sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  );
  for (let i = 0; i < left; i++) {
    const at = remainders[i]?.index ?? 0;
    shares[at] = (shares[at] ?? 0) + 1;
  }
  return shares;
}

export interface MemberShareInput {
  netG: number;
  /** What the member may have taken for input credit: zero without consent. */
  creditOwed: number;
}

export interface MemberShare {
  gross: number;
  fee: number;
  credit: number;
  net: number;
}

/** The cooperative's fee on one member's share: per net kg, or a share of the member's gross; never above the gross. */
export function memberFee(kind: FeeKind, value: number, netG: number, gross: number): number {
  const fee =
    kind === 'per_kg'
      ? amountForWeight(netG, value)
      : Math.floor((gross * value + HUNDRED_PERCENT_BP / 2) / HUNDRED_PERCENT_BP);
  return Math.min(fee, gross);
}

/**
 * Each member's payout: the gross share of the proceeds by net kg, less the fee, less the credit owed
 * (never more than what is left); gross = fee + credit + net for every member, and the grosses add up
 * to the proceeds exactly.
 */
export function memberShares(
  proceeds: number,
  members: readonly MemberShareInput[],
  fee: { kind: FeeKind; value: number },
): MemberShare[] {
  const grosses = shareByWeight(
    proceeds,
    members.map((m) => m.netG),
  );
  return members.map((member, index) => {
    const gross = grosses[index] ?? 0;
    const feeAmount = memberFee(fee.kind, fee.value, member.netG, gross);
    const credit = Math.min(Math.max(member.creditOwed, 0), gross - feeAmount);
    return { gross, fee: feeAmount, credit, net: gross - feeAmount - credit };
  });
}
