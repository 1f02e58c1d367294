/** An activity that does no work: what is left is the cost of scheduling and recording it. */
export async function step(index: number): Promise<number> {
  return index;
}
