export interface SmsGateway {
  send(message: { phone: string; text: string }): Promise<void>;
}
