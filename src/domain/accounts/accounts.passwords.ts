/** Limits on a password chosen by a user. */
export const passwordPolicy = { minLength: 8, maxLength: 200 } as const;

export type PasswordProblem = 'too_short' | 'too_long' | 'same_as_login';

/** The problems with a chosen password, empty when it is acceptable. */
export const checkPassword = ({
  password,
  login,
}: {
  password: string;
  login?: string;
}): PasswordProblem[] => {
  const problems: PasswordProblem[] = [];
  if ([...password].length < passwordPolicy.minLength) problems.push('too_short');
  if ([...password].length > passwordPolicy.maxLength) problems.push('too_long');
  if (login !== undefined && password.toLowerCase() === login.toLowerCase()) problems.push('same_as_login');
  return problems;
};

// No 0/O/o, 1/l/I: generated passwords are read off a screen and typed by hand.
const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * A password of `length` characters from an unambiguous alphabet, built from `randomBytes` (the
 * caller supplies cryptographic randomness; rejection sampling keeps every character equally likely).
 */
export const passwordFromRandomBytes = ({
  randomBytes,
  length,
}: {
  randomBytes: Uint8Array;
  length: number;
}) => {
  const limit = 256 - (256 % alphabet.length);
  let password = '';
  for (const byte of randomBytes) {
    if (password.length === length) break;
    if (byte < limit) password += alphabet[byte % alphabet.length];
  }
  return password.length === length ? password : undefined;
};
