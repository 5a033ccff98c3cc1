export interface SmsMessage {
  phone: string;
  text: string;
  /**
   * The message's own id where it has one (a citizen's outcome SMS: `<application id>:<outcome>`): a
   * gateway that takes a client message id delivers it once however often it is sent (docs/jobs.md).
   */
  clientId?: string;
}

export interface SmsGateway {
  send(message: SmsMessage): Promise<void>;
}
