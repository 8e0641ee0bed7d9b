/** The section outline: heading rules, the outline itself, numbering checks and section sizes. */
export { computeOutline, type Heading, type HeadingKind, type Outline, type OutlineOptions, type OutlineWork } from './outline';
export { checkNumbering, NUMBERING_CODE, type NumberingFinding } from './numbering';
export { compileUserRules, RULES_SETTING, type CompiledUserRules, type RuleError, type UserRule } from './userRules';
export { describeSection, DEFAULT_READING_SPEED } from './describe';
