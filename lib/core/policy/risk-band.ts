/**
 * How the classifier's risk score reads beside the send decision. One comparison for both:
 * `decideSend` holds a draft for risk exactly when `riskAboveLimit` says so, and the label an
 * agent sees is "Low" exactly when the risk alone would not hold it. (A fixed 40/70 scale
 * used to call a 35 "Low" while the verdict said it was above a limit of 30.)
 */
export type RiskBand = 'low' | 'medium' | 'high';

/** Scores at or above this are "High" once over the limit; between the limit and it, "Medium". */
const HIGH_FROM = 70;

export function riskAboveLimit(score: number, maxRiskScore: number): boolean {
  return score > maxRiskScore;
}

export function riskBand(score: number, maxRiskScore: number): RiskBand {
  if (!riskAboveLimit(score, maxRiskScore)) return 'low';
  return score >= HIGH_FROM ? 'high' : 'medium';
}
