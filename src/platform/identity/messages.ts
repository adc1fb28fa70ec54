import type { EmailMessage } from '../notify/index.ts';

/** The emails identity sends, in one place so their wording can be reviewed together. */
export interface MessageContext {
  baseUrl: string;
  councilName: string;
}

export const VERIFY_EMAIL_HOURS = 24;
export const RESET_PASSWORD_MINUTES = 60;
export const CHANGE_EMAIL_HOURS = 24;

export function confirmEmailMessage(c: MessageContext, to: string, token: string): EmailMessage {
  return {
    to,
    subject: `Confirm your email address for ${c.councilName}`,
    body: [
      `Use this link to confirm your email address and finish creating your ${c.councilName} account:`,
      `${c.baseUrl}/verify-email?token=${token}`,
      `The link expires in ${VERIFY_EMAIL_HOURS} hours.`,
      'If you did not create an account, you can ignore this email.',
    ].join('\n\n'),
  };
}

/** Sent instead of a confirmation link when the address already has an account. */
export function signUpAttemptMessage(c: MessageContext, to: string): EmailMessage {
  return {
    to,
    subject: `Someone tried to create a ${c.councilName} account with your email address`,
    body: [
      `Someone tried to create a ${c.councilName} account with this email address, but you already have an account.`,
      `If it was you, sign in: ${c.baseUrl}/sign-in`,
      `If you have forgotten your password, reset it: ${c.baseUrl}/forgotten-password`,
      'If it was not you, you do not need to do anything. Your account has not been changed.',
    ].join('\n\n'),
  };
}

export function resetPasswordMessage(c: MessageContext, to: string, token: string): EmailMessage {
  return {
    to,
    subject: `Reset your ${c.councilName} password`,
    body: [
      'Use this link to reset your password:',
      `${c.baseUrl}/reset-password?token=${token}`,
      `The link expires in ${RESET_PASSWORD_MINUTES} minutes and can only be used once.`,
      'If you did not ask to reset your password, you can ignore this email. Your password has not been changed.',
    ].join('\n\n'),
  };
}

export function passwordChangedMessage(c: MessageContext, to: string): EmailMessage {
  return {
    to,
    subject: `Your ${c.councilName} password has been changed`,
    body: [
      `The password for your ${c.councilName} account has been changed.`,
      `If you did not change it, reset your password now: ${c.baseUrl}/forgotten-password`,
    ].join('\n\n'),
  };
}

export function confirmNewEmailMessage(c: MessageContext, to: string, token: string): EmailMessage {
  return {
    to,
    subject: `Confirm your new email address for ${c.councilName}`,
    body: [
      `Use this link to confirm this is the new email address for your ${c.councilName} account:`,
      `${c.baseUrl}/account/change-email/confirm?token=${token}`,
      `The link expires in ${CHANGE_EMAIL_HOURS} hours. You will need to sign in to use it.`,
      'If you did not ask to change your email address, you can ignore this email.',
    ].join('\n\n'),
  };
}

/** Sent to a new address that already belongs to another account, instead of a confirmation link. */
export function emailInUseMessage(c: MessageContext, to: string): EmailMessage {
  return {
    to,
    subject: `Someone tried to use your email address for a ${c.councilName} account`,
    body: [
      `Someone asked to use this email address for their ${c.councilName} account, but it already belongs to an account.`,
      'The address has not been changed. If it was you, sign in to the account that uses this address instead.',
    ].join('\n\n'),
  };
}

export function emailChangeRequestedMessage(c: MessageContext, to: string): EmailMessage {
  return {
    to,
    subject: `Someone asked to change the email address for your ${c.councilName} account`,
    body: [
      `Someone asked to change the email address for your ${c.councilName} account. Nothing changes until the new address is confirmed.`,
      `If it was not you, reset your password now: ${c.baseUrl}/forgotten-password`,
    ].join('\n\n'),
  };
}

export function emailChangedMessage(c: MessageContext, to: string): EmailMessage {
  return {
    to,
    subject: `The email address for your ${c.councilName} account has been changed`,
    body: [
      `The email address for your ${c.councilName} account has been changed. We will not send emails to this address any more.`,
      `If you did not change it, contact the council.`,
    ].join('\n\n'),
  };
}
