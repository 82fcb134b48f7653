/**
 * Branded units. A brand costs nothing at run time but stops seconds being added to
 * milliseconds, or 元 to 分 (fen), by accident.
 */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

/** A duration in seconds. */
export type Seconds = Brand<number, 'Seconds'>;
/** A duration or epoch instant in milliseconds. */
export type Millis = Brand<number, 'Millis'>;
/** Money in 分 (1/100 元); integers, so sums are exact. */
export type Fen = Brand<number, 'Fen'>;
/** A fraction between 0 and 1. */
export type Ratio = Brand<number, 'Ratio'>;
/** Penalty points of a platform rule (扣分). */
export type RulePoints = Brand<number, 'RulePoints'>;
/** Marks in an exam. */
export type Marks = Brand<number, 'Marks'>;

export const seconds = (value: number): Seconds => value as Seconds;
export const millis = (value: number): Millis => value as Millis;
export const fen = (value: number): Fen => value as Fen;
export const ratio = (value: number): Ratio => value as Ratio;
export const rulePoints = (value: number): RulePoints => value as RulePoints;
export const marks = (value: number): Marks => value as Marks;

/** Converts an amount in 元 (as shops write it, e.g. "199.90") to exact 分. */
export const yuanToFen = (yuan: number): Fen => Math.round(yuan * 100) as Fen;
/** Converts 分 back to 元 for display and export. */
export const fenToYuan = (amount: Fen): number => amount / 100;
