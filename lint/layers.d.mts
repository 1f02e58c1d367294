import type { ESLint, Rule } from 'eslint';

export const LAYERS: { layer: string; files: string; may: string[]; typeOnly?: string[]; packages?: string[]; why: string }[];
export const layersRule: Rule.RuleModule;
export const layersPlugin: ESLint.Plugin;
