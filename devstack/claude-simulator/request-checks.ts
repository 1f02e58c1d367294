// Checks the API makes beyond the body's shape, with its wording, so the app meets the same
// 400s offline that it would meet online.
import type { CountTokensRequest } from './messages-api';
import { promptUnits } from './prompt-units';

const MAX_BREAKPOINTS = 4;

/** Returns the problem as the API would word it, or null when the request is acceptable. */
export function semanticProblem(request: CountTokensRequest): string | null {
  const tools = request.tools ?? [];
  const names = tools.map((tool) => tool.name);
  const duplicate = names.find((name, index) => names.indexOf(name) !== index);
  if (duplicate) return `tools: Tool names must be unique. Found duplicate: ${duplicate}`;

  const choice = request.tool_choice;
  if (choice && choice.type !== 'none' && choice.type !== 'auto' && tools.length === 0) {
    return 'tool_choice: tool_choice may only be specified while providing tools.';
  }
  if (choice?.type === 'tool' && !names.includes(choice.name)) {
    return `tool_choice.name: Tool '${choice.name}' not found in tools`;
  }

  const breakpoints = promptUnits(request).filter((unit) => unit.cacheControl).length;
  if (breakpoints > MAX_BREAKPOINTS) {
    return `A maximum of ${MAX_BREAKPOINTS} blocks with cache_control may be provided. Found ${breakpoints}.`;
  }
  return null;
}
