import type { z } from 'zod';

// The web client (web/src/api/*.api.ts) declares its request and response types by hand, because
// web/ may not import the server (test/architecture.test.ts). The files of this folder hold those
// types against the route schemas at compile time: nothing imports or runs them, `tsc -p .` (the
// first step of `npm test`) checks them, and a schema change the web type does not follow fails
// it with the path of the field that differs.

/**
 * The value JSON.stringify makes of T: dates become strings, keys that may be undefined optional,
 * arrays and tuples keep their shape.
 */
export type Json<T> = unknown extends T
  ? T
  : T extends Date
    ? string
    : T extends string | number | boolean | null
      ? T
      : T extends readonly unknown[]
        ? number extends T['length']
          ? Json<T[number]>[]
          : { -readonly [K in keyof T]: Json<T[K]> }
        : T extends object
          ? Flat<
              { [K in keyof T as Omissible<T[K]> extends true ? never : K]: Json<T[K]> } & {
                [K in keyof T as Omissible<T[K]> extends true ? K : never]?: Json<Exclude<T[K], undefined>>;
              }
            >
          : never;

/**
 * The intersection as one object type. Written with `infer` rather than as a generic alias: the
 * identity check behind Equal took two instantiations of such an alias over mapped types with
 * `as` clauses for the same type ({ a } and { a; b? } came out equal).
 */
type Flat<T> = T extends infer Whole ? { [K in keyof Whole]: Whole[K] } : never;

/** A key JSON.stringify may leave out: its value can be undefined (an `unknown` value is kept as it is). */
type Omissible<Value> = unknown extends Value ? false : undefined extends Value ? true : false;

/**
 * The JSON a route sends for its response schema. fastify-type-provider-zod's serializer runs
 * `safeEncode` (node_modules/fastify-type-provider-zod/dist/esm/core.js), which turns the
 * handler's z.output back into z.input before JSON.stringify: the wire carries the input side.
 */
export type Sent<Schema extends z.ZodType> = Json<z.input<Schema>>;

/**
 * A response schema with the values it leaves open read as the web reads them: unknown and records
 * of unknown (checked by the use-case, or stored JSON), and plain text the web reads as named
 * values (a platform, an event kind). Every key the schema declares, and every other value, stays
 * as the schema says, so Mutual<Web, ReadAs<Sent<S>, Web>> still fails when the schema drops or
 * changes a field. The open values are held against the use-case's own types where one exists.
 */
export type ReadAs<Declared, Web> = unknown extends Declared
  ? Web
  : Declared extends unknown
    ? ReadEach<Declared, Web>
    : never;

/** ReadAs of one member of the declared union (`string | null` is read member by member). */
type ReadEach<Declared, Web> = string extends Declared
  ? [Extract<Web, string>] extends [never]
    ? Declared
    : Extract<Web, string>
  : Declared extends readonly unknown[]
    ? number extends Declared['length']
      ? ReadAs<Declared[number], Element<Web>>[]
      : Declared
    : Declared extends object
      ? string extends keyof Declared
        ? unknown extends Declared[string]
          ? Web
          : { [K in keyof Declared]: ReadAs<Declared[K], Field<Web, string>> }
        : { [K in keyof Declared]: ReadAs<Declared[K], Field<Web, K>> }
      : Declared;

type Element<Web> = Web extends readonly unknown[] ? Web[number] : never;
type Field<Web, K> = Web extends object ? (K extends keyof Web ? Web[K] : never) : never;

/** What a web API function resolves to. */
export type Returned<Call extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<Call>>;

/** The JSON of what a use-case returns: what a route without a response schema sends. */
export type Result<UseCase extends (...args: never[]) => Promise<unknown>> = Json<Returned<UseCase>>;

/** What a route accepts as a JSON body or query: the schema's input side (defaults may be left out). */
export type Accepted<Schema extends z.ZodType> = z.input<Schema>;

/**
 * Compiles only when Web and Server are assignable to each other; tsc's error names the first
 * field that differs. (`Check = Web` puts the second constraint off by one parameter, because
 * `<A extends B, B extends A>` is a circular constraint to TypeScript.)
 */
export type Mutual<Web extends Server, Server extends Check, Check = Web> = [Web, Server, Check];

/**
 * Compiles only when Web is assignable to Server: a body or query the route accepts, or a response
 * the web reads more narrowly than the server declares it (each use says why).
 */
export type Fits<Web extends Server, Server> = [Web, Server];

/** Exact equality of two types (the conditional-type identity trick), after Json flattens both. */
export type Equal<A, B> =
  (<G>() => G extends Json<A> ? 1 : 2) extends <G>() => G extends Json<B> ? 1 : 2 ? true : false;

export type Assert<T extends true> = T;
