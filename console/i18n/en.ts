// The staff console's words. English is the reference: every catalogue has exactly its keys.
export const en = {
  'app.title': 'Staff console',
  'lang.label': 'Language',
  'signIn.title': 'Sign in',
  'signIn.username': 'Username',
  'signIn.password': 'Password',
  'signIn.totp': 'Code from the authenticator app',
  'signIn.submit': 'Sign in',
  'signOut': 'Sign out',
  'signedInAs': '{name}, {role}',
  'role.operator': 'operator',
  'role.supervisor': 'supervisor',
  'role.analyst': 'analyst',
  'role.admin': 'administrator',
  'field.required': 'Fill this in.',
  'error.invalid_credentials': 'Wrong username or password.',
  'error.totp_required': 'Enter the code from your authenticator app.',
  'error.invalid_totp': 'The code is wrong or has expired. Enter the new one.',
  'error.too_many_attempts': 'Too many failed attempts. Try again in {wait}.',
  'error.no_session': 'Please sign in.',
  'error.session_expired': 'Your session has expired. Please sign in again.',
  'error.forbidden_role': 'Your role does not allow this.',
  'error.csrf': 'The page is out of date. Reload it and try again.',
  'error.network': 'No connection to the back office. Check the network and try again.',
  'error.server': 'The back office answered with an error. Try again; if it repeats, tell the administrator.',
  'error.unknown': 'Something went wrong ({code}).',
  'wait.seconds': '{n} s',
  'wait.minutes': '{n} min',
} as const;

export type ConsoleKey = keyof typeof en;
export type ConsoleCatalogue = Record<ConsoleKey, string>;
